#include "ViewportSampler.h"

#include <algorithm>
#include <cmath>

namespace zs {

std::uint64_t chunksTouchedAlong(const DimSelection &d, std::uint64_t chunk)
{
    if (d.count == 0 || chunk == 0) return 0;
    // Steps shorter than a chunk skip no chunk between the first and last index; longer ones
    // put every index in a chunk of its own.
    const std::uint64_t span = d.last() / chunk - d.start / chunk + 1;
    return d.step >= chunk ? std::min(d.count, span) : span;
}

namespace {

std::uint64_t chunksTouched(const DimSelection &d, std::uint64_t chunk)
{
    return chunksTouchedAlong(d, chunk);
}

void setWindow(DimSelection &d, const AxisWindow &w, std::uint64_t length, double oversample)
{
    const std::uint64_t begin = std::min(w.begin, length ? length - 1 : 0);
    const std::uint64_t end = std::clamp(w.end, begin + 1, std::max<std::uint64_t>(length, 1));
    const std::uint64_t span = end - begin;
    const auto wanted = std::uint64_t(std::max(1.0, std::ceil(oversample * std::max(1, w.pixels))));
    d.start = begin;
    d.step = std::max<std::uint64_t>(1, (span + wanted - 1) / wanted);
    d.count = length == 0 ? 0 : (span + d.step - 1) / d.step;
    d.dropped = false;
}

} // namespace

std::uint64_t touchedChunkBytes(const Selection &selection, const Shape &chunks, std::size_t itemSize)
{
    long double bytes = (long double)(itemSize);
    for (std::size_t i = 0; i < selection.dims.size() && i < chunks.size(); ++i)
        bytes *= (long double)(chunksTouched(selection.dims[i], chunks[i])) * (long double)(chunks[i]);
    return bytes > 1.8e19L ? UINT64_MAX : std::uint64_t(bytes);
}

Selection sampleSelection(const SampleRequest &r)
{
    Selection s;
    const std::size_t n = r.shape.size();
    s.dims.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t idx =
            i < r.fixedIndex.size() ? std::min(r.fixedIndex[i], r.shape[i] ? r.shape[i] - 1 : 0) : 0;
        s.dims[i] = DimSelection{idx, 1, r.shape[i] ? 1u : 0u, true};
    }
    if (r.xDim >= 0 && std::size_t(r.xDim) < n)
        setWindow(s.dims[std::size_t(r.xDim)], r.x, r.shape[std::size_t(r.xDim)], r.oversample);
    if (r.yDim >= 0 && std::size_t(r.yDim) < n)
        setWindow(s.dims[std::size_t(r.yDim)], r.y, r.shape[std::size_t(r.yDim)], r.oversample);

    // Coarsen the displayed dimension that touches the most chunks until the budget holds.
    while (touchedChunkBytes(s, r.chunks, r.itemSize) > r.chunkByteBudget) {
        DimSelection *worst = nullptr;
        std::uint64_t worstTouched = 1;
        for (int dim : {r.xDim, r.yDim}) {
            if (dim < 0 || std::size_t(dim) >= n) continue;
            DimSelection &d = s.dims[std::size_t(dim)];
            const std::uint64_t t = chunksTouched(d, r.chunks[std::size_t(dim)]);
            if (d.count > 1 && t >= worstTouched) {
                worst = &d;
                worstTouched = t;
            }
        }
        if (!worst) break; // one sample per displayed dimension: nothing coarser exists
        const std::uint64_t span = worst->last() + 1 - worst->start;
        worst->step *= 2;
        worst->count = (span + worst->step - 1) / worst->step;
    }
    return s;
}

AxisWindow withMargin(const AxisWindow &window, std::uint64_t length, double fraction)
{
    const std::uint64_t span = window.end > window.begin ? window.end - window.begin : 1;
    const auto margin = std::uint64_t(std::ceil(double(span) * fraction));
    AxisWindow w = window;
    w.begin = window.begin > margin ? window.begin - margin : 0;
    w.end = std::min(length, window.end + margin);
    w.pixels = int(std::ceil(double(window.pixels) * double(w.end - w.begin) / double(span)));
    return w;
}

bool selectionCovers(const Selection &have, const Selection &want)
{
    if (have.dims.size() != want.dims.size() || have.dims.empty()) return false;
    for (std::size_t i = 0; i < have.dims.size(); ++i) {
        const DimSelection &h = have.dims[i], &w = want.dims[i];
        if (h.dropped != w.dropped) return false;
        if (h.dropped ? h.start != w.start
                      : (h.step > w.step || h.start > w.start || h.count == 0 || h.last() < w.last()))
            return false;
    }
    return true;
}

} // namespace zs
