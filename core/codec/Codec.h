#pragma once
// The three codec kinds of the Zarr v3 model, used for v2 arrays too:
//   array -> array  (transpose; v2 order "F")
//   array -> bytes  (bytes, sharding_indexed; exactly one per chain)
//   bytes -> bytes  (compressors, checksums, v2 filters that work on raw element bytes)
// Decoders are told the size they must produce and never allocate or write more.

#include "dtype/DataType.h"
#include "util/Result.h"

#include <QByteArray>
#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <vector>

namespace zs {

using Shape = std::vector<std::uint64_t>;
class StringArena;
class ShardingCodec;

// What a codec sees of the chunk it works on.
struct ChunkSpec
{
    Shape shape;
    DataType dtype;
    QByteArray fill; // one element, in dtype's in-memory byte order
    // Variable-length dtypes only: where the read's decoders store the items whose handles
    // they write (see StringArena.h). Null outside a read.
    std::shared_ptr<StringArena> arena;

    std::uint64_t elementCount() const;
    std::uint64_t byteSize() const { return elementCount() * dtype.size; }
};

// How large a bytes->bytes decoder's output must be.
struct SizeHint
{
    std::uint64_t bytes = 0;
    bool exact = true;
    // Checks a size a stream header declares before anything is allocated for it.
    Status admits(std::uint64_t declared, const char *codec) const;
};

class ArrayToArrayCodec
{
public:
    virtual ~ArrayToArrayCodec() = default;
    virtual QString name() const = 0;
    virtual nlohmann::json configuration() const = 0;
    // The spec the next codec sees when encoding.
    virtual Result<ChunkSpec> encodedSpec(const ChunkSpec &decoded) const = 0;
    virtual Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &decoded) const = 0;
    virtual Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &decodedSpec) const = 0;
};

class ArrayToBytesCodec
{
public:
    virtual ~ArrayToBytesCodec() = default;
    virtual QString name() const = 0;
    virtual nlohmann::json configuration() const = 0;
    // Size of the encoded bytes when that is fixed by the spec (the bytes codec), else nullopt.
    virtual std::optional<std::uint64_t> encodedSize(const ChunkSpec &spec) const = 0;
    // When encodedSize is not fixed: the most the encoded bytes may hold, which bounds the
    // decompressors before this codec. nullopt lets the chain estimate from the decoded size
    // (right for shards; variable-length items are bounded by the read's string budget instead).
    virtual std::optional<std::uint64_t> encodedSizeBound(const ChunkSpec &) const { return std::nullopt; }
    virtual Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &spec) const = 0;
    virtual Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &spec) const = 0;
    // The chain says what it is: a sharding codec answers itself, so readers that fetch inner
    // chunks by range find it without a cast.
    virtual const ShardingCodec *sharding() const { return nullptr; }
};

class BytesToBytesCodec
{
public:
    virtual ~BytesToBytesCodec() = default;
    virtual QString name() const = 0;
    virtual nlohmann::json configuration() const = 0;
    // Encoded size for a given decoded size when fixed (checksums, byte filters), else nullopt.
    virtual std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const = 0;
    // The output must be exactly `size.bytes` long when `size.exact`, else at most that long.
    virtual Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const = 0;
    virtual Result<QByteArray> encode(const QByteArray &decoded) const = 0;
};

using ArrayToArrayPtr = std::shared_ptr<const ArrayToArrayCodec>;
using ArrayToBytesPtr = std::shared_ptr<const ArrayToBytesCodec>;
using BytesToBytesPtr = std::shared_ptr<const BytesToBytesCodec>;

} // namespace zs
