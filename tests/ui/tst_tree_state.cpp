// The window shows the node the user chose and nothing else (issue 16): filtering never changes
// the current array and clearing it keeps expansion and selection; groups, other stores and
// failed opens leave no old plot; array paths add their node to the tree; the scalar's Shape
// cell and error labels read whole; layout and colour map persist; Ctrl+3 and F5.

#include "HierarchyModel.h"
#include "MainWindow.h"
#include "MetadataPanel.h"
#include "QCustomPlotInclude.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "timing/TimingPanel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTreeView>

using namespace zs;

namespace {

QModelIndex shown(MainWindow &window, const QString &path)
{
    return window.filterModel()->mapFromSource(window.hierarchyModel()->indexForPath(path));
}

QString currentRow(MainWindow &window)
{
    return window.filterModel()
        ->mapToSource(window.treeView()->currentIndex())
        .data(HierarchyModel::PathRole)
        .toString();
}

bool emptyDataView(SliceView *view)
{
    return view->plot()->isHidden() && view->colorMap()->data()->keySize() == 0 &&
           view->graph()->data()->isEmpty() && view->readout().isEmpty() && view->arrayPath().isEmpty();
}

} // namespace

class TestTreeState : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString store(const QString &name) const { return m_dir.filePath(name); }

    // Opens `location` with `array` selected and waits until its read is done.
    bool open(MainWindow &window, const QString &location, const QString &array)
    {
        QSignalSpy finished(window.sliceView(), &SliceView::readFinished);
        window.openLocation(location, array);
        return finished.wait(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_tree_state"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore) + QStringLiteral(R"PY(
answer = root.create_dataset('answer', shape=(), dtype='f8')
answer[...] = 42.5
later = zarr.open_group('later.zarr', mode='w')
later.create_dataset('listed', data=np.arange(4.0), chunks=(2,))
zarr.consolidate_metadata('later.zarr')
later.create_dataset('unlisted', data=np.arange(6.0) * 2, chunks=(3,))  # not in .zmetadata
r = zarr.open_group('reload.zarr', mode='w')
r.create_dataset('values', data=np.full((4, 4), 1.0), chunks=(2, 2))
)PY")));
        QDir(m_dir.path()).mkpath(QStringLiteral("plain/dir"));
    }

    void filterNeverChangesTheCurrentArray()
    {
        MainWindow window;
        QAbstractItemModelTester proxyTester(window.filterModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(open(window, store(QStringLiteral("tree.zarr")), QStringLiteral("climate/temperature")));
        QTreeView *tree = window.treeView();
        tree->collapse(shown(window, QStringLiteral("signals"))); // a state of the user's own
        QVERIFY(tree->isExpanded(shown(window, QStringLiteral("climate"))));

        QSignalSpy reads(window.sliceView(), &SliceView::readStarted);
        for (const QString &typed : {QStringLiteral("s"), QStringLiteral("e"), QStringLiteral("r")}) {
            QTest::keyClicks(window.filterEdit(), typed); // "s" already hides temperature
            QCOMPARE(window.currentPath(), QStringLiteral("climate/temperature"));
            QCOMPARE(window.sliceView()->arrayPath(), QStringLiteral("climate/temperature"));
        }
        QVERIFY(!shown(window, QStringLiteral("climate/temperature")).isValid());
        QVERIFY(!tree->currentIndex().isValid()); // hidden, so no row is current
        QCOMPARE(reads.count(), 0);               // and nothing else was read

        window.filterEdit()->clear();
        QCOMPARE(currentRow(window), QStringLiteral("climate/temperature"));
        QVERIFY(tree->selectionModel()->isSelected(tree->currentIndex()));
        QVERIFY(tree->isExpanded(shown(window, QStringLiteral("climate"))));
        QVERIFY(!tree->isExpanded(shown(window, QStringLiteral("signals"))));
        QCOMPARE(reads.count(), 0);

        // A filter that shows the current node keeps it current.
        window.setFilterText(QStringLiteral("temp"));
        QCOMPARE(currentRow(window), QStringLiteral("climate/temperature"));
        window.setFilterText({});
        QCOMPARE(reads.count(), 0);
    }

    void groupNewStoreAndFailedOpenLeaveNoPlot()
    {
        MainWindow window;
        QVERIFY(open(window, store(QStringLiteral("tree.zarr")), QStringLiteral("climate/temperature")));
        QVERIFY(!window.sliceView()->plot()->isHidden());
        window.selectPath(QStringLiteral("climate"));
        QVERIFY(emptyDataView(window.sliceView()));
        QVERIFY(window.sliceView()->message().contains(QStringLiteral("group")));

        // Another store: the old one's plot goes at once, and nothing is chosen in the new one yet.
        window.selectPath(QStringLiteral("climate/temperature"));
        QTRY_VERIFY_WITH_TIMEOUT(window.sliceView()->colorMap()->data()->keySize() > 0, 10000);
        const MetadataPanel *metadata = window.metadataPanel();
        QCOMPARE(metadata->fact(QStringLiteral("Shape")), QStringLiteral("2 × 6 × 8"));
        QVERIFY(!metadata->rawText().isEmpty());
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(store(QStringLiteral("later.zarr")));
        QVERIFY(emptyDataView(window.sliceView()));
        // The Metadata tab lets the old array go as well.
        QVERIFY(metadata->fact(QStringLiteral("Shape")).isEmpty());
        QVERIFY(metadata->rawText().isEmpty());
        QVERIFY(loaded.wait(10000));
        QVERIFY(emptyDataView(window.sliceView()));
        QVERIFY(!window.sliceView()->message().isEmpty());

        // A store that fails to open: its error, no plot.
        QVERIFY(open(window, store(QStringLiteral("tree.zarr")), QStringLiteral("signals/series")));
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.openLocation(store(QStringLiteral("plain")));
        QVERIFY(failed.wait(10000));
        QVERIFY(emptyDataView(window.sliceView()));
        QVERIFY(metadata->fact(QStringLiteral("Shape")).isEmpty());
        QVERIFY(metadata->rawText().isEmpty());
        QVERIFY(window.sliceView()->message().contains(QStringLiteral("no Zarr metadata")));
    }

    void scalarShapeAndErrorLabelsReadWhole()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(store(QStringLiteral("tree.zarr")));
        QVERIFY(loaded.wait(10000));
        HierarchyModel *model = window.hierarchyModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex answer = model->indexForPath(QStringLiteral("answer"));
        QCOMPARE(answer.siblingAtColumn(HierarchyModel::ShapeColumn).data().toString(),
                 QStringLiteral("scalar"));

        const QModelIndex broken = model->indexForPath(QStringLiteral("signals/broken"));
        const QString reason = broken.data(HierarchyModel::ErrorRole).toString();
        QVERIFY(!reason.isEmpty());
        QCOMPARE(broken.data().toString(), QStringLiteral("broken — error"));
        QVERIFY2(broken.data(Qt::ToolTipRole).toString().contains(reason),
                 qPrintable(broken.data(Qt::ToolTipRole).toString()));
        QTreeView *tree = window.treeView();
        QVERIFY(tree->isExpanded(shown(window, QStringLiteral("signals"))));
        // Public in QAbstractItemView: what the name column needs for every label shown.
        const int needed =
            static_cast<QAbstractItemView *>(tree)->sizeHintForColumn(HierarchyModel::NameColumn);
        const int width = tree->columnWidth(HierarchyModel::NameColumn);
        QVERIFY2(width >= needed, qPrintable(QStringLiteral("%1 < %2").arg(width).arg(needed)));
    }

    void folderInsideAStoreOpensTheStore()
    {
        MainWindow window;
        QVERIFY(open(window, store(QStringLiteral("tree.zarr/climate/temperature")), {}));
        QCOMPARE(window.hierarchyModel()->index(0, 0).data().toString(), QStringLiteral("tree.zarr"));
        QVERIFY(window.hierarchyModel()->indexForPath(QStringLiteral("signals/series")).isValid());
        QCOMPARE(window.currentPath(), QStringLiteral("climate/temperature"));
        QCOMPARE(currentRow(window), QStringLiteral("climate/temperature"));
    }

    void arrayPathIsAddedToTheTree()
    {
        MainWindow window;
        QVERIFY(open(window, store(QStringLiteral("later.zarr")), QStringLiteral("unlisted")));
        HierarchyModel *model = window.hierarchyModel();
        QVERIFY(model->indexForPath(QStringLiteral("listed")).isValid()); // the tree stays
        QVERIFY(model->node(model->indexForPath(QStringLiteral("unlisted"))));
        QCOMPARE(currentRow(window), QStringLiteral("unlisted"));
        QCOMPARE(window.sliceView()->graph()->data()->size(), 6);

        // A path that is not there: said, and the tree stays.
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.openArrayPath(QStringLiteral("nothing/here"));
        QVERIFY(failed.wait(10000));
        QVERIFY(model->indexForPath(QStringLiteral("listed")).isValid());
        QVERIFY(window.discoveryError().isEmpty());
        QVERIFY(window.sliceView()->message().contains(QStringLiteral("nothing/here")));
    }

    void openArrayOnlyWhereAStoreIs()
    {
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.openLocation(store(QStringLiteral("does-not-exist")));
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 10000);
        QVERIFY(!window.discoveryError().isEmpty());
        QVERIFY(!window.offersOpenArray());

        window.openLocation(store(QStringLiteral("plain"))); // there, but not listable as a store
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 1, 10000);
        QVERIFY(window.offersOpenArray());
    }

    void layoutAndColourMapPersist()
    {
        QSettings().clear();
        QList<int> sizes;
        const QSize size(1111, 777); // not the default, so a restore that does nothing is seen
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.size() != size);
            window.resize(size);
            QTRY_COMPARE(window.size(), size);
            QVERIFY(open(window, store(QStringLiteral("tree.zarr")), QStringLiteral("climate/temperature")));
            window.splitter()->setSizes({300, 1060});
            sizes = window.splitter()->sizes();
            window.tabs()->setCurrentIndex(1);
            window.sliceView()->controls()->setColorMapName(QStringLiteral("magma"));
            window.close();
        }
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("window/tab")).toInt(), 1);
        QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        QVERIFY(!settings.value(QStringLiteral("window/state")).toByteArray().isEmpty());
        QVERIFY(!settings.value(QStringLiteral("window/splitter")).toByteArray().isEmpty());
        QCOMPARE(settings.value(QStringLiteral("view/colorMap")).toString(), QStringLiteral("magma"));

        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), size); // restoreGeometry
        QCOMPARE(again.tabs()->currentIndex(), 1);
        QCOMPARE(again.splitter()->sizes(), sizes);
        QVERIFY(open(again, store(QStringLiteral("tree.zarr")), QStringLiteral("signals/be")));
        QCOMPARE(again.sliceView()->controls()->colorMapName(), QStringLiteral("magma"));
        QSettings().clear();
    }

    void timingShortcutAndReload()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(open(window, store(QStringLiteral("reload.zarr")), QStringLiteral("values")));
        QCOMPARE(window.sliceView()->colorMap()->data()->cell(1, 1), 1.0);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentWidget(), window.timingPanel());

        // The data changes on disk; F5 reads it again instead of the cached chunks.
        QVERIFY(test::runZarrPython(
            m_dir.path(), QStringLiteral("zarr.open_array('reload.zarr/values', mode='r+')[:] = 2.0\n")));
        const ChunkCache *before = window.chunkCache();
        QSignalSpy finished(window.sliceView(), &SliceView::readFinished);
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(finished.wait(10000));
        QVERIFY(window.chunkCache() != before);
        QCOMPARE(window.currentPath(), QStringLiteral("values"));
        QCOMPARE(window.sliceView()->colorMap()->data()->cell(1, 1), 2.0);
    }
};

QTEST_MAIN(TestTreeState)
#include "tst_tree_state.moc"
