#include "ChannelListModel.h"

#include "HexColor.h"

#include <cmath>

namespace zs::omeview {

namespace {

std::optional<QColor> colorFromVariant(const QVariant &value)
{
    if (value.typeId() == QMetaType::QColor) {
        const QColor colour = value.value<QColor>();
        if (!colour.isValid()) return std::nullopt;
        return colour.toRgb(); // alpha means nothing in additive blending: dropped by the caller
    }
    if (value.typeId() == QMetaType::QString) return colorFromHex(value.toString().trimmed());
    return std::nullopt;
}

} // namespace

bool ChannelListModel::holds(const QModelIndex &index) const
{
    // Invalid indexes are asked about on purpose (views, QAbstractItemModelTester): no warning.
    return index.isValid() &&
           checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
}

ChannelListModel::ChannelListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ChannelListModel::setLooks(std::vector<ChannelLook> looks)
{
    beginResetModel();
    m_looks = std::move(looks);
    endResetModel();
}

int ChannelListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_looks.size());
}

int ChannelListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelListModel::data(const QModelIndex &index, int role) const
{
    if (!holds(index)) return {};
    const ChannelLook &look = m_looks[std::size_t(index.row())];
    const bool shown = role == Qt::DisplayRole || role == Qt::EditRole;
    switch (index.column()) {
    case ShownColumn:
        if (role == Qt::CheckStateRole) return look.active ? Qt::Checked : Qt::Unchecked;
        break;
    case ChannelColumn:
        if (shown) return look.label;
        break;
    case ColourColumn:
        if (role == Qt::DisplayRole) return hexText(look.color);
        if (role == Qt::DecorationRole || role == Qt::EditRole) return look.color;
        break;
    case StartColumn:
        if (shown) return look.start;
        break;
    case EndColumn:
        if (shown) return look.end;
        break;
    default:
        break;
    }
    return {};
}

QVariant ChannelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ShownColumn:
        return tr("Shown");
    case ChannelColumn:
        return tr("Channel");
    case ColourColumn:
        return tr("Colour");
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    default:
        return {};
    }
}

Qt::ItemFlags ChannelListModel::flags(const QModelIndex &index) const
{
    if (!holds(index)) return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == ShownColumn ? base | Qt::ItemIsUserCheckable : base | Qt::ItemIsEditable;
}

bool ChannelListModel::setWindowEnd(ChannelLook &look, int column, const QVariant &value) const
{
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < look.min || v > look.max) return false;
    if (column == StartColumn ? v >= look.end : v <= look.start) return false;
    (column == StartColumn ? look.start : look.end) = v;
    return true;
}

bool ChannelListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!holds(index)) return false;
    ChannelLook look = m_looks[std::size_t(index.row())];
    QList<int> roles;
    switch (index.column()) {
    case ShownColumn: {
        if (role != Qt::CheckStateRole) return false;
        bool ok = false;
        const int state = value.toInt(&ok);
        if (!ok || (state != Qt::Checked && state != Qt::Unchecked)) return false;
        look.active = state == Qt::Checked;
        roles = {Qt::CheckStateRole};
        break;
    }
    case ChannelColumn: {
        if (role != Qt::EditRole) return false;
        const QString label = value.toString().trimmed();
        if (label.isEmpty()) return false; // every row keeps a name to tell it by
        look.label = label;
        roles = {Qt::DisplayRole, Qt::EditRole};
        break;
    }
    case ColourColumn: {
        if (role != Qt::EditRole) return false;
        const std::optional<QColor> colour = colorFromVariant(value);
        if (!colour) return false;
        look.color = QColor(colour->red(), colour->green(), colour->blue());
        roles = {Qt::DisplayRole, Qt::DecorationRole, Qt::EditRole};
        break;
    }
    case StartColumn:
    case EndColumn:
        if (role != Qt::EditRole || !setWindowEnd(look, index.column(), value)) return false;
        roles = {Qt::DisplayRole, Qt::EditRole};
        break;
    default:
        return false;
    }
    ChannelLook &stored = m_looks[std::size_t(index.row())];
    if (look.active == stored.active && look.label == stored.label && look.color == stored.color &&
        look.start == stored.start && look.end == stored.end)
        return true;
    stored = look;
    Q_EMIT dataChanged(index, index, roles);
    Q_EMIT looksChanged();
    return true;
}

} // namespace zs::omeview
