#include "MetadataPanel.h"
#include "metadata/JsonNonFinite.h"

#include "CodecChainText.h"
#include "ConventionsModel.h"
#include "ErrorStyle.h"
#include "JsonTree.h"
#include "codec/ShardingCodec.h"
#include "util/WhenFinished.h"

#include <QColor>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace zs {

namespace {

QString shapeText(const Shape &shape)
{
    QStringList parts;
    for (auto d : shape)
        parts << QString::number(d);
    return shape.empty() ? QStringLiteral("() (scalar)") : parts.join(QStringLiteral(" × "));
}

std::uint64_t product(const Shape &shape)
{
    std::uint64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

QString keyOf(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + u'/' + name;
}

} // namespace

MetadataPanel::MetadataPanel(QWidget *parent)
    : QTabWidget(parent), m_facts(new QTableWidget(0, 2, this)), m_attributes(new QTreeWidget(this)),
      m_raw(new QPlainTextEdit(this)), m_rawSource(new QLabel(this)), m_rawError(new QLabel(this)),
      m_conventions(new QStandardItemModel(0, 2, this)), m_conventionsView(new QTreeView(this))
{
    m_facts->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    m_facts->horizontalHeader()->setStretchLastSection(true);
    m_facts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_facts->verticalHeader()->hide();
    m_facts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_facts->setWordWrap(true);
    m_attributes->setHeaderLabels({tr("Key"), tr("Value")});
    m_attributes->setColumnWidth(0, 200);
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_conventions->setHorizontalHeaderLabels({tr("What"), tr("Why")});
    m_conventionsView->setModel(m_conventions);
    m_conventionsView->setColumnWidth(0, 220);
    m_conventionsView->setWordWrap(true);
    m_conventionsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rawSource->setWordWrap(true);
    m_rawSource->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rawError->setWordWrap(true);
    m_rawError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rawError->setStyleSheet(errorStyleSheet());
    m_rawError->hide();
    auto *rawTab = new QWidget(this);
    auto *rawLayout = new QVBoxLayout(rawTab);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addWidget(m_rawError);
    rawLayout->addWidget(m_rawSource);
    rawLayout->addWidget(m_raw, 1);
    addTab(m_facts, tr("Facts"));
    addTab(m_attributes, tr("Attributes"));
    addTab(m_conventionsView, tr("Conventions"));
    addTab(rawTab, tr("Raw JSON"));
    setUpCopyActions();
}

void MetadataPanel::clear()
{
    ++m_shown;
    m_sizeQuery.cancel();
    m_facts->setRowCount(0);
    m_attributes->clear();
    m_raw->clear();
    m_rawSource->clear();
    m_rawError->clear();
    m_rawError->hide();
    m_conventions->removeRows(0, m_conventions->rowCount());
}

void MetadataPanel::addFact(const QString &name, const QString &value, bool isError)
{
    const int row = m_facts->rowCount();
    m_facts->insertRow(row);
    m_facts->setItem(row, 0, new QTableWidgetItem(name));
    auto *item = new QTableWidgetItem(value);
    item->setToolTip(value);
    if (isError) { // as the Data tab shows read errors
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setForeground(errorColor());
    }
    m_facts->setItem(row, 1, item);
}

QString MetadataPanel::rawText() const
{
    return m_raw->toPlainText();
}

QString MetadataPanel::rawSource() const
{
    return m_rawSource->text();
}

QStringList MetadataPanel::conventions(const QString &section) const
{
    QStringList rows;
    for (int i = 0; i < m_conventions->rowCount(); ++i) {
        const QStandardItem *top = m_conventions->item(i);
        if (top->text() != section) continue;
        for (int k = 0; k < top->rowCount(); ++k) {
            const QString what = top->child(k, 0)->text(), why = top->child(k, 1)->text();
            rows << (why.isEmpty() ? what : what + QStringLiteral(": ") + why);
        }
    }
    return rows;
}

const QTableWidgetItem *MetadataPanel::factItem(const QString &name) const
{
    for (int row = 0; row < m_facts->rowCount(); ++row) {
        if (m_facts->item(row, 0)->text() == name) return m_facts->item(row, 1);
    }
    return nullptr;
}

QString MetadataPanel::fact(const QString &name) const
{
    const QTableWidgetItem *item = factItem(name);
    return item ? item->text() : QString();
}

void MetadataPanel::showError(const HierarchyEntry &entry)
{
    clear();
    addFact(tr("Path"), entry.path.isEmpty() ? QStringLiteral("/") : entry.path);
    if (entry.kind) addFact(tr("Kind"), *entry.kind == NodeMetadata::Kind::Array ? tr("array") : tr("group"));
    if (entry.zarrFormat) addFact(tr("Zarr format"), QString::number(entry.zarrFormat));
    addFact(tr("Error"), entry.error, /*isError=*/true);
    m_facts->resizeRowsToContents();
    if (entry.attributes.is_object()) fillJsonTree(m_attributes, entry.attributes);
    m_rawError->setText(tr("Error: %1").arg(entry.error));
    m_rawError->show();
    if (!entry.raw.is_null()) m_raw->setPlainText(QString::fromStdString(dumpJson(entry.raw, 2)));
}

// What a byte-range reader of a sharded array needs to know: how many inner chunks each
// shard holds and where its index sits.
void MetadataPanel::addShardFacts(const ArrayMetadata &a)
{
    const ShardingCodec *sharding = a.codecs.isValid() ? a.codecs.arrayToBytes()->sharding() : nullptr;
    if (!sharding) return;
    addFact(tr("Chunks per shard"), shapeText(sharding->innerGrid()));
    addFact(tr("Shard index"),
            tr("at the %1, %2 bytes")
                .arg(sharding->indexLocation() == ShardingCodec::IndexLocation::End ? tr("end") : tr("start"))
                .arg(sharding->indexByteSize()));
}

// A sharded array is read by inner chunk but stored by shard: both counts, and the total a reader
// of the whole array fetches.
void MetadataPanel::addChunkCount(const ArrayMetadata &a)
{
    const ShardingCodec *sharding = a.codecs.isValid() ? a.codecs.arrayToBytes()->sharding() : nullptr;
    if (a.innerChunks.empty() || !sharding) {
        addFact(tr("Chunk count"), QString::number(a.chunkCount()));
        return;
    }
    Shape innerGrid(a.shape.size());
    for (std::size_t i = 0; i < a.shape.size(); ++i)
        innerGrid[i] = (a.shape[i] + a.innerChunks[i] - 1) / a.innerChunks[i];
    addFact(tr("Chunk count"), tr("%1 shards of %2 inner chunks (%3 chunks)")
                                   .arg(a.chunkCount())
                                   .arg(product(sharding->innerGrid()))
                                   .arg(product(innerGrid)));
    m_facts->item(m_facts->rowCount() - 1, 1)
        ->setToolTip(tr("Each shard is one stored object holding its inner chunks; the total counts the "
                        "inner chunks that cover the array (shards at the edges hold fewer)."));
}

// The documents as stored; for v2 the node's own (.zarray or .zgroup) and its .zattrs, keyed as
// in .zmetadata, and which consolidated entry they came from when they did.
void MetadataPanel::showRaw(const NodeMetadata &node)
{
    const QString path = node.path;
    if (node.zarrFormat == 2) {
        const QString own = node.isArray() ? QStringLiteral(".zarray") : QStringLiteral(".zgroup");
        nlohmann::ordered_json docs;
        docs[own.toStdString()] = node.raw;
        docs[".zattrs"] = node.attributes;
        m_raw->setPlainText(QString::fromStdString(zs::dumpJson(docs, 2)));
        m_rawSource->setText(
            node.consolidatedKey.isEmpty()
                ? tr("As stored in %1 and %2.").arg(keyOf(path, own), keyOf(path, QStringLiteral(".zattrs")))
            : node.attributes.empty()
                ? tr("From the consolidated metadata in .zmetadata: entry \"%1\" (no .zattrs).")
                      .arg(node.consolidatedKey)
                : tr("From the consolidated metadata in .zmetadata: entries \"%1\" and \"%2\".")
                      .arg(node.consolidatedKey, keyOf(path, QStringLiteral(".zattrs"))));
        return;
    }
    m_raw->setPlainText(QString::fromStdString(zs::dumpJson(node.raw, 2)));
    m_rawSource->setText(node.consolidatedKey.isEmpty()
                             ? tr("As stored in %1.").arg(keyOf(path, QStringLiteral("zarr.json")))
                             : tr("From the consolidated metadata in zarr.json: consolidated_metadata entry "
                                  "\"%1\".")
                                   .arg(node.consolidatedKey));
}

void MetadataPanel::showNode(const NodeMetadata &node, const std::shared_ptr<Store> &store,
                             const cf::NodeLookup &lookup)
{
    clear();
    addFact(tr("Path"), node.path.isEmpty() ? QStringLiteral("/") : node.path);
    addFact(tr("Kind"), node.isArray() ? tr("array") : tr("group"));
    addFact(tr("Zarr format"), QString::number(node.zarrFormat));
    if (node.isArray()) {
        const ArrayMetadata &a = *node.array;
        addFact(tr("Shape"), shapeText(a.shape));
        if (a.innerChunks.empty()) {
            addFact(tr("Chunks"), shapeText(a.chunks));
        } else {
            addFact(tr("Chunks"), shapeText(a.innerChunks));
            addFact(tr("Shards"), shapeText(a.chunks));
            addShardFacts(a);
        }
        addFact(tr("Data type"), QStringLiteral("%1 (%2)").arg(a.dtype.name, a.dtype.numpyTypeString()));
        addFact(tr("Codecs"), codecChainText(node.raw, a.zarrFormat));
        // The words above come from this JSON: the tooltip shows it as stored.
        m_facts->item(m_facts->rowCount() - 1, 1)->setToolTip(codecChainJson(node.raw, a.zarrFormat));
        addFact(tr("Fill value"), QString::fromStdString(zs::dumpJson(a.fillJson)));
        if (a.zarrFormat == 2) addFact(tr("Order"), QString(QChar::fromLatin1(a.order)));
        if (const QStringList names = dimensionNamesOf(node); !names.isEmpty())
            addFact(tr("Dimension names"), names.join(QStringLiteral(", ")));
        addChunkCount(a);
        const std::uint64_t bytes = product(a.shape) * a.dtype.size;
        addFact(tr("Uncompressed size"), QLocale().formattedDataSize(qint64(bytes)));
    }
    addFact(tr("Attributes"), QString::number(node.attributes.is_object() ? node.attributes.size() : 0));
    m_facts->resizeRowsToContents();
    fillJsonTree(m_attributes, node.attributes);
    showRaw(node);
    if (node.isArray()) {
        fillConventionsModel(m_conventions, cf::resolveConventions(node, lookup));
        m_conventionsView->expandAll();
    }
    if (node.isArray() && store) {
        m_sizeQuery = store->storedSize(node.path);
        whenFinished(m_sizeQuery, this,
                     [this, shown = m_shown, array = *node.array](const StoredSizeResult &size) {
                         if (shown == m_shown) // still the node on screen
                             showStoredSize(array, size);
                     });
    }
}

void MetadataPanel::showStoredSize(const ArrayMetadata &array, const StoredSizeResult &size)
{
    if (!size) {
        addFact(tr("Stored size"), size.error().toString(), /*isError=*/true);
        addFact(tr("Compression ratio"), tr("unknown"));
        m_facts->resizeRowsToContents();
        return;
    }
    if (!size->has_value()) {
        // The store cannot tell without reading every chunk (plain HTTP has no listing with
        // sizes): say so rather than guess or leave the user wondering.
        const QString why = tr("This store does not list object sizes; reading every chunk would tell.");
        addFact(tr("Stored size"), tr("unknown"));
        m_facts->item(m_facts->rowCount() - 1, 1)->setToolTip(why);
        addFact(tr("Compression ratio"), tr("unknown"));
        m_facts->item(m_facts->rowCount() - 1, 1)->setToolTip(why);
        m_facts->resizeRowsToContents();
        return;
    }
    const StoredSize &s = **size;
    const std::uint64_t elements = product(array.shape);
    const QString text =
        (array.innerChunks.empty() ? tr("%1 in %2 of %3 chunk objects") : tr("%1 in %2 of %3 shard objects"))
            .arg(QLocale().formattedDataSize(qint64(s.bytes)))
            .arg(s.objects)
            .arg(array.chunkCount());
    addFact(tr("Stored size"), text);
    // As zarr-python's info: the array's bytes over what its chunks take (missing chunks cost nothing).
    if (s.bytes > 0)
        addFact(tr("Compression ratio"),
                QStringLiteral("%1×").arg(double(elements * array.dtype.size) / double(s.bytes), 0, 'f', 1));
    else
        addFact(tr("Compression ratio"), tr("unknown")); // no chunk written yet: nothing to compare
    m_facts->resizeRowsToContents();
}

} // namespace zs
