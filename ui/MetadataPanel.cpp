#include "MetadataPanel.h"
#include "metadata/JsonNonFinite.h"

#include "ConventionsModel.h"
#include "JsonTree.h"
#include "codec/ShardingCodec.h"
#include "metadata/NodeJson.h"
#include "util/WhenFinished.h"

#include <QColor>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTreeView>
#include <QTreeWidget>

namespace zs {

namespace {

QString shapeText(const Shape &shape)
{
    QStringList parts;
    for (auto d : shape)
        parts << QString::number(d);
    return shape.empty() ? QStringLiteral("() (scalar)") : parts.join(QStringLiteral(" × "));
}

QString codecText(const nlohmann::json &codecs)
{
    QStringList names;
    for (const auto &c : codecs) {
        QString name = QString::fromStdString(c.value("name", std::string("?")));
        if (c.contains("configuration") && c["configuration"].is_object() && !c["configuration"].empty())
            name += QStringLiteral(" ") + QString::fromStdString(zs::dumpJson(c["configuration"]));
        names << name;
    }
    return names.isEmpty() ? QStringLiteral("(none)") : names.join(QStringLiteral(" → "));
}

} // namespace

MetadataPanel::MetadataPanel(QWidget *parent)
    : QTabWidget(parent), m_facts(new QTableWidget(0, 2, this)), m_attributes(new QTreeWidget(this)),
      m_raw(new QPlainTextEdit(this)), m_conventions(new QStandardItemModel(0, 2, this)),
      m_conventionsView(new QTreeView(this))
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
    addTab(m_facts, tr("Facts"));
    addTab(m_attributes, tr("Attributes"));
    addTab(m_conventionsView, tr("Conventions"));
    addTab(m_raw, tr("Raw JSON"));
}

void MetadataPanel::clear()
{
    ++m_shown;
    m_facts->setRowCount(0);
    m_attributes->clear();
    m_raw->clear();
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
        item->setForeground(QColor(Qt::darkRed));
    }
    m_facts->setItem(row, 1, item);
}

QString MetadataPanel::rawText() const
{
    return m_raw->toPlainText();
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

QString MetadataPanel::fact(const QString &name) const
{
    for (int row = 0; row < m_facts->rowCount(); ++row) {
        if (m_facts->item(row, 0)->text() == name) return m_facts->item(row, 1)->text();
    }
    return {};
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
    m_raw->setPlainText(
        entry.raw.is_null()
            ? entry.error
            : tr("Error: %1\n\n%2").arg(entry.error, QString::fromStdString(dumpJson(entry.raw, 2))));
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

void MetadataPanel::showNode(const NodeMetadata &node, const std::shared_ptr<Store> &store,
                             const cf::NodeLookup &lookup)
{
    clear();
    const nlohmann::ordered_json details = nodeDetails(node);
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
        addFact(tr("Codecs"), codecText(details["codecs"]));
        addFact(tr("Fill value"), QString::fromStdString(zs::dumpJson(a.fillJson)));
        if (a.zarrFormat == 2) addFact(tr("Order"), QString(QChar::fromLatin1(a.order)));
        if (const QStringList names = dimensionNamesOf(node); !names.isEmpty())
            addFact(tr("Dimension names"), names.join(QStringLiteral(", ")));
        addFact(tr("Chunk count"), QString::number(a.chunkCount()));
        std::uint64_t elements = 1;
        for (auto d : a.shape)
            elements *= d;
        const std::uint64_t bytes = elements * a.dtype.size;
        addFact(tr("Uncompressed size"), QLocale().formattedDataSize(qint64(bytes)));
    }
    addFact(tr("Attributes"), QString::number(node.attributes.is_object() ? node.attributes.size() : 0));
    m_facts->resizeRowsToContents();
    fillJsonTree(m_attributes, node.attributes);
    m_raw->setPlainText(QString::fromStdString(zs::dumpJson(node.raw, 2)));
    if (node.isArray()) {
        fillConventionsModel(m_conventions, cf::resolveConventions(node, lookup));
        m_conventionsView->expandAll();
    }
    if (node.isArray() && store) {
        whenFinished(store->storedSize(node.path), this,
                     [this, shown = m_shown, array = *node.array](const StoredSizeResult &size) {
                         if (shown == m_shown) // still the node on screen
                             showStoredSize(array, size);
                     });
    }
}

void MetadataPanel::showStoredSize(const ArrayMetadata &array, const StoredSizeResult &size)
{
    if (!size) {
        addFact(tr("Stored size"), size.error().toString());
        return;
    }
    if (!size->has_value())
        return; // the store cannot tell without reading every chunk: say nothing rather than guess
    const StoredSize &s = **size;
    std::uint64_t elements = 1;
    for (auto d : array.shape)
        elements *= d;
    QString text = tr("%1 in %2 of %3 chunk objects")
                       .arg(QLocale().formattedDataSize(qint64(s.bytes)))
                       .arg(s.objects)
                       .arg(array.chunkCount());
    addFact(tr("Stored size"), text);
    // As zarr-python's info: the array's bytes over what its chunks take (missing chunks cost nothing).
    if (s.bytes > 0)
        addFact(tr("Compression ratio"),
                QStringLiteral("%1×").arg(double(elements * array.dtype.size) / double(s.bytes), 0, 'f', 1));
    m_facts->resizeRowsToContents();
}

} // namespace zs
