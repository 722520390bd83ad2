#include "bench/ChunkAdvisor.h"

#include <algorithm>
#include <cmath>

namespace zs {

namespace {

std::uint64_t product(const Shape &s)
{
    std::uint64_t n = 1;
    for (std::uint64_t v : s)
        n *= v;
    return n;
}

// Spreads `budget` elements over `dims` as evenly as the shape allows: the smallest
// dimensions are settled first, so what a short dimension cannot take goes to the longer ones.
void fillBalanced(Shape &chunk, const Shape &shape, std::vector<int> dims, double budget)
{
    std::stable_sort(dims.begin(), dims.end(), [&](int a, int b) { return shape[a] < shape[b]; });
    for (std::size_t i = 0; i < dims.size(); ++i) {
        const double side = std::floor(std::pow(std::max(1.0, budget), 1.0 / double(dims.size() - i)) + 1e-9);
        const int d = dims[i];
        chunk[d] = std::clamp<std::uint64_t>(std::uint64_t(side), 1, std::max<std::uint64_t>(1, shape[d]));
        budget /= double(chunk[d]);
    }
}

std::vector<int> otherDims(std::size_t rank, const std::vector<int> &dims)
{
    std::vector<int> others;
    for (int d = 0; d < int(rank); ++d)
        if (std::find(dims.begin(), dims.end(), d) == dims.end()) others.push_back(d);
    return others;
}

} // namespace

std::vector<int> displayedDims(const Selection &view)
{
    std::vector<int> dims;
    for (std::size_t d = 0; d < view.dims.size(); ++d)
        if (!view.dims[d].dropped && view.dims[d].count > 1) dims.push_back(int(d));
    return dims;
}

AccessPattern patternFor(const std::vector<int> &displayed)
{
    if (displayed.size() == 2) return AccessPattern::Image;
    if (displayed.size() == 1) return AccessPattern::Series;
    return AccessPattern::Whole;
}

Shape suggestChunks(const Shape &shape, std::size_t itemSize, AccessPattern pattern,
                    const std::vector<int> &dims, std::uint64_t targetBytes)
{
    const double budget =
        double(std::max<std::uint64_t>(1, targetBytes / std::max<std::size_t>(1, itemSize)));
    Shape chunk(shape.size(), 1);
    std::vector<int> all(shape.size());
    for (std::size_t d = 0; d < shape.size(); ++d)
        all[d] = int(d);
    switch (pattern) {
    case AccessPattern::Whole:
        fillBalanced(chunk, shape, all, budget);
        break;
    case AccessPattern::Image: {
        fillBalanced(chunk, shape, dims, budget);
        // A whole plane smaller than the minimum takes neighbouring planes along, up to the
        // minimum only: paging through planes should not drag many unseen ones with it.
        const double plane = double(product(chunk));
        const double minElems = double(kMinChunkBytes / std::max<std::size_t>(1, itemSize));
        if (plane < minElems)
            fillBalanced(chunk, shape, otherDims(shape.size(), dims), std::ceil(minElems / plane));
        break;
    }
    case AccessPattern::Series: {
        const int d = dims.front();
        chunk[d] = std::clamp<std::uint64_t>(std::uint64_t(budget), 1, std::max<std::uint64_t>(1, shape[d]));
        fillBalanced(chunk, shape, otherDims(shape.size(), dims), budget / double(chunk[d]));
        break;
    }
    }
    return chunk;
}

std::uint64_t chunksTouched(const Selection &selection, const Shape &chunks)
{
    std::uint64_t n = 1;
    for (std::size_t d = 0; d < selection.dims.size() && d < chunks.size(); ++d) {
        const DimSelection &s = selection.dims[d];
        if (s.count == 0) return 0;
        const std::uint64_t c = std::max<std::uint64_t>(1, chunks[d]);
        // Indices closer than a chunk cannot skip one; further apart, each is in its own.
        n *= s.step >= c ? s.count : s.last() / c - s.start / c + 1;
    }
    return n;
}

ReadCost estimateRead(const Selection &selection, const Shape &chunks, std::size_t itemSize,
                      const NetworkModel &net)
{
    ReadCost cost;
    cost.requests = chunksTouched(selection, chunks);
    cost.bytes = std::uint64_t(double(cost.requests) * double(product(chunks)) * double(itemSize) *
                               net.compressionRatio);
    const std::uint64_t rounds = (cost.requests + std::uint64_t(std::max(1, net.concurrency)) - 1) /
                                 std::uint64_t(std::max(1, net.concurrency));
    cost.seconds =
        double(rounds) * net.latencySeconds + double(cost.bytes) / std::max(1.0, net.bytesPerSecond);
    return cost;
}

ChunkAdvice adviseChunks(const Shape &shape, const Shape &chunks, std::size_t itemSize, const Selection &view,
                         const NetworkModel &net)
{
    ChunkAdvice a;
    a.viewDims = view.dims.empty() ? std::vector<int>{} : displayedDims(view);
    a.pattern = patternFor(a.viewDims);
    a.current = chunks;
    a.suggested = suggestChunks(shape, itemSize, a.pattern, a.viewDims);
    a.currentChunkBytes = product(chunks) * itemSize;
    a.suggestedChunkBytes = product(a.suggested) * itemSize;
    const Selection whole = Selection::all(shape);
    const Selection &shown = view.dims.empty() ? whole : view;
    a.wholeCurrent = estimateRead(whole, chunks, itemSize, net);
    a.wholeSuggested = estimateRead(whole, a.suggested, itemSize, net);
    a.viewCurrent = estimateRead(shown, chunks, itemSize, net);
    a.viewSuggested = estimateRead(shown, a.suggested, itemSize, net);
    return a;
}

} // namespace zs
