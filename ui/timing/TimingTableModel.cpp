#include "timing/TimingTableModel.h"

#include "timing/TimingText.h"

#include <QLocale>

namespace zs {

TimingTableModel::TimingTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void TimingTableModel::setRun(const TimingRun &run)
{
    std::vector<ModeSummary> rows = summarize(run);
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty()) Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int TimingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimingTableModel::value(const ModeSummary &s, int column) const
{
    switch (column) {
    case ModeColumn:
        return s.mode;
    case ConcurrencyColumn:
        return double(s.concurrency);
    case RunsColumn:
        return double(s.runs);
    case WallColumn:
        return s.wallSeconds;
    case SpeedupColumn:
        return s.speedup;
    case RequestsPerSecondColumn:
        return s.requestsPerSecond;
    case MegabytesPerSecondColumn:
        return s.megabytesPerSecond;
    case LatencyP50Column:
        return s.latencyP50Ms;
    case LatencyP95Column:
        return s.latencyP95Ms;
    case MaxInFlightColumn:
        return double(s.maxInFlight);
    case ConnectionsColumn:
        return double(s.connections);
    case RequestsColumn:
        return double(s.requests);
    case BytesColumn:
        return double(s.bytes);
    }
    return {};
}

QVariant TimingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const ModeSummary &s = m_rows[std::size_t(index.row())];
    const int c = index.column();
    if (role == ValueRole) return value(s, c);
    if (role == Qt::TextAlignmentRole)
        return c == ModeColumn ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole) return {};
    const QVariant v = value(s, c);
    switch (c) {
    case ModeColumn:
        return s.mode;
    case WallColumn:
        return QString::number(s.wallSeconds, 'f', 3);
    case SpeedupColumn:
        return s.speedup > 0 ? QStringLiteral("%1×").arg(s.speedup, 0, 'f', 1) : QStringLiteral("–");
    case RequestsPerSecondColumn:
    case MegabytesPerSecondColumn:
        return QString::number(v.toDouble(), 'f', 1);
    case LatencyP50Column:
    case LatencyP95Column:
        return s.latencyP50Ms > 0 ? QString::number(v.toDouble(), 'f', 1) : QStringLiteral("–");
    case ConnectionsColumn:
        return s.connections > 0 ? QString::number(s.connections) : QStringLiteral("–");
    case BytesColumn:
        return QLocale().formattedDataSize(qint64(s.bytes));
    default:
        return QString::number(qint64(v.toDouble()));
    }
}

QVariant TimingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    static const char *const names[ColumnCount] = {"Mode",
                                                   "Concurrency",
                                                   "Runs",
                                                   "Wall s",
                                                   "Speedup",
                                                   "Requests/s",
                                                   "MB/s",
                                                   "p50 ms",
                                                   "p95 ms",
                                                   "Max in flight",
                                                   "Connections (est.)",
                                                   "Requests",
                                                   "Bytes"};
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::ToolTipRole) {
        const QString tip = summaryColumnToolTip(section);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    if (role != Qt::DisplayRole) return {};
    return tr(names[section]);
}

} // namespace zs
