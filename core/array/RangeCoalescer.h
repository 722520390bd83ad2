#pragma once
// Groups byte ranges of one object into fewer requests: neighbours separated by at most
// `maxGap` bytes share one request, up to `maxMerged` bytes per request. Reading a small gap
// costs less than another round trip; the cap keeps one request from holding the whole budget.

#include <cstdint>
#include <vector>

namespace zs {

struct CoalesceLimits
{
    std::uint64_t maxGap = std::uint64_t(64) << 10; // bytes of unwanted data worth reading to save a request
    // Largest merged request; a single larger range stays alone. A quarter of the reader's default
    // 16 MiB byte budget, so at least four merged requests can be in flight at once.
    std::uint64_t maxMerged = std::uint64_t(4) << 20;
};

struct WantedRange
{
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::size_t tag = 0; // the caller's id for what this range holds (an inner chunk)
};

struct MergedRange
{
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::vector<WantedRange> parts; // offsets stay absolute; subtract `offset` to find a part in the reply
};

// Ranges may come in any order and may overlap (two index entries can share bytes).
std::vector<MergedRange> coalesceRanges(std::vector<WantedRange> ranges, const CoalesceLimits &limits);

} // namespace zs
