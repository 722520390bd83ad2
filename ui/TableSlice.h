#pragma once
// The 2-D (or 1-D) slice the Data tab's table shows, at full resolution: which array, the slider
// positions of the other dimensions, and which array dimensions are the rows and the columns.
// It turns a block of rows and columns into the engine's selection and finds a cell in that
// read's result, for the table's lazy blocks, the copy and the CSV export alike.

#include "array/ArrayReader.h"
#include "array/ChunkCache.h"

#include <memory>

namespace zs {

struct TableSlice
{
    std::shared_ptr<Store> store;
    QString path;
    ArrayMetadata meta;
    std::shared_ptr<ChunkCache> cache;     // the store's; null reads without
    std::vector<std::uint64_t> fixedIndex; // per array dimension, used for the others
    int rowDim = -1;
    int colDim = -1; // -1: one column (a 1-D slice)

    bool valid() const { return store && rowDim >= 0; }
    std::uint64_t rows() const;
    std::uint64_t columns() const;
    // The selection of rows [row0, row0 + rowCount) and columns [col0, col0 + colCount).
    Selection selection(std::uint64_t row0, std::uint64_t rowCount, std::uint64_t col0,
                        std::uint64_t colCount) const;
    // Element index of cell (row, col), relative to the block, in that selection's result.
    std::uint64_t offset(std::uint64_t row, std::uint64_t col, std::uint64_t rowCount,
                         std::uint64_t colCount) const;
    ReadOptions readOptions() const;
    // The same cells (store, array, slider positions, displayed dimensions).
    bool sameCells(const TableSlice &other) const;
};

} // namespace zs
