#include "StringTableModel.h"

namespace zs {

StringTableModel::StringTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void StringTableModel::clear()
{
    beginResetModel();
    m_values.reset();
    m_result = NdArray{};
    m_rows.reset();
    m_cols.reset();
    endResetModel();
}

void StringTableModel::setResult(NdArray result, const Selection &selection, int rowDim, int colDim)
{
    beginResetModel();
    m_values.reset();
    m_result = std::move(result);
    m_rows.reset();
    m_cols.reset();
    // Strides in the result, whose dimensions are the selection's kept ones in array order.
    std::vector<std::uint64_t> strides(selection.dims.size(), 0);
    std::uint64_t stride = 1;
    for (std::size_t d = selection.dims.size(); d-- > 0;) {
        if (selection.dims[d].dropped) continue;
        strides[d] = stride;
        stride *= selection.dims[d].count;
    }
    if (m_result.dtype.isVariableLength() && selection.dims.empty()) { // 0-d: one cell
        m_rows = DimSelection{0, 1, 1, false};
        m_rowStride = 0;
        m_values = std::make_unique<VarLengthValues>(m_result);
    } else if (m_result.dtype.isVariableLength() && rowDim >= 0 &&
               std::size_t(rowDim) < selection.dims.size()) {
        m_rows = selection.dims[std::size_t(rowDim)];
        m_rowStride = strides[std::size_t(rowDim)];
        if (colDim >= 0 && std::size_t(colDim) < selection.dims.size()) {
            m_cols = selection.dims[std::size_t(colDim)];
            m_colStride = strides[std::size_t(colDim)];
        }
        m_values = std::make_unique<VarLengthValues>(m_result);
    }
    endResetModel();
}

int StringTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_rows) return 0;
    return int(std::min<std::uint64_t>(m_rows->count, INT_MAX));
}

int StringTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_rows) return 0;
    return m_cols ? int(std::min<std::uint64_t>(m_cols->count, INT_MAX)) : 1;
}

std::uint64_t StringTableModel::elementAt(int row, int column) const
{
    return std::uint64_t(row) * m_rowStride + (m_cols ? std::uint64_t(column) * m_colStride : 0);
}

std::uint64_t StringTableModel::rowIndex(int row) const
{
    return m_rows ? m_rows->start + std::uint64_t(row) * m_rows->step : 0;
}

std::uint64_t StringTableModel::columnIndex(int column) const
{
    return m_cols ? m_cols->start + std::uint64_t(column) * m_cols->step : 0;
}

QString StringTableModel::fullText(int row, int column) const
{
    if (!m_values || row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) return {};
    return m_values->text(elementAt(row, column));
}

QVariant StringTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_values)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = fullText(index.row(), index.column());
        if (text.size() <= kShownCharacters) return text;
        return text.left(kShownCharacters) + QChar(0x2026);
    }
    case Qt::ToolTipRole:
    case Qt::UserRole:
        return fullText(index.row(), index.column());
    default:
        return {};
    }
}

QVariant StringTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0) return {};
    if (orientation == Qt::Vertical)
        return section < rowCount() ? QVariant(QString::number(rowIndex(section))) : QVariant();
    if (section >= columnCount()) return {};
    return m_cols ? QVariant(QString::number(columnIndex(section))) : QVariant(tr("value"));
}

} // namespace zs
