#pragma once
// The Statistics panel's table: one row per statistic of the shown slice (name, value), values in
// the data's units when the conventions give them. Qt::UserRole holds the number itself.

#include "SliceStatistics.h"

#include <QAbstractTableModel>

namespace zs {

class StatisticsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Row
    {
        CountRow,
        MissingRow,
        MinRow,
        MaxRow,
        MeanRow,
        StdRow,
        P2Row,
        P98Row,
        RowCount
    };
    enum Column
    {
        NameColumn,
        ValueColumn,
        ColumnCount
    };

    explicit StatisticsModel(QObject *parent = nullptr);

    void setStatistics(const SliceStatistics &statistics, const QString &units);
    void clear(); // no rows: nothing shown
    bool isEmpty() const { return !m_shown; }
    const SliceStatistics &statistics() const { return m_statistics; }

    // "Mean", "98 %": the row's name.
    static QString rowName(int row);
    // The value's text: counts as integers, the rest with the units ("271.4 kelvin").
    QString valueText(int row) const;
    double value(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    SliceStatistics m_statistics;
    QString m_units;
    bool m_shown = false;
};

} // namespace zs
