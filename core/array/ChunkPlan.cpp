#include "array/ChunkPlan.h"

#include <cstring>

namespace zs {

namespace {

struct DimPiece
{
    std::uint64_t chunk;
    CopyDim copy;
};

// The chunks one dimension's selection touches, in order, skipping chunks that a
// large step jumps over entirely.
std::vector<DimPiece> piecesForDim(const DimSelection &d, std::uint64_t chunk)
{
    std::vector<DimPiece> out;
    std::uint64_t k = 0;
    while (k < d.count) {
        const std::uint64_t index = d.start + k * d.step;
        const std::uint64_t c = index / chunk;
        const std::uint64_t chunkEnd = (c + 1) * chunk; // exclusive
        const std::uint64_t kEnd = std::min<std::uint64_t>(d.count, (chunkEnd - 1 - d.start) / d.step + 1);
        out.push_back(DimPiece{c, CopyDim{index - c * chunk, d.step, kEnd - k, d.dropped ? 0 : k}});
        k = kEnd;
    }
    return out;
}

} // namespace

Result<ChunkPlan> planChunks(const Selection &selection, const Shape &chunkShape, std::uint64_t maxChunks)
{
    // An upper bound on the chunks touched, computed without enumerating them.
    std::uint64_t bound = 1;
    for (std::size_t i = 0; i < selection.dims.size(); ++i) {
        const DimSelection &d = selection.dims[i];
        if (d.count == 0) {
            bound = 0;
            break;
        }
        const std::uint64_t spanned = d.last() / chunkShape[i] - d.start / chunkShape[i] + 1;
        const std::uint64_t pieces = std::min(d.count, spanned);
        if (bound > maxChunks / pieces)
            return makeError(
                QStringLiteral("selection touches more than %1 chunks; read it in parts").arg(maxChunks));
        bound *= pieces;
    }
    ChunkPlan plan;
    plan.resultShape = selection.resultShape();
    std::vector<std::vector<DimPiece>> perDim;
    for (std::size_t i = 0; i < selection.dims.size(); ++i) {
        perDim.push_back(piecesForDim(selection.dims[i], chunkShape[i]));
        plan.fullDstShape.push_back(selection.dims[i].dropped ? 1 : selection.dims[i].count);
        if (perDim.back().empty()) return plan; // empty selection: nothing to read
    }
    // Cartesian product of the per-dimension pieces, last dimension fastest.
    std::vector<std::size_t> idx(perDim.size(), 0);
    while (true) {
        ChunkTask t;
        for (std::size_t i = 0; i < perDim.size(); ++i) {
            t.coords.push_back(perDim[i][idx[i]].chunk);
            t.copy.push_back(perDim[i][idx[i]].copy);
        }
        plan.tasks.push_back(std::move(t));
        std::size_t i = perDim.size();
        while (i > 0 && ++idx[i - 1] == perDim[i - 1].size())
            idx[--i] = 0;
        if (i == 0) break;
    }
    return plan;
}

void copyChunkRegion(const char *chunk, const Shape &chunkShape, const std::vector<CopyDim> &copy, char *dst,
                     const Shape &fullDstShape, std::size_t itemSize)
{
    const std::size_t n = copy.size();
    if (n == 0) {
        std::memcpy(dst, chunk, itemSize);
        return;
    }
    std::vector<std::uint64_t> srcStride(n), dstStride(n);
    std::uint64_t s = itemSize, d = itemSize;
    for (std::size_t i = n; i-- > 0;) {
        srcStride[i] = s;
        dstStride[i] = d;
        s *= chunkShape[i];
        d *= fullDstShape[i];
    }
    // Fold trailing dimensions that are contiguous in both buffers into one run.
    std::size_t inner = n - 1;
    std::uint64_t runBytes = copy[inner].srcStep == 1 ? copy[inner].count * itemSize : 0;
    while (runBytes && inner > 0 && copy[inner].count == chunkShape[inner] &&
           copy[inner].count == fullDstShape[inner] && copy[inner - 1].srcStep == 1) {
        --inner;
        runBytes *= copy[inner].count;
    }
    const char *srcBase = chunk;
    char *dstBase = dst;
    for (std::size_t i = 0; i < n; ++i) {
        srcBase += copy[i].srcStart * srcStride[i];
        dstBase += copy[i].dstStart * dstStride[i];
    }
    std::vector<std::uint64_t> counter(inner, 0);
    while (true) {
        std::uint64_t so = 0, dof = 0;
        for (std::size_t i = 0; i < inner; ++i) {
            so += counter[i] * copy[i].srcStep * srcStride[i];
            dof += counter[i] * dstStride[i];
        }
        if (runBytes) {
            std::memcpy(dstBase + dof, srcBase + so, runBytes);
        } else { // strided innermost dimension: the elements are not adjacent in the chunk
            const std::uint64_t step = copy[inner].srcStep * srcStride[inner];
            const char *sp = srcBase + so;
            char *dp = dstBase + dof;
            for (std::uint64_t k = 0; k < copy[inner].count; ++k, sp += step, dp += itemSize)
                std::memcpy(dp, sp, itemSize);
        }
        std::size_t i = inner;
        while (i > 0 && ++counter[i - 1] == copy[i - 1].count)
            counter[--i] = 0;
        if (i == 0) break;
    }
}

std::optional<std::uint64_t> contiguousDestination(const Shape &chunkShape, const std::vector<CopyDim> &copy,
                                                   const Shape &fullDstShape, std::size_t itemSize)
{
    std::uint64_t offset = 0, stride = itemSize;
    // Innermost first: once a dimension spans more than one element, every outer one must be
    // a single index, or the chunk's rows would be interleaved with other chunks' in the result.
    bool spread = false;
    for (std::size_t i = copy.size(); i-- > 0;) {
        const CopyDim &c = copy[i];
        if (c.srcStart != 0 || c.count != chunkShape[i] || (c.count > 1 && c.srcStep != 1))
            return std::nullopt;
        if (spread && c.count > 1) return std::nullopt;
        offset += c.dstStart * stride;
        stride *= fullDstShape[i];
        if (c.count != fullDstShape[i]) spread = true;
    }
    return offset;
}

} // namespace zs
