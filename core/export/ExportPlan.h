#pragma once
// How one array's export is cut into batches. Output chunks are grouped into rectangular
// blocks ("batches") whose decoded size stays under a byte budget; a batch is one read of the
// source region it covers, then its output chunks are encoded and written. Blocks grow along
// the last dimensions first, so a batch is usually a band of whole rows of output chunks.

#include "selection/Selection.h"

namespace zs {

struct ExportBatch
{
    Shape firstChunk; // output chunk coordinates of the block's first chunk
    Shape chunkCount; // output chunks along each dimension (clipped at the grid's end)
    Shape origin;     // the region in output element coordinates
    Shape extent;
};

class ExportPlan
{
public:
    // `selection` is in source coordinates; output dimensions are its kept ones.
    static Result<ExportPlan> make(const Selection &selection, const Shape &outChunks, std::size_t itemSize,
                                   std::uint64_t batchBytes);

    const Shape &outShape() const { return m_outShape; }
    const Shape &outChunks() const { return m_outChunks; }
    const Shape &grid() const { return m_grid; }
    std::uint64_t chunkCount() const { return m_chunkCount; }
    std::uint64_t batchCount() const { return m_batchCount; }
    const Shape &block() const { return m_block; }

    ExportBatch batch(std::uint64_t index) const;
    // A block of output chunks (a batch, or a single chunk) as a region.
    ExportBatch region(const Shape &firstChunk, const Shape &chunkCount) const;
    // The output chunk coordinates a batch covers, in C order.
    std::vector<Shape> chunksOf(const ExportBatch &batch) const;
    // The source selection that reads the batch's region (dropped dimensions stay dropped).
    Selection sourceSelection(const ExportBatch &batch) const;

private:
    Selection m_selection;
    std::vector<std::size_t> m_kept; // source dimension of each output dimension
    Shape m_outShape, m_outChunks, m_grid, m_block, m_batchGrid;
    std::uint64_t m_chunkCount = 0;
    std::uint64_t m_batchCount = 0;
};

} // namespace zs
