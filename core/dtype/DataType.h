#pragma once
// A Zarr element type as the reader sees it: what kind of value, how many bytes,
// and the byte order of the decoded in-memory representation.
//
// v2 arrays keep their declared byte order in memory (the chunk bytes are already
// in it), so "dtype as stored" round-trips to .npy unchanged. v3 arrays have no
// byte order in the data type (the `bytes` codec carries it); they decode to little endian.
//
// Variable-length elements (strings, bytes, JSON items of v2 object arrays; v3 `string` and
// `bytes`) are 8-byte handles in memory: native uint64 indexes into the read's StringArena,
// so chunk copies stay a memcpy of fixed-size elements. Handle 0 is the fill value.

#include "util/Result.h"

#include <QString>
#include <cstddef>

namespace zs {

enum class ByteOrder
{
    Little,
    Big,
    NotApplicable
};

struct DataType
{
    enum class Kind
    {
        Bool,
        Int,
        UInt,
        Float,
        Complex,
        Bytes,
        Unicode,
        DateTime,
        TimeDelta,
        RawBits,
        VarString, // variable-length UTF-8 text (vlen-utf8)
        VarBytes,  // variable-length bytes (vlen-bytes)
        JsonItem,  // one JSON value per element (numcodecs json2), kept as its JSON text
    };

    Kind kind = Kind::UInt;
    std::size_t size = 1; // bytes per element
    ByteOrder order = ByteOrder::NotApplicable;
    QString unit; // datetime/timedelta unit, e.g. "ns"; empty otherwise
    QString name; // the name the metadata used, shown to users

    // NumPy array-protocol type string, e.g. "<f4", "|b1", "<U5", "<M8[ns]".
    QString numpyTypeString() const;
    // Size of one scalar component that byte order applies to (a complex64 swaps as two 4-byte halves;
    // unicode swaps per 4-byte code point; bytes never).
    std::size_t swapUnit() const;
    bool isNumeric() const
    {
        return kind == Kind::Bool || kind == Kind::Int || kind == Kind::UInt || kind == Kind::Float ||
               kind == Kind::Complex;
    }
    bool needsSwapFrom(ByteOrder other) const;
    bool isVariableLength() const
    {
        return kind == Kind::VarString || kind == Kind::VarBytes || kind == Kind::JsonItem;
    }

    bool operator==(const DataType &o) const
    {
        return kind == o.kind && size == o.size && order == o.order && unit == o.unit;
    }
};

ByteOrder nativeByteOrder();

// "<i4", ">f8", "|b1", "|S10", "<U3", "<M8[ns]" ... Structured and object types are refused.
Result<DataType> parseNumpyTypeString(const QString &typestr);
// A dtype as NumPy spells it in numcodecs configurations (zarr-python 3 writes str(np.dtype)):
// names ("int32", "float64", "bool", "uint8", "complex64"), array-protocol strings with or without a
// byte order ("<i4", "i4", ">f8", "|u1", "U5"; none means native, as np.dtype has it) and the
// one-letter forms "b1"/"?". Object, structured and other dtypes are refused, naming the string.
Result<DataType> parseNumpyDtypeName(const QString &name);
// v3 names: "bool", "int8".."uint64", "float16/32/64", "complex64/128", "r8".."r<N>".
// (The variable-length "string" and "bytes" are the array parser's: they need their codec.)
Result<DataType> parseV3DataTypeName(const QString &name);

// A variable-length kind: 8-byte handles named by `name` ("string", "bytes", "json2").
DataType variableLengthType(DataType::Kind kind);

// Reverses the byte order of every element component in place.
void byteSwap(char *data, std::size_t bytes, std::size_t unit);

} // namespace zs
