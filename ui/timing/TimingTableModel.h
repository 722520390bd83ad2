#pragma once
// The summary of a timing run as a table: one row per concurrency that ran (sequential first),
// the columns of the CSV export. Display text is formatted; ValueRole holds the raw number.

#include "timing/TimingRun.h"

#include <QAbstractTableModel>

namespace zs {

class TimingTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ModeColumn,
        ConcurrencyColumn,
        RunsColumn,
        WallColumn,
        SpeedupColumn,
        RequestsPerSecondColumn,
        MegabytesPerSecondColumn,
        LatencyP50Column,
        LatencyP95Column,
        MaxInFlightColumn,
        ConnectionsColumn,
        RequestsColumn,
        BytesColumn,
        ColumnCount
    };
    enum Role
    {
        ValueRole = Qt::UserRole + 1, // double (or QString for the mode): unformatted
    };

    explicit TimingTableModel(QObject *parent = nullptr);

    // Recomputes the summary; rows are reset only when their number changes, else updated in place.
    void setRun(const TimingRun &run);
    const std::vector<ModeSummary> &summaries() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(const ModeSummary &s, int column) const;
    std::vector<ModeSummary> m_rows;
};

} // namespace zs
