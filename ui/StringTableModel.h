#pragma once
// A table over one read of a variable-length array (strings, bytes, json2): 1-D slices as
// one column, 2-D ones (or the two displayed dimensions of an N-D array) as rows x columns.
// Headers are the array indices the rows and columns stand for; cells show the text (long
// ones shortened, in full as the tooltip and under Qt::UserRole).

#include "array/NdArray.h"
#include "array/VarLengthValues.h"
#include "selection/Selection.h"

#include <QAbstractTableModel>
#include <memory>
#include <optional>

namespace zs {

class StringTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit StringTableModel(QObject *parent = nullptr);

    // `result` was read for `selection`; `rowDim`/`colDim` are array dimensions that the
    // selection keeps (colDim -1 for one column; a 0-d selection is one cell). Replaces what was shown.
    void setResult(NdArray result, const Selection &selection, int rowDim, int colDim);
    void clear();

    // The array index a row or column stands for.
    std::uint64_t rowIndex(int row) const;
    std::uint64_t columnIndex(int column) const;
    // The whole text of a cell.
    QString fullText(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static constexpr int kShownCharacters = 200; // longer cells end in "…"

private:
    std::uint64_t elementAt(int row, int column) const;

    NdArray m_result;
    std::unique_ptr<VarLengthValues> m_values;
    std::optional<DimSelection> m_rows;
    std::optional<DimSelection> m_cols;
    std::uint64_t m_rowStride = 0; // elements between rows, columns in the result (C order)
    std::uint64_t m_colStride = 0;
};

} // namespace zs
