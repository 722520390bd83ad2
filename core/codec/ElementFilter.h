#pragma once
// numcodecs filters that work element by element (delta, fixedscaleoffset, astype, quantize,
// bitround, packbits, categorize). In a v2 chain they are byte filters; zarr-python 3 uses
// them in v3 as array->array codecs ("numcodecs.<id>"), which ElementFilterArrayCodec adapts.
// Either way the chain must know what element type each one hands on: the v2 chain to give
// the next filter (blosc's typesize) its element size, the v3 chain to describe the array
// the next codec sees.

#include "codec/Codec.h"

#include <optional>

namespace zs {

class ElementFilter : public BytesToBytesCodec
{
public:
    // Element size of the encoded data for input elements of `decodedSize` bytes.
    virtual std::size_t encodedElementSize(std::size_t decodedSize) const = 0;
    // The chunk the next codec sees when encoding: by default the same shape in the encoded type.
    virtual Result<ChunkSpec> encodedSpec(const ChunkSpec &decoded) const;

protected:
    // The encoded element type, for the default encodedSpec; nullopt keeps the decoded one.
    virtual std::optional<DataType> encodedType() const { return std::nullopt; }
};

// The decoded and encoded element types of a filter, from its configuration's NumPy names.
struct FilterTypes
{
    DataType dtype;  // what decoding produces
    DataType astype; // what is stored
};

// Reads `dtypeKey` and `astypeKey` (astype defaults to dtype) for `codec`. `arrayType` is set in
// v3: like zarr-python 3, the array's own type is the decoded type (the configuration's dtype
// may be absent), and astype is taken in the little-endian order of v3's in-memory chunks
// (the bytes codec decides the stored order). `accepts` says which types the filter handles.
Result<FilterTypes> readFilterTypes(const nlohmann::json &config, const QString &codec, const char *dtypeKey,
                                    const char *astypeKey, const std::optional<DataType> &arrayType,
                                    bool (*accepts)(const DataType &));

// A v3 array->array codec "numcodecs.<id>" over an element filter: same bytes as in v2.
class ElementFilterArrayCodec final : public ArrayToArrayCodec
{
public:
    explicit ElementFilterArrayCodec(std::shared_ptr<const ElementFilter> filter);
    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    Result<ChunkSpec> encodedSpec(const ChunkSpec &decoded) const override
    {
        return m_filter->encodedSpec(decoded);
    }
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &decoded) const override;
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &decodedSpec) const override;

private:
    QString m_name;
    std::shared_ptr<const ElementFilter> m_filter;
};

} // namespace zs
