#pragma once
// The OME-Zarr view's channel list: one row per channel (shown, name, colour, window), edited in
// place. The model holds the looks the view composes with; looksChanged() tells it to redraw.

#include "ChannelLook.h"

#include <QAbstractTableModel>
#include <vector>

namespace zs::omeview {

class ChannelListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ShownColumn,   // Qt::CheckStateRole: the look's active
        ChannelColumn, // the label
        ColourColumn,  // "#RRGGBB", the QColor as decoration and edit value
        StartColumn,   // the window, as doubles
        EndColumn,
        ColumnCount
    };

    explicit ChannelListModel(QObject *parent = nullptr);

    // A model reset; no looksChanged(), which is for the user's edits (whoever sets the looks
    // knows they changed).
    void setLooks(std::vector<ChannelLook> looks);
    const std::vector<ChannelLook> &looks() const { return m_looks; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Refused (false, nothing changes): a check state other than checked/unchecked, an empty
    // name, a colour that is not a valid QColor or "#RRGGBB"/"RRGGBB", a window end that is not
    // a finite number in [min, max] or would leave start >= end. Accepted edits that change
    // something emit dataChanged for the cell, then looksChanged(); same-value edits emit nothing.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void looksChanged();

private:
    bool holds(const QModelIndex &index) const; // a cell of this table
    bool setWindowEnd(ChannelLook &look, int column, const QVariant &value) const;

    std::vector<ChannelLook> m_looks;
};

} // namespace zs::omeview
