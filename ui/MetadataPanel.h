#pragma once
// One node's metadata: a facts table (shape, chunks, shards, dtype, codecs, fill value, order,
// dimension names, chunk count), the attributes as a tree, and the raw JSON as stored.

#include "metadata/NodeMetadata.h"

#include <QTabWidget>

class QPlainTextEdit;
class QTableWidget;
class QTreeWidget;

namespace zs {

class MetadataPanel final : public QTabWidget
{
    Q_OBJECT
public:
    explicit MetadataPanel(QWidget *parent = nullptr);

    void showNode(const NodeMetadata &node);
    void showError(const QString &path, const QString &error);
    void clear();

    // For tests: the facts as shown, "Shape" -> "6 × 8" and so on.
    QString fact(const QString &name) const;

private:
    void addFact(const QString &name, const QString &value);
    void addShardFacts(const ArrayMetadata &array);

    QTableWidget *m_facts;
    QTreeWidget *m_attributes;
    QPlainTextEdit *m_raw;
};

} // namespace zs
