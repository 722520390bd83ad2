// HierarchyModel on a store written by zarr-python: the model contract (QAbstractItemModelTester),
// columns, inline node errors, recursive filtering, stale loads dropped, discovery errors; the
// tree filling as the walk finds nodes (over the embedded server with latency), and a slow walk
// cancelled at once when the loader or the window goes.

#include "ErrorStyle.h"
#include "HierarchyLoader.h"
#include "HierarchyModel.h"
#include "MainWindow.h"
#include "ServerThread.h"
#include "UiFixtures.h"
#include "store/StoreFactory.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFont>
#include <QSortFilterProxyModel>

using namespace zs;

class TestHierarchyModel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<server::ServerThread> m_server;

    // Every row under `parent`, depth first: name, path, kind and the other columns' text.
    static QStringList dump(const QAbstractItemModel &model, const QModelIndex &parent = {})
    {
        QStringList out;
        for (int r = 0; r < model.rowCount(parent); ++r) {
            const QModelIndex i = model.index(r, 0, parent);
            QStringList cols;
            for (int c = 0; c < model.columnCount(parent); ++c)
                cols << i.siblingAtColumn(c).data().toString();
            out << i.data(HierarchyModel::PathRole).toString() + u'|' +
                       i.data(HierarchyModel::KindRole).toString() + u'|' + cols.join(u'|');
            out << dump(model, i);
        }
        return out;
    }

    QString httpTree() const { return m_server->url().toString() + QStringLiteral("tree.zarr"); }

    HierarchyEntries load(const QString &location)
    {
        auto store = openStore(location);
        if (!store) return {};
        HierarchyLoader loader;
        QSignalSpy loaded(&loader, &HierarchyLoader::loaded);
        loader.loadAll(*store);
        if (!loaded.wait(10000)) return {};
        return loaded.front().front().value<HierarchyEntries>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(
            QStringLiteral("ZarrscopeTest")); // MainWindow keeps recent stores
        QCoreApplication::setApplicationName(QStringLiteral("tst_hierarchy_model"));
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore)));
        m_store = m_dir.filePath(QStringLiteral("tree.zarr"));
        m_server = std::make_unique<server::ServerThread>(m_dir.path());
        QVERIFY(m_server->start() != 0);
        m_server->server()->setAutoIndex(true);
    }

    void init() { m_server->server()->setLatencyMs(0); }

    // Over HTTP with latency the walk reports several batches; inserted one by one, they give the
    // same tree as the whole result set at once.
    void treeFillsAsNodesArrive()
    {
        m_server->server()->setLatencyMs(30);
        auto store = openStore(httpTree());
        QVERIFY(store);
        HierarchyModel incremental;
        QAbstractItemModelTester tester(&incremental, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int inserted = 0; // every row must be announced, as a view needs it
        connect(&incremental, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) { inserted += last - first + 1; });
        HierarchyLoader loader;
        int batches = 0;
        connect(&loader, &HierarchyLoader::nodesDiscovered, this, [&](const HierarchyEntries &batch) {
            ++batches;
            incremental.addEntries(batch, QStringLiteral("tree.zarr"));
        });
        QSignalSpy loaded(&loader, &HierarchyLoader::loaded);
        loader.loadAll(*store);
        QVERIFY(loaded.wait(20000));
        QVERIFY2(batches >= 3, qPrintable(QString::number(batches))); // root, its children, theirs
        const auto entries = loaded.front().front().value<HierarchyEntries>();
        QCOMPARE(entries.size(), std::size_t(8));
        HierarchyModel whole;
        whole.setEntries(entries, QStringLiteral("tree.zarr"));
        QCOMPARE(dump(incremental), dump(whole));
        QCOMPARE(inserted, int(dump(whole).size()));
        incremental.addEntries(entries, QStringLiteral("tree.zarr")); // what MainWindow does at the end
        QCOMPARE(dump(incremental), dump(whole));
    }

    // Quitting during a slow HTTP walk: destroying the loader returns at once, the requests
    // still out are aborted (the store is let go) and nothing arrives later.
    void destroyingTheLoaderStopsASlowWalk()
    {
        m_server->server()->setLatencyMs(2000);
        auto store = openStore(httpTree());
        QVERIFY(store);
        std::weak_ptr<Store> weak = *store;
        QObject listener;
        int arrived = 0;
        auto loader = std::make_unique<HierarchyLoader>();
        for (auto signal : {&HierarchyLoader::nodesDiscovered, &HierarchyLoader::loaded})
            connect(loader.get(), signal, &listener, [&] { ++arrived; });
        connect(loader.get(), &HierarchyLoader::failed, &listener, [&] { ++arrived; });
        loader->loadAll(std::move(*store));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->server()->pendingRequests() >= 1, 5000);
        QElapsedTimer t;
        t.start();
        loader.reset();
        QVERIFY2(t.elapsed() < 200, qPrintable(QString::number(t.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(weak.expired(), 500); // aborted, not waited for (2 s latency)
        const qint64 sent = m_server->server()->totalRequests();
        QTest::qWait(2500);
        QCOMPARE(arrived, 0);
        QCOMPARE(m_server->server()->totalRequests(), sent);
    }

    // The same through the window: closing it mid-walk stops the walk; a new store replaces the
    // old walk's tree, with nothing of the old one arriving later.
    void closingTheWindowStopsTheWalk()
    {
        m_server->server()->setLatencyMs(1000);
        MainWindow window;
        window.openLocation(httpTree());
        QTRY_VERIFY_WITH_TIMEOUT(m_server->server()->pendingRequests() >= 1, 5000);
        window.close();
        const qint64 sent = m_server->server()->totalRequests();
        QTest::qWait(1500);
        QCOMPARE(window.hierarchyModel()->rowCount(), 0);
        QCOMPARE(m_server->server()->totalRequests(), sent);

        window.openLocation(httpTree()); // slow again: then a local store before it answers
        QTRY_VERIFY_WITH_TIMEOUT(m_server->server()->pendingRequests() >= 1, 5000);
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(m_store);
        QVERIFY(loaded.wait(10000));
        const QStringList local = dump(*window.hierarchyModel());
        QTest::qWait(1500);
        QCOMPARE(dump(*window.hierarchyModel()), local);
        QCOMPARE(loaded.count(), 1);
    }

    void modelContractAndColumns()
    {
        const HierarchyEntries entries = load(m_store);
        QVERIFY(!entries.empty());
        HierarchyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(entries, QStringLiteral("tree.zarr"));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(root.data().toString(), QStringLiteral("tree.zarr"));
        QCOMPARE(model.rowCount(root), 2); // climate, signals

        const QModelIndex t = model.indexForPath(QStringLiteral("climate/temperature"));
        QVERIFY(t.isValid());
        QCOMPARE(t.data(HierarchyModel::KindRole).toString(), QStringLiteral("array"));
        QCOMPARE(t.siblingAtColumn(HierarchyModel::ShapeColumn).data().toString(),
                 QStringLiteral("2 × 6 × 8"));
        QCOMPARE(t.siblingAtColumn(HierarchyModel::DTypeColumn).data().toString(), QStringLiteral("<f4"));
        QCOMPARE(t.siblingAtColumn(HierarchyModel::ChunksColumn).data().toString(),
                 QStringLiteral("1 × 4 × 4"));
        QVERIFY(!t.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(
            model.indexForPath(QStringLiteral("climate/empty")).data(HierarchyModel::KindRole).toString(),
            QStringLiteral("group"));
        QVERIFY(model.node(t) && model.node(t)->isArray());

        // The broken array stays in the tree, with its error inline.
        const QModelIndex broken = model.indexForPath(QStringLiteral("signals/broken"));
        QVERIFY(broken.isValid());
        QCOMPARE(broken.data(HierarchyModel::KindRole).toString(), QStringLiteral("error"));
        QVERIFY(broken.data(HierarchyModel::ErrorRole).toString().contains(QStringLiteral(".zarray")));
        QVERIFY(broken.data().toString().contains(QStringLiteral("error")));
        QVERIFY(!model.node(broken));
        // In the browser's one error style, as the Metadata and Data tabs show theirs.
        QCOMPARE(broken.data(Qt::ForegroundRole).value<QColor>(), errorColor());
        QVERIFY(broken.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!t.data(Qt::ForegroundRole).isValid());
        QVERIFY(!t.data(Qt::FontRole).isValid());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.setEntries(entries); // the tester checks the reset too
    }

    // A node we cannot read keeps its kind and what its document says, with a warning icon and
    // the reason as tooltip.
    void unsupportedNodeKeepsWhatIsKnown()
    {
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kUnsupportedStore)));
        const HierarchyEntries entries = load(m_dir.filePath(QStringLiteral("unsupported.zarr")));
        HierarchyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(entries);
        const QModelIndex packed = model.indexForPath(QStringLiteral("packed"));
        QVERIFY(packed.isValid());
        QCOMPARE(packed.data(HierarchyModel::KindRole).toString(), QStringLiteral("error"));
        QVERIFY(packed.data(Qt::ToolTipRole).toString().contains(QStringLiteral("unknown codec \"lzma\"")));
        QVERIFY(!packed.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(packed.siblingAtColumn(HierarchyModel::ShapeColumn).data().toString(), QStringLiteral("16"));
        QCOMPARE(packed.siblingAtColumn(HierarchyModel::DTypeColumn).data().toString(),
                 QStringLiteral("<i2"));
        QCOMPARE(packed.siblingAtColumn(HierarchyModel::ChunksColumn).data().toString(), QStringLiteral("4"));
        QVERIFY(model.entry(packed) && model.entry(packed)->kind == NodeMetadata::Kind::Array);
        QCOMPARE(model.indexForPath(QStringLiteral("plain")).data(HierarchyModel::KindRole).toString(),
                 QStringLiteral("array"));
    }

    void recursiveFilter()
    {
        HierarchyModel model;
        model.setEntries(load(m_store));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterFixedString(QStringLiteral("TEMPER"));
        const QModelIndex root = proxy.index(0, 0);
        QCOMPARE(proxy.rowCount(root), 1);
        const QModelIndex climate = proxy.index(0, 0, root);
        QCOMPARE(climate.data().toString(), QStringLiteral("climate"));
        QCOMPARE(proxy.rowCount(climate), 1);
        QCOMPARE(proxy.index(0, 0, climate).data(HierarchyModel::PathRole).toString(),
                 QStringLiteral("climate/temperature"));
    }

    void consolidatedStore()
    {
        QVERIFY(test::runZarrPython(m_dir.path(),
                                    QStringLiteral("import shutil\nshutil.copytree('tree.zarr', "
                                                   "'cons.zarr')\nshutil.rmtree('cons.zarr/signals/broken')\n"
                                                   "zarr.consolidate_metadata('cons.zarr')\n")));
        HierarchyModel model;
        model.setEntries(load(m_dir.filePath(QStringLiteral("cons.zarr"))));
        QVERIFY(model.indexForPath(QStringLiteral("signals/be")).isValid());
        QCOMPARE(model.indexForPath(QStringLiteral("signals/be"))
                     .siblingAtColumn(HierarchyModel::DTypeColumn)
                     .data()
                     .toString(),
                 QStringLiteral(">i4"));
    }

    void staleLoadsAreDropped()
    {
        auto store = openStore(m_store);
        QVERIFY(store.ok());
        HierarchyLoader loader;
        QSignalSpy loaded(&loader, &HierarchyLoader::loaded);
        QSignalSpy failed(&loader, &HierarchyLoader::failed);
        loader.loadAll(*store);
        loader.loadAll(*store);
        QVERIFY(loaded.wait(10000));
        QTest::qWait(300);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(failed.count(), 0);
        QVERIFY(!loader.isLoading());
    }

    void discoveryErrorIsReported()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("not-a-store/sub"));
        auto store = openStore(m_dir.filePath(QStringLiteral("not-a-store")));
        QVERIFY(store.ok());
        HierarchyLoader loader;
        QSignalSpy failed(&loader, &HierarchyLoader::failed);
        loader.loadAll(*store);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.front().front().toString().contains(QStringLiteral("no Zarr metadata")),
                 qPrintable(failed.front().front().toString()));
    }

    void loadOneNode()
    {
        auto store = openStore(m_store);
        HierarchyLoader loader;
        QSignalSpy loaded(&loader, &HierarchyLoader::loaded);
        loader.loadOne(*store, QStringLiteral("signals/be"));
        QVERIFY(loaded.wait(10000));
        const auto entries = loaded.front().front().value<HierarchyEntries>();
        QCOMPARE(entries.size(), std::size_t(1));
        QVERIFY(entries.front().node && entries.front().node->isArray());
    }
};

QTEST_MAIN(TestHierarchyModel)
#include "tst_hierarchy_model.moc"
