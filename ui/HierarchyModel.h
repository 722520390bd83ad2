#pragma once
// The store's groups and arrays as a tree: name, shape, dtype and chunk columns, kind icons,
// and a node that failed to load shown with its error text instead of disappearing.

#include "hierarchy/HierarchyEntry.h"

#include <QAbstractItemModel>
#include <memory>

namespace zs {

class HierarchyModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ShapeColumn,
        DTypeColumn,
        ChunksColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1, // QString: the node's path in the store
        KindRole,                    // QString: "group", "array" or "error"
        ErrorRole,                   // QString: why the node could not be loaded, else empty
    };

    explicit HierarchyModel(QObject *parent = nullptr);
    ~HierarchyModel() override;

    void setEntries(const HierarchyEntries &entries, const QString &rootName = QStringLiteral("/"));
    // Adds nodes as discovery finds them (rows inserted, siblings kept in name order): after all
    // batches the tree equals setEntries of them all. A path already there (an implied group, or
    // the same node again) takes the new entry in place.
    void addEntries(const HierarchyEntries &entries, const QString &rootName = QStringLiteral("/"));
    void clear();

    QModelIndex indexForPath(const QString &path) const;
    // The loaded node behind an index, or null for an error entry or an implied group.
    const NodeMetadata *node(const QModelIndex &index) const;
    // The whole entry behind an index (a failed node's error, kind and documents), or null.
    const HierarchyEntry *entry(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const final;
    QModelIndex parent(const QModelIndex &child) const final;
    int rowCount(const QModelIndex &parent = {}) const final;
    int columnCount(const QModelIndex &parent = {}) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    struct Item;
    Item *itemAt(const QModelIndex &index) const;
    // The item at `path`, created with any missing ancestors; with `notify`, as inserted rows.
    Item *findOrCreate(const QString &path, bool notify);
    QModelIndex indexOf(const Item *item) const;
    QVariant display(const Item &item, int column) const;

    std::unique_ptr<Item> m_root; // invisible; its one child is the store root
};

} // namespace zs
