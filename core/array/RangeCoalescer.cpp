#include "array/RangeCoalescer.h"

#include <algorithm>

namespace zs {

std::vector<MergedRange> coalesceRanges(std::vector<WantedRange> ranges, const CoalesceLimits &limits)
{
    std::sort(ranges.begin(), ranges.end(), [](const WantedRange &a, const WantedRange &b) {
        return a.offset != b.offset ? a.offset < b.offset : a.length < b.length;
    });
    std::vector<MergedRange> out;
    for (const WantedRange &r : ranges) {
        const std::uint64_t end = r.offset + r.length;
        if (!out.empty()) {
            MergedRange &m = out.back();
            const std::uint64_t mEnd = m.offset + m.length;
            const bool near = r.offset <= mEnd || r.offset - mEnd <= limits.maxGap;
            const std::uint64_t newEnd = std::max(mEnd, end);
            if (near && newEnd - m.offset <= limits.maxMerged) {
                m.length = newEnd - m.offset;
                m.parts.push_back(r);
                continue;
            }
        }
        out.push_back(MergedRange{r.offset, r.length, {r}});
    }
    return out;
}

} // namespace zs
