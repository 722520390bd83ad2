#include "TableSlice.h"

namespace zs {

std::uint64_t TableSlice::rows() const
{
    return rowDim >= 0 && std::size_t(rowDim) < meta.shape.size() ? meta.shape[std::size_t(rowDim)] : 0;
}

std::uint64_t TableSlice::columns() const
{
    if (rowDim < 0) return 0;
    return colDim >= 0 && std::size_t(colDim) < meta.shape.size() ? meta.shape[std::size_t(colDim)] : 1;
}

Selection TableSlice::selection(std::uint64_t row0, std::uint64_t rowCount, std::uint64_t col0,
                                std::uint64_t colCount) const
{
    Selection sel;
    for (std::size_t d = 0; d < meta.shape.size(); ++d) {
        DimSelection s;
        if (int(d) == rowDim) {
            s.start = row0;
            s.count = rowCount;
        } else if (int(d) == colDim) {
            s.start = col0;
            s.count = colCount;
        } else {
            s.start = d < fixedIndex.size() ? std::min(fixedIndex[d], meta.shape[d] - 1) : 0;
            s.count = 1;
            s.dropped = true;
        }
        sel.dims.push_back(s);
    }
    return sel;
}

std::uint64_t TableSlice::offset(std::uint64_t row, std::uint64_t col, std::uint64_t rowCount,
                                 std::uint64_t colCount) const
{
    // The result keeps the array's dimension order: rows first only when their dimension is.
    if (colDim < 0) return row;
    return rowDim < colDim ? row * colCount + col : col * rowCount + row;
}

ReadOptions TableSlice::readOptions() const
{
    ReadOptions options;
    options.cache = cache;
    return options;
}

bool TableSlice::sameCells(const TableSlice &other) const
{
    if (store != other.store || path != other.path || rowDim != other.rowDim || colDim != other.colDim ||
        metadataFingerprint(meta) != metadataFingerprint(other.meta))
        return false;
    for (std::size_t d = 0; d < meta.shape.size(); ++d) {
        if (int(d) == rowDim || int(d) == colDim) continue;
        const auto at = [&](const TableSlice &s) { return d < s.fixedIndex.size() ? s.fixedIndex[d] : 0; };
        if (at(*this) != at(other)) return false;
    }
    return true;
}

} // namespace zs
