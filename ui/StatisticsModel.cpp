#include "StatisticsModel.h"

#include <cmath>

namespace zs {

StatisticsModel::StatisticsModel(QObject *parent) : QAbstractTableModel(parent) {}

void StatisticsModel::setStatistics(const SliceStatistics &statistics, const QString &units)
{
    // The rows stay the same ones: only their values change, unless the table was empty.
    if (!m_shown) {
        beginResetModel();
        m_statistics = statistics;
        m_units = units;
        m_shown = true;
        endResetModel();
        return;
    }
    m_statistics = statistics;
    m_units = units;
    Q_EMIT dataChanged(index(0, ValueColumn), index(RowCount - 1, ValueColumn));
}

void StatisticsModel::clear()
{
    if (!m_shown) return;
    beginResetModel();
    m_statistics = {};
    m_shown = false;
    endResetModel();
}

QString StatisticsModel::rowName(int row)
{
    switch (row) {
    case CountRow:
        return tr("Count");
    case MissingRow:
        return tr("NaN / missing");
    case MinRow:
        return tr("Min");
    case MaxRow:
        return tr("Max");
    case MeanRow:
        return tr("Mean");
    case StdRow:
        return tr("Std (population)");
    case P2Row:
        return tr("2 %");
    case P98Row:
        return tr("98 %");
    default:
        return {};
    }
}

double StatisticsModel::value(int row) const
{
    const SliceStatistics &s = m_statistics;
    switch (row) {
    case CountRow:
        return double(s.count);
    case MissingRow:
        return double(s.missing);
    case MinRow:
        return s.min;
    case MaxRow:
        return s.max;
    case MeanRow:
        return s.mean;
    case StdRow:
        return s.stddev;
    case P2Row:
        return s.p2;
    case P98Row:
        return s.p98;
    default:
        return SliceStatistics::kNaN;
    }
}

QString StatisticsModel::valueText(int row) const
{
    if (row == CountRow) return QString::number(m_statistics.count);
    if (row == MissingRow) return QString::number(m_statistics.missing);
    const double v = value(row);
    if (std::isnan(v)) return tr("n/a"); // no value that is not NaN
    const QString number = QString::number(v, 'g', 7);
    return m_units.isEmpty() ? number : number + u' ' + m_units;
}

int StatisticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_shown ? 0 : RowCount;
}

int StatisticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatisticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? rowName(row) : valueText(row);
    case Qt::UserRole:
        return index.column() == NameColumn ? QVariant(rowName(row)) : QVariant(value(row));
    case Qt::TextAlignmentRole:
        return index.column() == ValueColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant StatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
    if (section == NameColumn) return tr("Statistic");
    if (section == ValueColumn) return tr("Value");
    return {};
}

} // namespace zs
