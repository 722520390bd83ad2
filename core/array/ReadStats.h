#pragma once
// What a read did, measured where it happened: the numbers `bench` reports.

#include <cstdint>

namespace zs {

struct ReadStats
{
    std::uint64_t chunks = 0;         // chunks the selection touches (inner chunks of a sharded array)
    std::uint64_t requests = 0;       // store reads issued, shard index reads included
    std::uint64_t rangeRequests = 0;  // of those, byte-range reads (sharded arrays)
    std::uint64_t indexReads = 0;     // shard indexes read from the store
    std::uint64_t indexCacheHits = 0; // shard indexes taken from the cache instead
    std::uint64_t bytes = 0;          // bytes those reads returned
    std::uint64_t missing = 0;        // chunks absent from the store (read as fill)
    std::uint64_t cacheHits = 0;      // chunks taken decoded from ReadOptions::cache: no request, no decode
    std::uint64_t decodedInPlace = 0; // chunks decompressed straight into the result: no buffer, no copy
    // Most chunk reads outstanding at once, those waiting in the store's limiter included (the
    // store's transferStats() tells how many were on the wire).
    int maxInFlight = 0;
    double seconds = 0; // wall time from start to the last chunk copied
};

} // namespace zs
