#include "array/ShardedReadPlan.h"

#include "codec/ShardingCodec.h"

#include <map>

namespace zs {

std::optional<ShardLayout> rangeReadableShards(const ArrayMetadata &meta)
{
    const ShardingCodec *codec = meta.codecs.isValid() ? meta.codecs.arrayToBytes()->sharding() : nullptr;
    if (!codec || !meta.codecs.arrayToArray().empty() || !meta.codecs.bytesToBytes().empty())
        return std::nullopt;
    ShardLayout l;
    l.codec = codec;
    l.shardShape = meta.chunks;
    l.innerShape = codec->innerChunkShape();
    l.innerPerShard = codec->innerGrid();
    l.innerSpec = codec->innerSpec(meta.chunkSpec());
    if (l.innerShape.size() != l.shardShape.size()) return std::nullopt;
    return l;
}

Shape readUnitShape(const ArrayMetadata &meta)
{
    const auto layout = rangeReadableShards(meta);
    return layout ? layout->innerShape : meta.chunks;
}

std::vector<ShardWork> groupByShard(const ChunkPlan &plan, const ShardLayout &layout)
{
    std::vector<ShardWork> out;
    std::map<Shape, std::size_t> byCoords;
    const std::size_t rank = layout.innerShape.size();
    for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
        const Shape &inner = plan.tasks[t].coords;
        Shape shard(rank);
        std::uint64_t entry = 0;
        for (std::size_t i = 0; i < rank; ++i) {
            shard[i] = inner[i] / layout.innerPerShard[i];
            entry = entry * layout.innerPerShard[i] + inner[i] % layout.innerPerShard[i];
        }
        auto [it, added] = byCoords.try_emplace(shard, out.size());
        if (added) out.push_back(ShardWork{std::move(shard), {}});
        out[it->second].chunks.push_back({t, entry});
    }
    return out;
}

} // namespace zs
