#pragma once
// How many requests, and how long, reading an array costs with its chunking, against a
// chunking shaped for how it is looked at. Over HTTP each chunk is one request, so the cost
// model is the sweep's: ceil(requests / concurrency) round trips plus the bytes at the
// link's throughput. Chunks of a few MiB amortise a round trip; much larger ones make a
// small view pay for data it does not show.
// Sharded arrays are counted by shard (the unit their chunk grid names).

#include "selection/Selection.h"

#include <cstdint>
#include <vector>

namespace zs {

struct NetworkModel
{
    double latencySeconds = 0.05; // one round trip (sent to done of a small request)
    double bytesPerSecond = 50e6; // what the link delivers with many requests in flight
    int concurrency = 64;
    double compressionRatio = 1.0;   // bytes on the wire per decoded byte
    bool measured = false;           // latency from a run rather than the default above
    bool throughputMeasured = false; // a run moved enough bytes to measure the link
};

struct ReadCost
{
    std::uint64_t requests = 0;
    std::uint64_t bytes = 0; // on the wire, by the compression ratio
    double seconds = 0;
};

enum class AccessPattern
{
    Whole,  // no view, or a view over three or more dimensions: balanced chunks
    Image,  // two displayed dimensions: square-ish chunks in them, thin in the others
    Series, // one displayed dimension: long along it
};

struct ChunkAdvice
{
    AccessPattern pattern = AccessPattern::Whole;
    std::vector<int> viewDims; // the displayed dimensions the pattern is shaped for
    Shape current;
    Shape suggested;
    std::uint64_t currentChunkBytes = 0;
    std::uint64_t suggestedChunkBytes = 0;
    ReadCost wholeCurrent, wholeSuggested, viewCurrent, viewSuggested;
};

constexpr std::uint64_t kMinChunkBytes = std::uint64_t(1) << 20;
constexpr std::uint64_t kTargetChunkBytes = std::uint64_t(4) << 20;
constexpr std::uint64_t kMaxChunkBytes = std::uint64_t(16) << 20;

// The dimensions a view shows: those it keeps with more than one element.
std::vector<int> displayedDims(const Selection &view);
AccessPattern patternFor(const std::vector<int> &displayed);
// A chunk shape of about `targetBytes` (never more than the array) for the pattern.
Shape suggestChunks(const Shape &shape, std::size_t itemSize, AccessPattern pattern,
                    const std::vector<int> &dims, std::uint64_t targetBytes = kTargetChunkBytes);
// Chunks a selection touches (exact for strided selections).
std::uint64_t chunksTouched(const Selection &selection, const Shape &chunks);
ReadCost estimateRead(const Selection &selection, const Shape &chunks, std::size_t itemSize,
                      const NetworkModel &net);
// `view` empty = no view: the advice is for reading the whole array.
ChunkAdvice adviseChunks(const Shape &shape, const Shape &chunks, std::size_t itemSize, const Selection &view,
                         const NetworkModel &net);

} // namespace zs
