#include "HierarchyModel.h"

#include "ErrorStyle.h"
#include "ome/OmeTreeLabel.h"

#include "hierarchy/EntryJson.h"

#include <QApplication>
#include <QFont>
#include <QStyle>
#include <algorithm>

namespace zs {

struct HierarchyModel::Item
{
    QString name;
    QString path;
    HierarchyEntry entry; // entry.node empty + error empty: a group implied by its children's paths
    Item *parent = nullptr;
    std::vector<std::unique_ptr<Item>> children;

    int row() const
    {
        if (!parent) return 0;
        for (std::size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this) return int(i);
        }
        return 0;
    }
};

namespace {

QString shapeText(const Shape &shape)
{
    if (shape.empty()) return HierarchyModel::tr("scalar"); // a 0-d array: one value, no dimensions
    QStringList parts;
    for (auto d : shape)
        parts << QString::number(d);
    return parts.join(QStringLiteral(" × "));
}

} // namespace

HierarchyModel::HierarchyModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Item>())
{
}

HierarchyModel::~HierarchyModel() = default;

void HierarchyModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Item>();
    endResetModel();
}

HierarchyModel::Item *HierarchyModel::findOrCreate(const QString &path, bool notify)
{
    Item *item = m_root->children.front().get();
    if (path.isEmpty()) return item;
    QString sofar;
    for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
        sofar = sofar.isEmpty() ? part : sofar + u'/' + part;
        auto &siblings = item->children;
        const auto at = std::lower_bound(siblings.begin(), siblings.end(), part,
                                         [](const auto &c, const QString &name) { return c->name < name; });
        if (at != siblings.end() && (*at)->name == part) {
            item = at->get();
            continue;
        }
        auto created = std::make_unique<Item>();
        created->name = part;
        created->path = sofar;
        created->entry.path = sofar;
        created->parent = item;
        const int row = int(at - siblings.begin());
        if (notify) beginInsertRows(indexOf(item), row, row);
        Item *next = created.get();
        siblings.insert(siblings.begin() + row, std::move(created));
        if (notify) endInsertRows();
        item = next;
    }
    return item;
}

QModelIndex HierarchyModel::indexOf(const Item *item) const
{
    if (item == m_root.get()) return {};
    return createIndex(item->row(), 0, const_cast<Item *>(item));
}

void HierarchyModel::setEntries(const HierarchyEntries &entries, const QString &rootName)
{
    beginResetModel();
    m_root = std::make_unique<Item>();
    auto top = std::make_unique<Item>();
    top->name = rootName;
    top->parent = m_root.get();
    m_root->children.push_back(std::move(top));
    for (const HierarchyEntry &e : entries)
        findOrCreate(e.path, false)->entry = e;
    endResetModel();
}

void HierarchyModel::addEntries(const HierarchyEntries &entries, const QString &rootName)
{
    if (entries.empty()) return;
    if (m_root->children.empty()) {
        beginInsertRows({}, 0, 0);
        auto top = std::make_unique<Item>();
        top->name = rootName;
        top->parent = m_root.get();
        m_root->children.push_back(std::move(top));
        endInsertRows();
    }
    for (const HierarchyEntry &e : entries) {
        Item *item = findOrCreate(e.path, true);
        item->entry = e;
        const QModelIndex index = indexOf(item);
        Q_EMIT dataChanged(index, index.siblingAtColumn(ColumnCount - 1));
    }
}

HierarchyModel::Item *HierarchyModel::itemAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_root.get();
}

QModelIndex HierarchyModel::indexForPath(const QString &path) const
{
    if (m_root->children.empty()) return {};
    const Item *item = m_root->children.front().get();
    for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
        const Item *next = nullptr;
        for (const auto &c : item->children) {
            if (c->name == part) next = c.get();
        }
        if (!next) return {};
        item = next;
    }
    return createIndex(item->row(), 0, const_cast<Item *>(item));
}

const NodeMetadata *HierarchyModel::node(const QModelIndex &index) const
{
    const Item *item = index.isValid() ? itemAt(index) : nullptr;
    return item && item->entry.node ? &*item->entry.node : nullptr;
}

const HierarchyEntry *HierarchyModel::entry(const QModelIndex &index) const
{
    return index.isValid() ? &itemAt(index)->entry : nullptr;
}

QModelIndex HierarchyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Item *p = itemAt(parent);
    if (std::size_t(row) >= p->children.size()) return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex HierarchyModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) return {};
    Item *p = itemAt(child)->parent;
    if (!p || p == m_root.get()) return {};
    return createIndex(p->row(), 0, p);
}

int HierarchyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0) return 0;
    return int(itemAt(parent)->children.size());
}

int HierarchyModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant HierarchyModel::display(const Item &item, int column) const
{
    const HierarchyEntry &e = item.entry;
    // The reason can be long: the label stays short and the tooltip (and Metadata tab) has it whole.
    if (column == NameColumn) {
        if (!e.error.isEmpty()) return tr("%1 — error").arg(item.name);
        const NodeMetadata *parent =
            item.parent && item.parent->entry.node ? &*item.parent->entry.node : nullptr;
        const QString ome = e.node ? omeview::omeTreeLabel(*e.node, parent) : QString();
        return ome.isEmpty() ? item.name : QStringLiteral("%1 · %2").arg(item.name, ome);
    }
    if (e.failed()) {
        // What the node's document still says (shape, dtype, chunks), as `ls` shows it.
        const auto s = entrySummary(e);
        const char *key = column == ShapeColumn ? "shape" : column == DTypeColumn ? "dtype" : "chunks";
        if (!s.contains(key)) return {};
        if (s[key].is_string()) return QString::fromStdString(s[key].get<std::string>());
        Shape shape;
        for (const auto &d : s[key])
            shape.push_back(d.get<std::uint64_t>());
        return shapeText(shape);
    }
    if (!e.node || !e.node->isArray()) return {};
    const ArrayMetadata &a = *e.node->array;
    switch (column) {
    case ShapeColumn:
        return shapeText(a.shape);
    case DTypeColumn:
        return a.dtype.name;
    case ChunksColumn:
        return a.innerChunks.empty()
                   ? shapeText(a.chunks)
                   : QStringLiteral("%1 (shard %2)").arg(shapeText(a.innerChunks), shapeText(a.chunks));
    default:
        return {};
    }
}

QVariant HierarchyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) return {};
    const Item &item = *itemAt(index);
    const HierarchyEntry &e = item.entry;
    const QString kind = !e.error.isEmpty()              ? QStringLiteral("error")
                         : (e.node && e.node->isArray()) ? QStringLiteral("array")
                                                         : QStringLiteral("group");
    switch (role) {
    case Qt::DisplayRole:
        return display(item, index.column());
    case Qt::ToolTipRole: {
        const QString path = item.path.isEmpty() ? QStringLiteral("/") : item.path;
        return e.error.isEmpty() ? path : tr("%1 could not be loaded: %2").arg(path, e.error);
    }
    case Qt::DecorationRole: {
        if (index.column() != NameColumn) return {};
        QStyle *style = QApplication::style();
        if (kind == u"error") return style->standardIcon(QStyle::SP_MessageBoxWarning);
        return style->standardIcon(kind == u"array" ? QStyle::SP_FileIcon : QStyle::SP_DirIcon);
    }
    case Qt::ForegroundRole: // the style of every error in the browser (ErrorStyle.h)
        return e.error.isEmpty() ? QVariant() : QVariant(errorColor());
    case Qt::FontRole: {
        if (e.error.isEmpty()) return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case PathRole:
        return item.path;
    case KindRole:
        return kind;
    case ErrorRole:
        return e.error;
    default:
        return {};
    }
}

QVariant HierarchyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ShapeColumn:
        return tr("Shape");
    case DTypeColumn:
        return tr("Data type");
    case ChunksColumn:
        return tr("Chunks");
    default:
        return {};
    }
}

} // namespace zs
