#pragma once
// What a read did, measured where it happened: the numbers `bench` reports.

#include <cstdint>

namespace zs {

struct ReadStats
{
    std::uint64_t chunks = 0;       // chunks the selection touches
    std::uint64_t requests = 0;     // store reads issued
    std::uint64_t bytes = 0;        // bytes those reads returned
    std::uint64_t missing = 0;      // chunks absent from the store (read as fill)
    int maxInFlight = 0;            // most store reads outstanding at once
    int concurrency = 0;            // the limit that applied
    double seconds = 0;             // wall time from start to the last chunk copied
};

} // namespace zs
