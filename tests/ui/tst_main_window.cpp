// MainWindow end to end on the offscreen platform: opening a store with --array, the metadata
// facts, the status bar after a read, and discovery / read errors shown in the window.

#include "HierarchyModel.h"
#include "MainWindow.h"
#include "MetadataPanel.h"
#include "QCustomPlotInclude.h"
#include "ReadStatus.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "metadata/MetadataParser.h"

#include <QApplication>
#include <QDir>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <nlohmann/json.hpp>

using namespace zs;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore) + QStringLiteral(R"PY(
bad = zarr.open_array('tree.zarr/bad', mode='w', shape=(8, 8), chunks=(4, 4), dtype='f4', compressor=zarr.Blosc())
bad[:] = 1
open('tree.zarr/bad/0.1', 'wb').write(b'garbage')
)PY")));
    }

    void opensStoreAndSelectsArray()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        QSignalSpy finished(window.sliceView(), &SliceView::readFinished);
        window.openLocation(m_dir.filePath(QStringLiteral("tree.zarr")),
                            QStringLiteral("climate/temperature"));
        QVERIFY(loaded.wait(10000));
        QVERIFY(window.discoveryError().isEmpty());
        const QModelIndex current = window.filterModel()->mapToSource(window.treeView()->currentIndex());
        QCOMPARE(current.data(HierarchyModel::PathRole).toString(), QStringLiteral("climate/temperature"));

        MetadataPanel *meta = window.metadataPanel();
        QCOMPARE(meta->fact(QStringLiteral("Shape")), QStringLiteral("2 × 6 × 8"));
        QCOMPARE(meta->fact(QStringLiteral("Chunks")), QStringLiteral("1 × 4 × 4"));
        QCOMPARE(meta->fact(QStringLiteral("Chunk count")), QStringLiteral("8"));
        QVERIFY(meta->fact(QStringLiteral("Codecs")).contains(QStringLiteral("blosc")));
        QCOMPARE(meta->fact(QStringLiteral("Order")), QStringLiteral("C"));
        // Stored size, counted here from the files zarr-python wrote (chunks only).
        qint64 stored = 0;
        int objects = 0;
        const QDir arrayDir(m_dir.filePath(QStringLiteral("tree.zarr/climate/temperature")));
        for (const QFileInfo &f : arrayDir.entryInfoList(QDir::Files | QDir::Hidden)) {
            if (!f.fileName().startsWith(u'.')) {
                stored += f.size();
                ++objects;
            }
        }
        QCOMPARE(objects, 8);
        QTRY_VERIFY_WITH_TIMEOUT(!meta->fact(QStringLiteral("Stored size")).isEmpty(), 5000);
        QVERIFY2(
            meta->fact(QStringLiteral("Stored size")).contains(QStringLiteral("in 8 of 8 chunk objects")),
            qPrintable(meta->fact(QStringLiteral("Stored size"))));
        QCOMPARE(meta->fact(QStringLiteral("Compression ratio")),
                 QStringLiteral("%1×").arg(double(2 * 6 * 8 * 4) / double(stored), 0, 'f', 1));

        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QCOMPARE(window.sliceView()->colorMap()->data()->cell(7, 5), 47.0);
        // xarray's _ARRAY_DIMENSIONS name the sliders and axes of a v2 array.
        QCOMPARE(window.sliceView()->controls()->dimensionLabel(0), QStringLiteral("time"));
        QTRY_VERIFY_WITH_TIMEOUT(window.readStatus()->text().startsWith(QStringLiteral("done")), 5000);
        QVERIFY(window.readStatus()->text().contains(QStringLiteral("chunks 4/4")));

        // The filter keeps matches and their ancestors.
        window.setFilterText(QStringLiteral("series"));
        QCOMPARE(window.filterModel()->rowCount(window.filterModel()->index(0, 0)), 1);
        window.setFilterText({});
    }

    // Opening a node we cannot read shows why, what is known of it and its document as stored.
    void unsupportedNodeShowsReasonAndDocument()
    {
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kUnsupportedStore)));
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(m_dir.filePath(QStringLiteral("unsupported.zarr")), QStringLiteral("packed"));
        QVERIFY(loaded.wait(10000));
        QVERIFY(window.metadataPanel()->fact(QStringLiteral("Error")).contains(QStringLiteral("lzma")));
        QCOMPARE(window.metadataPanel()->fact(QStringLiteral("Kind")), QStringLiteral("array"));
        QVERIFY2(window.metadataPanel()->rawText().contains(QStringLiteral("\"preset\"")),
                 qPrintable(window.metadataPanel()->rawText()));
        QVERIFY(window.sliceView()->message().contains(QStringLiteral("lzma")));
    }

    void brokenNodeAndReadErrorsAreShown()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(m_dir.filePath(QStringLiteral("tree.zarr")), QStringLiteral("signals/broken"));
        QVERIFY(loaded.wait(10000));
        QVERIFY(window.metadataPanel()->fact(QStringLiteral("Error")).contains(QStringLiteral(".zarray")));
        QVERIFY(window.sliceView()->message().contains(QStringLiteral("could not be loaded")));

        QSignalSpy failed(window.sliceView(), &SliceView::readFailed);
        window.selectPath(QStringLiteral("bad"));
        QVERIFY(failed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(window.readStatus()->text().startsWith(QStringLiteral("failed")), 5000);
        QVERIFY(window.sliceView()->message().contains(QStringLiteral("0.1")));
    }

    void notAStoreIsExplained()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("plain/dir"));
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.openLocation(m_dir.filePath(QStringLiteral("plain")));
        QVERIFY(failed.wait(10000));
        QVERIFY2(window.discoveryError().contains(QStringLiteral("no Zarr metadata")),
                 qPrintable(window.discoveryError()));
        QCOMPARE(window.hierarchyModel()->rowCount(), 0);
    }

    void missingFolderIsExplained()
    {
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.openLocation(m_dir.filePath(QStringLiteral("does-not-exist")));
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 10000);
        QVERIFY(!window.discoveryError().isEmpty());
    }

    // A sharded v3 array: inner chunk and shard shapes, and what a range reader needs.
    void shardedArrayFacts()
    {
        const auto doc =
            nlohmann::json::parse(R"({"zarr_format": 3, "node_type": "array", "shape": [200, 150],
            "data_type": "int32", "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [100, 50]}},
            "chunk_key_encoding": {"name": "default"}, "fill_value": 0,
            "codecs": [{"name": "sharding_indexed", "configuration": {"chunk_shape": [10, 10],
                "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
                "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}],
                "index_location": "start"}}]})");
        auto node = makeV3Node(QStringLiteral("s"), doc, QStringLiteral("s/zarr.json"));
        QVERIFY2(node, qPrintable(node ? QString() : node.error().toString()));
        MetadataPanel panel;
        panel.showNode(*node);
        QCOMPARE(panel.fact(QStringLiteral("Chunks")), QStringLiteral("10 × 10"));
        QCOMPARE(panel.fact(QStringLiteral("Shards")), QStringLiteral("100 × 50"));
        QCOMPARE(panel.fact(QStringLiteral("Chunks per shard")), QStringLiteral("10 × 5"));
        QCOMPARE(panel.fact(QStringLiteral("Shard index")), QStringLiteral("at the start, 804 bytes"));
        QCOMPARE(panel.fact(QStringLiteral("Chunk count")),
                 QStringLiteral("6 shards of 50 inner chunks (300 chunks)"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
