#pragma once
// v3 `sharding_indexed`: a shard object holds encoded inner chunks plus an index of
// (offset, nbytes) uint64 pairs, one per inner chunk in C order over the inner grid;
// (2^64-1, 2^64-1) marks an empty inner chunk, which decodes to the fill value.
// The index is encoded with its own codec chain and sits at the start or the end.
// decode() produces the whole shard; the index helpers let a reader fetch by range.

#include "codec/CodecChain.h"

namespace zs {

class ShardingCodec final : public ArrayToBytesCodec
{
public:
    enum class IndexLocation
    {
        Start,
        End
    };
    struct IndexEntry
    {
        std::uint64_t offset = ~std::uint64_t(0);
        std::uint64_t nbytes = ~std::uint64_t(0);
        bool empty() const { return offset == ~std::uint64_t(0) && nbytes == ~std::uint64_t(0); }
    };

    ShardingCodec(Shape shardShape, Shape chunkShape, CodecChain inner, CodecChain index,
                  IndexLocation location, std::uint64_t indexBytes);
    // `shard` is the spec of the array this codec receives (one whole shard).
    static Result<std::shared_ptr<ShardingCodec>> fromConfig(const nlohmann::json &config,
                                                             const ChunkSpec &shard);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(const ChunkSpec &) const override { return std::nullopt; }
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &spec) const override;
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &spec) const override;
    const ShardingCodec *sharding() const override { return this; }

    // For range reads: the index's encoded size and place, the inner grid and chain.
    std::uint64_t indexByteSize() const { return m_indexBytes; }
    IndexLocation indexLocation() const { return m_location; }
    const Shape &innerChunkShape() const { return m_chunkShape; }
    Shape innerGrid() const;
    const CodecChain &innerChain() const { return m_inner; }
    ChunkSpec innerSpec(const ChunkSpec &shard) const;
    // Decodes the index bytes and checks every non-empty entry lies within `objectSize` bytes.
    Result<std::vector<IndexEntry>> decodeIndex(const QByteArray &indexBytes, std::uint64_t objectSize) const;

private:
    ChunkSpec indexSpec() const;

    QString m_name = QStringLiteral("sharding_indexed");
    Shape m_shardShape;
    Shape m_chunkShape;
    CodecChain m_inner;
    CodecChain m_index;
    IndexLocation m_location;
    std::uint64_t m_indexBytes;
};

} // namespace zs
