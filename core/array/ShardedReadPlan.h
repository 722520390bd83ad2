#pragma once
// How a read of a sharded v3 array reaches its inner chunks without fetching whole shards:
// the plan runs over the inner chunk grid, and the inner chunks it touches are grouped by
// the shard object that holds them, so each shard's index is read once per read.

#include "array/ChunkPlan.h"
#include "metadata/NodeMetadata.h"

#include <optional>

namespace zs {

class ShardingCodec;

struct ShardLayout
{
    const ShardingCodec *codec = nullptr; // owned by the array's codec chain
    Shape shardShape;
    Shape innerShape;
    Shape innerPerShard; // inner chunks along each axis of one shard
    ChunkSpec innerSpec; // what one inner chunk decodes to
};

// The layout when inner chunks can be read by byte range: the chain is exactly
// sharding_indexed (an array->array codec before it would reorder the inner grid, and a
// bytes->bytes codec after it would compress the shard as a whole). nullopt otherwise:
// those arrays are read shard by shard.
std::optional<ShardLayout> rangeReadableShards(const ArrayMetadata &meta);

// What a read fetches and decodes one at a time, the unit ReadStats::chunks counts: the inner
// chunk of a range-readable sharded array, the chunk (or whole shard) otherwise.
Shape readUnitShape(const ArrayMetadata &meta);

struct ShardWork
{
    Shape coords; // in the shard grid
    struct Inner
    {
        std::size_t task = 0;    // index into the plan's tasks
        std::uint64_t entry = 0; // the inner chunk's place in the shard index (C order)
    };
    std::vector<Inner> chunks;
};

// `plan` must have been made over layout.innerShape. Shards come in the order the plan first touches them.
std::vector<ShardWork> groupByShard(const ChunkPlan &plan, const ShardLayout &layout);

} // namespace zs
