#pragma once
// Which chunks a selection touches and, for each, which part of the decoded chunk
// goes where in the result. Built once per read; chunks the selection misses never appear.

#include "selection/Selection.h"

#include <QString>
#include <optional>

namespace zs {

// One dimension of the copy from a decoded chunk into the result.
struct CopyDim
{
    std::uint64_t srcStart = 0; // index within the chunk
    std::uint64_t srcStep = 1;
    std::uint64_t count = 0;
    std::uint64_t dstStart = 0; // index within the result (dropped dimensions: 0)
};

struct ChunkTask
{
    std::vector<std::uint64_t> coords; // chunk grid coordinates
    std::vector<CopyDim> copy;         // one per array dimension
};

struct ChunkPlan
{
    std::vector<ChunkTask> tasks;
    Shape resultShape;  // without dropped dimensions
    Shape fullDstShape; // every array dimension, dropped ones of size 1
};

// Refuses a selection touching more than `maxChunks` chunks before building anything.
Result<ChunkPlan> planChunks(const Selection &selection, const Shape &chunkShape,
                             std::uint64_t maxChunks = std::uint64_t(1) << 22);

// Copies one chunk's selected part into the result, one contiguous run at a time.
// `chunk` is the decoded chunk (C order, chunkShape), `dst` the result buffer (C order, fullDstShape).
void copyChunkRegion(const char *chunk, const Shape &chunkShape, const std::vector<CopyDim> &copy, char *dst,
                     const Shape &fullDstShape, std::size_t itemSize);

// Where in the result (a byte offset) the whole decoded chunk lands as one contiguous run, so it
// can be decoded there with no copy: the chunk is copied whole, unstrided, into rows the result
// holds in full (edge chunks are padded, so they never qualify). nullopt otherwise.
std::optional<std::uint64_t> contiguousDestination(const Shape &chunkShape, const std::vector<CopyDim> &copy,
                                                   const Shape &fullDstShape, std::size_t itemSize);

} // namespace zs
