#pragma once
// One node's metadata: a facts table (shape, chunks, shards, dtype, codecs, fill value, order,
// dimension names, chunk count, stored size and compression ratio where the store can tell), the
// attributes as a tree, and the raw JSON as stored.

#include "hierarchy/HierarchyEntry.h"
#include "metadata/NodeMetadata.h"
#include "store/Store.h"

#include <QTabWidget>
#include <memory>

class QPlainTextEdit;
class QTableWidget;
class QTreeWidget;

namespace zs {

class MetadataPanel final : public QTabWidget
{
    Q_OBJECT
public:
    explicit MetadataPanel(QWidget *parent = nullptr);

    // With a store, an array's stored size is looked up in the background and added when known.
    void showNode(const NodeMetadata &node, std::shared_ptr<Store> store = nullptr);
    // A node that failed to load: its reason, what is known of it, and its documents as stored.
    void showError(const HierarchyEntry &entry);
    void clear();

    // For tests: the facts as shown, "Shape" -> "6 × 8" and so on.
    QString fact(const QString &name) const;
    // For tests: the Raw JSON tab's text.
    QString rawText() const;

private:
    void addFact(const QString &name, const QString &value, bool isError = false);
    void showStoredSize(const ArrayMetadata &array, const StoredSizeResult &size);
    void addShardFacts(const ArrayMetadata &array);

    QTableWidget *m_facts;
    QTreeWidget *m_attributes;
    QPlainTextEdit *m_raw;
    quint64 m_shown = 0; // which showNode a background answer belongs to
};

} // namespace zs
