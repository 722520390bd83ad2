#pragma once
// One node's metadata: a facts table (shape, chunks, shards, dtype, the codec chain in words with
// its JSON as tooltip, fill value, order, dimension names, chunk count, stored size and compression
// ratio or "unknown"), the attributes as a tree, the raw JSON as stored (v2: .zarray or .zgroup with
// .zattrs) saying which documents or consolidated entry it came from, and for arrays the CF/xarray
// conventions: what they applied and what they refused (ConventionsModel.h). Errors are bold red,
// as the Data tab shows them; the facts and the raw JSON have a context menu to copy.

#include "cf/NodeLookup.h"
#include "hierarchy/HierarchyEntry.h"
#include "metadata/NodeMetadata.h"
#include "store/Store.h"

#include <QTabWidget>
#include <memory>

class QAction;
class QLabel;
class QPlainTextEdit;
class QStandardItemModel;
class QTableWidget;
class QTableWidgetItem;
class QTreeView;
class QTreeWidget;

namespace zs {

class MetadataPanel final : public QTabWidget
{
    Q_OBJECT
public:
    explicit MetadataPanel(QWidget *parent = nullptr);

    // With a store, an array's stored size is looked up in the background and added when known.
    // `lookup` finds its coordinate variables (the browser answers from the discovered tree); without
    // one the conventions are the array's own alone.
    void showNode(const NodeMetadata &node, const std::shared_ptr<Store> &store = nullptr,
                  const cf::NodeLookup &lookup = {});
    // A node that failed to load: its reason, what is known of it, and its documents as stored.
    void showError(const HierarchyEntry &entry);
    void clear();

    // For tests: the facts as shown, "Shape" -> "6 × 8" and so on.
    QString fact(const QString &name) const;
    // For tests: a fact's cell (tooltip, font, colour); null when there is no such fact.
    const QTableWidgetItem *factItem(const QString &name) const;
    // For tests: the Raw JSON tab's text, the line saying where it came from, and its error label.
    QString rawText() const;
    QString rawSource() const;
    QLabel *rawErrorLabel() const { return m_rawError; }
    // The context menus' actions ("Copy Cell", "Copy Selection", "Copy All"; for the raw JSON
    // "Copy Selection", "Copy All", "Select All").
    QList<QAction *> factsActions() const;
    QList<QAction *> rawActions() const;
    // For tests: a Conventions section's rows as "what: why" ("Applied", "Refused", ...).
    QStringList conventions(const QString &section) const;
    QStandardItemModel *conventionsModel() const { return m_conventions; }

private:
    void addFact(const QString &name, const QString &value, bool isError = false);
    void showStoredSize(const ArrayMetadata &array, const StoredSizeResult &size);
    void addShardFacts(const ArrayMetadata &array);
    void addChunkCount(const ArrayMetadata &array);
    void showRaw(const NodeMetadata &node);
    void setUpCopyActions(); // MetadataPanelCopy.cpp

    QTableWidget *m_facts;
    QTreeWidget *m_attributes;
    QPlainTextEdit *m_raw;
    QLabel *m_rawSource;
    QLabel *m_rawError;
    QStandardItemModel *m_conventions;
    QTreeView *m_conventionsView;
    quint64 m_shown = 0;                   // which showNode a background answer belongs to
    QFuture<StoredSizeResult> m_sizeQuery; // cancelled when the node goes: an HTTP walk stops listing
};

} // namespace zs
