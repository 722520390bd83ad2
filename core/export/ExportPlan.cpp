#include "export/ExportPlan.h"

namespace zs {

Result<ExportPlan> ExportPlan::make(const Selection &selection, const Shape &outChunks, std::size_t itemSize,
                                    std::uint64_t batchBytes)
{
    ExportPlan p;
    p.m_selection = selection;
    for (std::size_t d = 0; d < selection.dims.size(); ++d)
        if (!selection.dims[d].dropped) p.m_kept.push_back(d);
    p.m_outShape = selection.resultShape();
    p.m_outChunks = outChunks;
    if (outChunks.size() != p.m_outShape.size())
        return makeError(QStringLiteral("chunk shape has %1 dimensions, the output has %2")
                             .arg(outChunks.size())
                             .arg(p.m_outShape.size()));
    p.m_chunkCount = 1;
    std::uint64_t chunkBytes = itemSize;
    for (std::size_t d = 0; d < outChunks.size(); ++d) {
        if (outChunks[d] == 0) return makeError(QStringLiteral("chunk sizes must be positive"));
        p.m_grid.push_back((p.m_outShape[d] + outChunks[d] - 1) / outChunks[d]);
        p.m_chunkCount *= p.m_grid.back();
        chunkBytes *= outChunks[d];
    }
    // Grow the block from the last dimension while the whole region fits the budget.
    p.m_block = Shape(outChunks.size(), 1);
    std::uint64_t bytes = chunkBytes;
    for (std::size_t i = outChunks.size(); i-- > 0;) {
        const std::uint64_t room = std::max<std::uint64_t>(1, batchBytes / std::max<std::uint64_t>(1, bytes));
        p.m_block[i] = std::max<std::uint64_t>(1, std::min(p.m_grid[i], room));
        bytes *= p.m_block[i];
        if (p.m_block[i] < p.m_grid[i]) break;
    }
    p.m_batchCount = p.m_chunkCount == 0 ? 0 : 1;
    for (std::size_t d = 0; d < outChunks.size(); ++d) {
        p.m_batchGrid.push_back(p.m_grid[d] == 0 ? 0 : (p.m_grid[d] + p.m_block[d] - 1) / p.m_block[d]);
        p.m_batchCount *= p.m_batchGrid.back();
    }
    return p;
}

ExportBatch ExportPlan::region(const Shape &firstChunk, const Shape &chunkCount) const
{
    ExportBatch b{firstChunk, chunkCount, {}, {}};
    for (std::size_t d = 0; d < firstChunk.size(); ++d) {
        b.chunkCount[d] = std::min(chunkCount[d], m_grid[d] - firstChunk[d]);
        b.origin.push_back(firstChunk[d] * m_outChunks[d]);
        b.extent.push_back(std::min(m_outShape[d], (firstChunk[d] + b.chunkCount[d]) * m_outChunks[d]) -
                           b.origin.back());
    }
    return b;
}

ExportBatch ExportPlan::batch(std::uint64_t index) const
{
    Shape first(m_block.size());
    for (std::size_t d = m_block.size(); d-- > 0;) {
        first[d] = (index % m_batchGrid[d]) * m_block[d];
        index /= m_batchGrid[d];
    }
    return region(first, m_block);
}

std::vector<Shape> ExportPlan::chunksOf(const ExportBatch &batch) const
{
    std::vector<Shape> out;
    std::uint64_t n = 1;
    for (auto c : batch.chunkCount)
        n *= c;
    out.reserve(n);
    Shape idx(batch.chunkCount.size(), 0);
    for (std::uint64_t i = 0; i < n; ++i) {
        Shape c(idx.size());
        for (std::size_t d = 0; d < idx.size(); ++d)
            c[d] = batch.firstChunk[d] + idx[d];
        out.push_back(std::move(c));
        for (std::size_t d = idx.size(); d-- > 0;) {
            if (++idx[d] < batch.chunkCount[d]) break;
            idx[d] = 0;
        }
    }
    return out;
}

Selection ExportPlan::sourceSelection(const ExportBatch &batch) const
{
    Selection s = m_selection;
    for (std::size_t o = 0; o < m_kept.size(); ++o) {
        DimSelection &dim = s.dims[m_kept[o]];
        dim.start += batch.origin[o] * dim.step;
        dim.count = batch.extent[o];
    }
    return s;
}

} // namespace zs
