// The Metadata tab's facts on stores zarr-python and our exporter write at test time: the codec
// chain in words with its JSON as tooltip (v2 as filters then compressor, v3 steps, sharding with
// its inner chain), a sharded array's shard and inner chunk counts, the raw JSON with .zattrs and
// the consolidated entry it came from, "unknown" stored size where the store cannot tell, the copy
// menus, and errors in the Data tab's bold red.

#include "CodecChainText.h"
#include "ErrorStyle.h"
#include "MetadataPanel.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "export/GroupExporter.h"
#include "hierarchy/Hierarchy.h"
#include "metadata/MetadataParser.h"
#include "store/MemoryStore.h"
#include "store/StoreFactory.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDirIterator>
#include <QLabel>
#include <QTableWidget>

using namespace zs;

class TestMetadataFacts : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static std::optional<HierarchyEntry> entryAt(const QString &location, const QString &nodePath)
    {
        auto store = openStore(location);
        if (!store) return std::nullopt;
        auto entries = discoverHierarchy(**store);
        if (!entries) return std::nullopt;
        for (const HierarchyEntry &e : *entries) {
            if (e.path == nodePath) return e;
        }
        return std::nullopt;
    }

    static NodeMetadata nodeAt(const QString &location, const QString &nodePath)
    {
        const auto entry = entryAt(location, nodePath);
        return entry && entry->node ? *entry->node : NodeMetadata();
    }

    static QAction *action(const QList<QAction *> &actions, const QString &text)
    {
        for (QAction *a : actions) {
            if (a->text() == text) return a;
        }
        return nullptr;
    }

    // Exports `nodePath` of the store at `source` with our exporter (how the v3 stores here are made).
    static bool exportStore(const QString &source, const QString &nodePath, const QString &out,
                            const ExportOptions &options)
    {
        auto store = openStore(source);
        if (!store) return false;
        GroupExporter exporter(*store, nodePath, out, options);
        bool finished = false, failed = false;
        QObject::connect(&exporter, &GroupExporter::finished, [&] { finished = true; });
        QObject::connect(&exporter, &GroupExporter::failed, [&](const Error &e) {
            qWarning().noquote() << "export failed:" << e.toString();
            failed = true;
        });
        exporter.start();
        return QTest::qWaitFor([&] { return finished || failed; }, 30000) && finished;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore) + QStringLiteral(R"PY(
import numcodecs
c = zarr.open_group('codecs.zarr', mode='w')
a = np.arange(64, dtype='<i4').reshape(8, 8)
c.create_dataset('blosc', data=a, chunks=(4, 4), compressor=numcodecs.Blosc(cname='lz4', clevel=5, shuffle=1))
c.create_dataset('zstd', data=a, chunks=(4, 4), compressor=numcodecs.Zstd(level=3))
c.create_dataset('gzip', data=a, chunks=(4, 4), compressor=numcodecs.GZip(level=5))
c.create_dataset('delta', data=a, chunks=(4, 4), filters=[numcodecs.Delta(dtype='<i4')], compressor=numcodecs.Zlib(level=1))
c.create_dataset('scaled', data=a / 100.0, chunks=(4, 4), compressor=None,
                 filters=[numcodecs.FixedScaleOffset(offset=0, scale=100, dtype='<f8', astype='<i4')])
c.create_dataset('text', data=np.array(['a', 'bb', 'ccc'], dtype=object), dtype=object, object_codec=numcodecs.VLenUTF8())
s = zarr.open_array('plain.zarr', mode='w', shape=(256, 256), chunks=(8, 8), dtype='<i4')
s[...] = np.arange(256 * 256, dtype='<i4').reshape(256, 256) + 1
g = zarr.open_group('cons.zarr', mode='w')
g.attrs['title'] = 'consolidated'
sub = g.create_group('sub')
sub.attrs['note'] = 'from .zmetadata'
sub.create_dataset('x', data=np.arange(4, dtype='<i2'))
zarr.consolidate_metadata('cons.zarr')
bad = zarr.open_array('tree.zarr/bad', mode='w', shape=(8, 8), chunks=(4, 4), dtype='f4', compressor=zarr.Blosc())
bad[:] = 1
open('tree.zarr/bad/0.1', 'wb').write(b'garbage')
)PY")));
    }

    // zarr-python's own v2 arrays: the words in v2 terms (filters, then the compressor), the JSON
    // they came from as the tooltip.
    void v2CodecChains_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("inJson");
        QTest::addRow("blosc") << "blosc"
                               << "compressor: blosc lz4, level 5, shuffle"
                               << "\"cname\": \"lz4\"";
        QTest::addRow("zstd") << "zstd"
                              << "compressor: zstd level 3"
                              << "\"id\": \"zstd\"";
        QTest::addRow("gzip") << "gzip"
                              << "compressor: gzip level 5"
                              << "\"id\": \"gzip\"";
        QTest::addRow("delta") << "delta"
                               << "filters: delta int32\ncompressor: zlib level 1"
                               << "\"id\": \"delta\"";
        QTest::addRow("fixedscaleoffset") << "scaled"
                                          << "filters: fixedscaleoffset scale 100 offset 0 as int32\n"
                                             "compressor: none"
                                          << "\"astype\": \"<i4\"";
        QTest::addRow("vlen-utf8") << "text"
                                   << "filters: vlen-utf8\ncompressor: blosc lz4, level 5, shuffle"
                                   << "\"id\": \"vlen-utf8\"";
    }

    void v2CodecChains()
    {
        QFETCH(QString, array);
        QFETCH(QString, text);
        QFETCH(QString, inJson);
        const NodeMetadata node = nodeAt(path(QStringLiteral("codecs.zarr")), array);
        QVERIFY(node.isArray());
        MetadataPanel panel;
        panel.showNode(node);
        QCOMPARE(panel.fact(QStringLiteral("Codecs")), text);
        const QString tooltip = panel.factItem(QStringLiteral("Codecs"))->toolTip();
        QVERIFY2(tooltip.contains(inJson), qPrintable(tooltip));
        QVERIFY2(tooltip.indexOf(u"\"filters\"") < tooltip.indexOf(u"\"compressor\""), qPrintable(tooltip));
    }

    // v3 codec names and their parameters, from zarr.json documents as the specification spells them.
    void v3CodecSteps_data()
    {
        QTest::addColumn<QString>("codecs");
        QTest::addColumn<QString>("text");
        QTest::addRow("transpose, bytes, gzip")
            << R"([{"name": "transpose", "configuration": {"order": [1, 0]}},
                  {"name": "bytes", "configuration": {"endian": "little"}},
                  {"name": "gzip", "configuration": {"level": 5}}])"
            << "transpose order [1,0] → bytes little-endian → gzip level 5";
        QTest::addRow("blosc v3") << R"([{"name": "bytes", "configuration": {"endian": "big"}},
                  {"name": "blosc", "configuration": {"cname": "zstd", "clevel": 7, "shuffle": "bitshuffle",
                   "typesize": 4, "blocksize": 0}}])"
                                  << "bytes big-endian → blosc zstd, level 7, bitshuffle";
        QTest::addRow("numcodecs in v3")
            << R"([{"name": "numcodecs.delta", "configuration": {"dtype": "<i4"}},
                  {"name": "bytes", "configuration": {"endian": "little"}},
                  {"name": "zstd", "configuration": {"level": 3, "checksum": false}}])"
            << "delta int32 → bytes little-endian → zstd level 3";
    }

    void v3CodecSteps()
    {
        QFETCH(QString, codecs);
        QFETCH(QString, text);
        const auto chain = nlohmann::json::parse(codecs.toStdString());
        QCOMPARE(v3CodecsText(chain), text);
        auto doc = nlohmann::json::parse(R"({"zarr_format": 3, "node_type": "array", "shape": [4, 6],
            "data_type": "int32", "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2, 3]}},
            "chunk_key_encoding": {"name": "default"}, "fill_value": 0})");
        doc["codecs"] = chain;
        auto node = makeV3Node(QStringLiteral("a"), doc, QStringLiteral("a/zarr.json"));
        QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
        MetadataPanel panel;
        panel.showNode(*node);
        QCOMPARE(panel.fact(QStringLiteral("Codecs")), text);
        QCOMPARE(panel.factItem(QStringLiteral("Codecs"))->toolTip(), QString::fromStdString(chain.dump(2)));
    }

    // A sharded v3 array our exporter writes: the shards, the inner chunks per shard and in all,
    // and the inner chain under the sharding step.
    void shardedArrayCountsShardsAndInnerChunks()
    {
        const QString out = path(QStringLiteral("sharded.zarr"));
        ExportOptions options;
        options.zarrFormat = 3;
        options.chunks = {8, 8};
        options.shards = {64, 64};
        options.codec = ExportCodec::Zstd;
        QVERIFY(exportStore(path(QStringLiteral("plain.zarr")), QString(), out, options));
        auto store = openStore(out);
        QVERIFY(store);
        const NodeMetadata node = nodeAt(out, QString());
        QVERIFY(node.isArray());
        MetadataPanel panel;
        panel.showNode(node, *store);
        QCOMPARE(panel.fact(QStringLiteral("Chunk count")),
                 QStringLiteral("16 shards of 64 inner chunks (1024 chunks)"));
        QCOMPARE(panel.fact(QStringLiteral("Codecs")),
                 QStringLiteral("sharding 8×8 inner chunks, index at the end\n"
                                "  inner chunks: bytes little-endian → zstd level 3\n"
                                "  index: bytes little-endian → crc32c"));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.fact(QStringLiteral("Stored size")).isEmpty(), 5000);
        QVERIFY2(panel.fact(QStringLiteral("Stored size")).endsWith(u"in 16 of 16 shard objects"),
                 qPrintable(panel.fact(QStringLiteral("Stored size"))));

        // An unsharded array keeps the plain count.
        panel.showNode(nodeAt(path(QStringLiteral("plain.zarr")), QString()));
        QCOMPARE(panel.fact(QStringLiteral("Chunk count")), QStringLiteral("1024"));
    }

    // A v2 group's raw JSON holds its .zattrs beside .zgroup, and says which documents or which
    // consolidated entries it shows.
    void rawJsonShowsAttributesAndWhereFrom_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("inRaw");
        QTest::addRow("v2 documents") << "tree.zarr"
                                      << "climate"
                                      << "As stored in climate/.zgroup and climate/.zattrs."
                                      << "\".zattrs\": {}";
        QTest::addRow("v2 root documents") << "tree.zarr"
                                           << ""
                                           << "As stored in .zgroup and .zattrs."
                                           << "\"title\": \"ui test\"";
        QTest::addRow(".zmetadata")
            << "cons.zarr"
            << "sub"
            << "From the consolidated metadata in .zmetadata: entries \"sub/.zgroup\" "
               "and \"sub/.zattrs\"."
            << "\"note\": \"from .zmetadata\"";
        QTest::addRow(".zmetadata array") << "cons.zarr"
                                          << "sub/x"
                                          << "From the consolidated metadata in .zmetadata: entry "
                                             "\"sub/x/.zarray\" (no .zattrs)."
                                          << "\".zarray\"";
        QTest::addRow("v3 consolidated_metadata") << "cons-v3.zarr"
                                                  << "sub"
                                                  << "From the consolidated metadata in zarr.json: "
                                                     "consolidated_metadata entry \"sub\"."
                                                  << "\"note\": \"from .zmetadata\"";
        QTest::addRow("v3 document") << "sharded.zarr"
                                     << ""
                                     << "As stored in zarr.json."
                                     << "\"sharding_indexed\"";
    }

    void rawJsonShowsAttributesAndWhereFrom()
    {
        QFETCH(QString, store);
        QFETCH(QString, node);
        QFETCH(QString, source);
        QFETCH(QString, inRaw);
        if (store == u"cons-v3.zarr" && !QFileInfo::exists(path(store))) {
            ExportOptions options;
            options.zarrFormat = 3;
            QVERIFY(exportStore(path(QStringLiteral("cons.zarr")), QString(), path(store), options));
        }
        if (store == u"sharded.zarr" && !QFileInfo::exists(path(store)))
            QSKIP("needs shardedArrayCountsShardsAndInnerChunks's store");
        const NodeMetadata meta = nodeAt(path(store), node);
        QCOMPARE(meta.path, node);
        MetadataPanel panel;
        panel.showNode(meta);
        QCOMPARE(panel.rawSource(), source);
        QVERIFY2(panel.rawText().contains(inRaw), qPrintable(panel.rawText()));
    }

    // A store that cannot list sizes (in memory, as plain HTTP) says "unknown", not nothing.
    void storedSizeUnknownWhereTheStoreCannotTell()
    {
        auto memory = std::make_shared<MemoryStore>();
        const QDir root(path(QStringLiteral("tree.zarr")));
        QDirIterator files(root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            memory->set(root.relativeFilePath(f.fileName()), f.readAll());
        }
        auto node = loadNode(*memory, QStringLiteral("climate/temperature"));
        QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
        MetadataPanel panel;
        panel.showNode(*node, memory);
        QTRY_COMPARE_WITH_TIMEOUT(panel.fact(QStringLiteral("Stored size")), QStringLiteral("unknown"), 5000);
        QCOMPARE(panel.fact(QStringLiteral("Compression ratio")), QStringLiteral("unknown"));
        QVERIFY(panel.factItem(QStringLiteral("Stored size"))->toolTip().contains(u"does not list"));
    }

    // The copy menus: a cell, the selected rows, every fact; the raw JSON's selection or all of it.
    void copyFromTheContextMenus()
    {
        MetadataPanel panel;
        panel.showNode(nodeAt(path(QStringLiteral("tree.zarr")), QStringLiteral("climate/temperature")));
        auto *table = panel.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
        QStringList texts;
        for (QAction *a : panel.factsActions())
            texts << a->text();
        QCOMPARE(texts, (QStringList{"Copy Cell", "Copy Selection", "Copy All"}));
        auto rowOf = [&](const QString &name) {
            return table->row(table->findItems(name, Qt::MatchExactly).first());
        };
        QClipboard *clipboard = QApplication::clipboard();

        table->setCurrentCell(rowOf(QStringLiteral("Shape")), 1);
        action(panel.factsActions(), QStringLiteral("Copy Cell"))->trigger();
        QCOMPARE(clipboard->text(), QStringLiteral("2 × 6 × 8"));

        table->clearSelection();
        table->setRangeSelected(QTableWidgetSelectionRange(rowOf(QStringLiteral("Chunks")), 1,
                                                           rowOf(QStringLiteral("Chunks")), 1),
                                true);
        table->setRangeSelected(
            QTableWidgetSelectionRange(rowOf(QStringLiteral("Shape")), 0, rowOf(QStringLiteral("Shape")), 0),
            true);
        action(panel.factsActions(), QStringLiteral("Copy Selection"))->trigger();
        QCOMPARE(clipboard->text(), QStringLiteral("Shape\t2 × 6 × 8\nChunks\t1 × 4 × 4"));

        action(panel.factsActions(), QStringLiteral("Copy All"))->trigger();
        const QStringList lines = clipboard->text().split(u'\n');
        QCOMPARE(lines.size(), table->rowCount());
        QCOMPARE(lines.first(), QStringLiteral("Path\tclimate/temperature"));
        QVERIFY(lines.contains(QStringLiteral("Data type\t") + panel.fact(QStringLiteral("Data type"))));

        clipboard->clear();
        action(panel.rawActions(), QStringLiteral("Copy All"))->trigger();
        QCOMPARE(clipboard->text(), panel.rawText());
        clipboard->clear();
        action(panel.rawActions(), QStringLiteral("Select All"))->trigger();
        action(panel.rawActions(), QStringLiteral("Copy Selection"))->trigger();
        QCOMPARE(clipboard->text(), panel.rawText());
    }

    // A node that failed to load: its error in the facts and above the raw JSON, in the style the
    // Data tab gives a failed read.
    void errorsLookLikeReadErrors()
    {
        const auto broken = entryAt(path(QStringLiteral("tree.zarr")), QStringLiteral("signals/broken"));
        QVERIFY(broken && broken->failed());
        MetadataPanel panel;
        panel.showError(*broken);
        const QTableWidgetItem *error = panel.factItem(QStringLiteral("Error"));
        QVERIFY(error);
        QVERIFY(error->font().bold());
        QCOMPARE(error->foreground().color(), errorColor());
        QVERIFY(!panel.rawErrorLabel()->isHidden());
        QCOMPARE(panel.rawErrorLabel()->text(), QStringLiteral("Error: ") + broken->error);
        QCOMPARE(panel.rawErrorLabel()->styleSheet(), errorStyleSheet());
        QVERIFY(panel.factItem(QStringLiteral("Path"))->foreground().style() == Qt::NoBrush); // others plain

        // The Data tab's read error, for comparison.
        auto store = openStore(path(QStringLiteral("tree.zarr")));
        QVERIFY(store);
        SliceView view;
        QSignalSpy failed(&view, &SliceView::readFailed);
        view.setArray(*store, nodeAt(path(QStringLiteral("tree.zarr")), QStringLiteral("bad")));
        QVERIFY(failed.wait(10000));
        QLabel *readError = nullptr;
        for (QLabel *label : view.findChildren<QLabel *>()) {
            if (label->text() == view.message()) readError = label;
        }
        QVERIFY(readError);
        QCOMPARE(readError->styleSheet(), panel.rawErrorLabel()->styleSheet());
        QCOMPARE(QColor(QStringLiteral("#a00")), errorColor());

        // A good node after it: no error left on screen.
        panel.showNode(nodeAt(path(QStringLiteral("tree.zarr")), QStringLiteral("climate")));
        QVERIFY(panel.rawErrorLabel()->isHidden());
        QVERIFY(!panel.factItem(QStringLiteral("Error")));
    }
};

QTEST_MAIN(TestMetadataFacts)
#include "tst_metadata_facts.moc"
