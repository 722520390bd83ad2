// The Data tab's slider over HTTP (the embedded server, with latency): stepping within a chunk
// costs no request (the server's own counters), the next chunk is prefetched while the view
// rests, the image drawn from progressive regions equals the complete read, and a read the user
// has moved on from never draws.

#include "QCustomPlotInclude.h"
#include "ServerThread.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "ValueConverter.h"
#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"
#include "view/SliceSource.h"

using namespace zs;

class TestSliceScrub : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerThread> m_server;
    std::shared_ptr<Store> m_store;

    server::StoreServer *srv() { return m_server->server(); }
    NodeMetadata node(const QString &path) { return test::nodeAt(*m_store, path); }
    static bool waitFor(QSignalSpy &spy, int count, int ms = 10000)
    {
        QElapsedTimer t;
        t.start();
        while (spy.count() < count && t.elapsed() < ms)
            spy.wait(ms - int(t.elapsed()));
        return spy.count() >= count;
    }
    // cube[t, y, x] = t * 192 + y * 16 + x
    static double cube(int t, int y, int x) { return t * 192 + y * 16 + x; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(
            m_dir.path(),
            QStringLiteral(
                "c = zarr.open_array('s.zarr/cube', mode='w', shape=(20, 12, 16), chunks=(8, 6, 8), "
                "dtype='f4')\n"
                "c[:] = np.arange(20 * 12 * 16, dtype='f4').reshape(20, 12, 16)\n"
                "c.attrs['_ARRAY_DIMENSIONS'] = ['time', 'lat', 'lon']\n"
                "w = zarr.open_array('s.zarr/wide', mode='w', shape=(96, 128), chunks=(16, 16), dtype='i2')\n"
                "w[:] = (np.arange(96 * 128) % 1000).reshape(96, 128)\n")));
        m_server = std::make_unique<server::ServerThread>(m_dir.path());
        QVERIFY(m_server->start() != 0);
        srv()->setLatencyMs(20);
        auto store = openStore(m_server->url().toString() + QStringLiteral("s.zarr"));
        QVERIFY(store.ok());
        m_store = *store;
    }

    void steppingWithinAChunkCostsNoRequest()
    {
        SliceView view;
        view.resize(800, 600);
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.setArray(m_store, node(QStringLiteral("cube")));
        QVERIFY(view.source());
        QSignalSpy idle(view.source(), &SliceSource::prefetchIdle);
        QVERIFY(waitFor(finished, 1));
        QCOMPARE(view.controls()->xDim(), 2);
        QCOMPARE(view.controls()->yDim(), 1);
        QVERIFY(waitFor(idle, 1)); // the next chunk along time (8..15) is in the cache now
        srv()->resetStats();
        QCPColorMapData *data = view.colorMap()->data();
        for (int t = 1; t <= 9; ++t) { // 1..7 within chunk 0, then 8 and 9 in the prefetched chunk 1
            view.controls()->setFixedIndex(0, std::uint64_t(t));
            QVERIFY(waitFor(finished, 1 + t));
            QCOMPARE(data->cell(5, 7), cube(t, 7, 5));
            QCOMPARE(data->cell(15, 11), cube(t, 11, 15));
            if (t <= 7) QCOMPARE(srv()->totalRequests(), qint64(0));
        }
        // Stepping into chunk 1 asked for nothing either: the rest (if any) is chunk 2's prefetch.
        for (const auto &r : srv()->requestLog())
            QVERIFY2(r.key.endsWith(QStringLiteral("/2.0.0")) || r.key.endsWith(QStringLiteral("/2.0.1")) ||
                         r.key.endsWith(QStringLiteral("/2.1.0")) || r.key.endsWith(QStringLiteral("/2.1.1")),
                     qPrintable(r.key));
        QCOMPARE(view.source()->totals().cacheHits, std::uint64_t(9 * 4));
    }

    void progressiveRegionsGiveTheCompleteImage()
    {
        SliceView view;
        view.resize(800, 600);
        QSignalSpy finished(&view, &SliceView::readFinished);
        const NodeMetadata wide = node(QStringLiteral("wide"));
        view.setArray(m_store, wide, std::make_shared<ChunkCache>(0)); // every chunk from the server
        QVERIFY(view.source());
        int regions = 0;
        bool sawGaps = false;
        std::vector<double> afterLastRegion;
        connect(view.source(), &SliceSource::regionReady, this, [&] { // runs after the view's own slot
            ++regions;
            const auto &v = view.values();
            sawGaps = sawGaps || std::any_of(v.begin(), v.end(), [](double x) { return std::isnan(x); });
            if (regions == 48) afterLastRegion = v;
        });
        QVERIFY(waitFor(finished, 1));
        QCOMPARE(regions, 48); // 6 x 8 chunks, each announced once
        QVERIFY(sawGaps);      // drawn before everything was in
        auto complete = readSelection(m_store, wide.path, *wide.array, view.shownSelection());
        QVERIFY(complete.ok());
        const std::vector<double> expected = toDoubles(*complete);
        QCOMPARE(afterLastRegion, expected); // the regions alone gave the whole image
        QCOMPARE(view.values(), expected);
        QCPColorMapData *data = view.colorMap()->data();
        for (int y = 0; y < 96; y += 7)
            for (int x = 0; x < 128; x += 9)
                QCOMPARE(data->cell(x, y), double((y * 128 + x) % 1000));
    }

    void staleReadNeverDraws()
    {
        srv()->setLatencyMs(150);
        SliceView view;
        view.resize(800, 600);
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.setArray(m_store, node(QStringLiteral("cube")), std::make_shared<ChunkCache>(0)); // no cache
        QVERIFY(waitFor(finished, 1));
        QCPColorMapData *data = view.colorMap()->data();
        QList<double> drawn; // cell (0, 0) at every replot
        connect(view.plot(), &QCustomPlot::afterReplot, this, [&] { drawn << data->cell(0, 0); });
        view.controls()->setFixedIndex(0, 10); // a read of 4 chunks, 150 ms away
        QTest::qWait(40);
        QVERIFY(view.isReading());
        view.controls()->setFixedIndex(0, 17); // the user moved on
        QVERIFY(waitFor(finished, 2));
        QTest::qWait(400); // time for the first read to have landed, had it not been dropped
        QCOMPARE(finished.count(), 2);
        QCOMPARE(data->cell(0, 0), cube(17, 0, 0));
        QVERIFY(!drawn.isEmpty());
        // Only the image the user left (index 0) or the one they went to (17), never bytes of the
        // stale read placed anywhere in the new image.
        for (double v : drawn)
            QVERIFY2(v == cube(0, 0, 0) || v == cube(17, 0, 0) || std::isnan(v),
                     qPrintable(QStringLiteral("drawn %1: the stale read was drawn").arg(v)));
        srv()->setLatencyMs(20);
    }
};

QTEST_MAIN(TestSliceScrub)
#include "tst_slice_scrub.moc"
