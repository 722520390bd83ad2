#pragma once
// numcodecs `vlen-utf8` and `vlen-bytes` as an array->bytes codec: a 4-byte little-endian
// item count, then per item a 4-byte little-endian length and its bytes, items in C order.
// The same layout is zarr-python 3's v3 `vlen-utf8`/`vlen-bytes` codec (data types `string`
// and `bytes`). In v2 the codec is the object array's first filter.
//
// Decoding writes one StringArena handle per element (ChunkSpec::arena). The encoded length
// bounds everything before any allocation: the count must be the chunk's element count and
// every item must fit in the bytes that remain. vlen-utf8 items must be valid UTF-8.

#include "codec/Codec.h"

namespace zs {

class VlenCodec final : public ArrayToBytesCodec
{
public:
    enum class Flavor
    {
        Utf8,
        Bytes
    };
    // `v2`: described with its numcodecs "id" (a v2 filter) rather than as a v3 codec.
    VlenCodec(Flavor flavor, bool v2);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(const ChunkSpec &) const override { return std::nullopt; }
    std::optional<std::uint64_t> encodedSizeBound(const ChunkSpec &spec) const override;
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &spec) const override;
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &spec) const override;

private:
    Flavor m_flavor;
    bool m_v2;
    QString m_name;
};

} // namespace zs
