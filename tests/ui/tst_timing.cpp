// The timing panel on the offscreen platform, against the project's own HTTP server on loopback
// with a simulated latency: the run model (timings, waterfall rows, outcomes, summary), the
// sweep and its ideal curve, CSV/JSON/PNG export, cancel mid-run, the chunking advisor on known
// shapes, and the panel inside MainWindow. Fixtures are written by Debian's zarr-python.

#include "ExportDialog.h"
#include "MainWindow.h"
#include "QCustomPlotInclude.h"
#include "ServerThread.h"
#include "UiFixtures.h"
#include "bench/ChunkAdvisor.h"
#include "hierarchy/Hierarchy.h"
#include "store/LocalStore.h"
#include "timing/AdvisorView.h"
#include "timing/TimingExport.h"
#include "timing/TimingPanel.h"
#include "timing/TimingTableModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QStatusBar>
#include <QTabWidget>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace zs;

namespace {

constexpr int kLatencyMs = 10;
constexpr quint64 kGridChunks = 16; // grid: 8x8 in 2x2 chunks
constexpr int kGridMissing = 4;     // its first chunk row is fill: never written, 404

} // namespace

class TestTiming : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerThread> m_server;

    server::StoreServer *srv() { return m_server->server(); }
    QString httpLocation() { return m_server->url().toString() + QStringLiteral("bench.zarr"); }

    NodeMetadata node(const QString &path)
    {
        LocalStore local(m_dir.filePath(QStringLiteral("bench.zarr")));
        return test::nodeAt(local, path);
    }

    // A finished run of `path` through the panel: sequential then concurrent (or the sweep).
    bool runPanel(TimingPanel &panel, const QString &path, bool sweep, int concurrency)
    {
        panel.setArray(httpLocation(), node(path));
        panel.setConcurrency(concurrency);
        QSignalSpy finished(&panel, &TimingPanel::runFinished);
        QSignalSpy failed(&panel, &TimingPanel::runFailed);
        if (!(sweep ? panel.startSweep() : panel.startRun())) return false;
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000)) return false;
        if (!failed.isEmpty()) qWarning() << "run failed:" << failed.front().front().toString();
        return !finished.isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QStringLiteral(R"PY(
root = zarr.open_group('bench.zarr', mode='w')
a = root.create_dataset('grid', shape=(8, 8), chunks=(2, 2), dtype='i4', fill_value=0, write_empty_chunks=False)
x = np.arange(64, dtype='i4').reshape(8, 8) + 1
x[0:2, :] = 0
a[:] = x
b = root.create_dataset('long', shape=(64,), chunks=(1,), dtype='i4')
b[:] = np.arange(64)
)PY")));
        m_server = std::make_unique<server::ServerThread>(m_dir.path());
        QVERIFY(m_server->start() != 0);
    }

    void init()
    {
        srv()->setLatencyMs(kLatencyMs);
        srv()->resetStats();
    }

    void runModel()
    {
        TimingPanel panel;
        QVERIFY(runPanel(panel, QStringLiteral("grid"), false, 8));
        const TimingRun &run = panel.run();
        QCOMPARE(run.passes.size(), std::size_t(2));
        const PassTimeline &seq = run.passes[0];
        const PassTimeline &conc = run.passes[1];
        QVERIFY(seq.finished && conc.finished);
        QCOMPARE(seq.pass.concurrency, 1);
        QCOMPARE(conc.pass.concurrency, 8);
        for (const PassTimeline *p : {&seq, &conc}) {
            QCOMPARE(p->chunks, kGridChunks);
            QCOMPARE(p->requests, kGridChunks);
            QCOMPARE(p->chunkDoneMs.size(), std::size_t(kGridChunks));
            QVERIFY(std::is_sorted(p->chunkDoneMs.begin(), p->chunkDoneMs.end()));
        }
        // Every request waits out the server's latency: one after another they add up; eight
        // at a time, at least two rounds.
        QVERIFY2(seq.seconds >= kGridChunks * kLatencyMs / 1e3, qPrintable(QString::number(seq.seconds)));
        QVERIFY2(conc.seconds >= 2 * kLatencyMs / 1e3, qPrintable(QString::number(conc.seconds)));
        QVERIFY2(conc.seconds < seq.seconds,
                 qPrintable(QStringLiteral("%1 %2").arg(conc.seconds).arg(seq.seconds)));
        QCOMPARE(seq.maxInFlight, 1);
        QVERIFY(conc.maxInFlight > 1 && conc.maxInFlight <= 8);

        // The waterfall: one row per request the server saw, 404s for the chunks never written.
        QCOMPARE(qint64(run.rows.size()), srv()->totalRequests());
        QCOMPARE(run.rows.size(), std::size_t(2 * kGridChunks));
        int notFound = 0;
        for (const WaterfallRow &r : run.rows) {
            QVERIFY(r.queuedMs >= 0 && r.queuedMs <= r.sentMs && r.sentMs <= r.firstByteMs &&
                    r.firstByteMs <= r.doneMs);
            QVERIFY2(r.latencyMs() >= kLatencyMs * 0.9, qPrintable(QString::number(r.latencyMs())));
            QVERIFY(r.doneMs <= run.passes[r.pass].seconds * 1e3 + 5);
            if (r.outcome == RequestOutcome::NotFound) {
                ++notFound;
                QCOMPARE(r.status, 404);
                QVERIFY(r.key.startsWith(QStringLiteral("grid/0.")));
            } else {
                QCOMPARE(r.outcome, RequestOutcome::Ok);
                QCOMPARE(r.status, 200);
                QVERIFY(r.bytes > 0);
            }
        }
        QCOMPARE(notFound, 2 * kGridMissing);

        // The summary, as the table shows it.
        TimingTableModel *model = panel.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 2);
        const auto value = [&](int row, int column) {
            return model->index(row, column).data(TimingTableModel::ValueRole).toDouble();
        };
        QCOMPARE(model->index(0, TimingTableModel::ModeColumn).data().toString(),
                 QStringLiteral("sequential"));
        QCOMPARE(value(0, TimingTableModel::WallColumn), seq.seconds);
        QCOMPARE(value(1, TimingTableModel::WallColumn), conc.seconds);
        QVERIFY(qAbs(value(1, TimingTableModel::SpeedupColumn) - seq.seconds / conc.seconds) < 1e-9);
        QVERIFY(qAbs(value(0, TimingTableModel::RequestsPerSecondColumn) - kGridChunks / seq.seconds) < 1e-6);
        QVERIFY(qAbs(value(1, TimingTableModel::MegabytesPerSecondColumn) - conc.bytes / conc.seconds / 1e6) <
                1e-9);
        QCOMPARE(quint64(value(0, TimingTableModel::BytesColumn)), srv()->bytesSent() / 2);
        for (int row : {0, 1}) {
            QVERIFY(value(row, TimingTableModel::LatencyP50Column) >= kLatencyMs * 0.9);
            QVERIFY(value(row, TimingTableModel::LatencyP95Column) >=
                    value(row, TimingTableModel::LatencyP50Column));
        }
        QCOMPARE(value(0, TimingTableModel::ConnectionsColumn), 1.0);
        QVERIFY(value(1, TimingTableModel::ConnectionsColumn) >= 2);

        // The advisor's network model: the sequential median latency; 16 tiny chunks are too
        // few bytes to measure throughput, so that stays the default.
        const NetworkModel net = networkModel(run, 2 * 2 * 4);
        QVERIFY(net.measured && !net.throughputMeasured);
        QCOMPARE(net.latencySeconds, value(0, TimingTableModel::LatencyP50Column) / 1e3);
        QCOMPARE(net.bytesPerSecond, NetworkModel{}.bytesPerSecond);

        // Drawn: one completion line per pass (plus its origin), one row per request.
        QCOMPARE(panel.completionPlot()->graphCount(), 2);
        QCOMPARE(panel.completionPlot()->graph(0)->dataCount(), int(kGridChunks) + 1);
        QVERIFY(panel.waterfallPlot()->plottableCount() >= 3);
        QVERIFY(panel.statusText().contains(QStringLiteral("faster")));
    }

    void repeatsInterleave()
    {
        TimingPanel panel;
        panel.setRepeats(2);
        panel.setCacheBust(true);
        QVERIFY(runPanel(panel, QStringLiteral("grid"), false, 4));
        QCOMPARE(panel.run().passes.size(), std::size_t(4));
        const int order[][2] = {{1, 0}, {4, 0}, {1, 1}, {4, 1}};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(panel.run().passes[i].pass.concurrency, order[i][0]);
            QCOMPARE(panel.run().passes[i].pass.repeat, order[i][1]);
        }
        QCOMPARE(srv()->totalRequests(), qint64(4 * kGridChunks));
        QCOMPARE(panel.model()->summaries().front().runs, 2);
    }

    void sweep_data()
    {
        QTest::addColumn<double>("knownLatencyMs");
        QTest::addRow("estimated-latency") << 0.0;
        QTest::addRow("known-latency") << 25.0;
    }

    void sweep()
    {
        QFETCH(double, knownLatencyMs);
        TimingPanel panel;
        panel.setKnownLatencyMs(knownLatencyMs);
        QVERIFY(runPanel(panel, QStringLiteral("grid"), true, 8));
        const std::vector<SweepPoint> points = sweepPoints(panel.run());
        QCOMPARE(points.size(), std::size_t(4));
        const double latency = estimatedLatencySeconds(panel.run());
        if (knownLatencyMs > 0)
            QCOMPARE(latency, knownLatencyMs / 1e3);
        else
            QVERIFY2(latency >= kLatencyMs * 0.9 / 1e3 && latency < 1, qPrintable(QString::number(latency)));
        const int levels[] = {1, 2, 4, 8};
        for (int i = 0; i < 4; ++i) {
            const SweepPoint &p = points[i];
            QCOMPARE(p.concurrency, levels[i]);
            const double rounds = std::ceil(double(kGridChunks) / levels[i]);
            QCOMPARE(p.idealSeconds, rounds * latency);
            // Measured can't beat the rounds of server latency it has to wait out.
            QVERIFY2(p.seconds >= rounds * kLatencyMs / 1e3, qPrintable(QString::number(p.seconds)));
        }
        QCOMPARE(panel.sweepPlot()->graphCount(), 2);
        QCOMPARE(panel.sweepPlot()->graph(0)->dataCount(), 4);
        QCOMPARE(panel.sweepPlot()->graph(1)->dataCount(), 4);
        QCOMPARE(panel.sweepPlot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    }

    void exportRoundTrip()
    {
        TimingPanel panel;
        QVERIFY(runPanel(panel, QStringLiteral("grid"), false, 8));
        QTemporaryDir out;
        const QString json = out.filePath(QStringLiteral("t.json"));
        const QString csv = out.filePath(QStringLiteral("t.csv"));
        QVERIFY(panel.exportJson(json));
        QVERIFY(panel.exportCsv(csv));
        QVERIFY(panel.exportPlots(out.filePath(QStringLiteral("t"))));

        QFile jf(json);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const auto doc = nlohmann::json::parse(jf.readAll().toStdString());
        auto back = timingFromJson(doc);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        QVERIFY(back->passes == panel.run().passes);
        QVERIFY(back->rows == panel.run().rows);
        QCOMPARE(back->location, httpLocation());
        QCOMPARE(doc["summary"].size(), std::size_t(2));
        QCOMPARE(doc["summary"][1]["speedup"].get<double>(), panel.model()->summaries()[1].speedup);

        QFile cf(csv);
        QVERIFY(cf.open(QIODevice::ReadOnly));
        const auto table = parseCsv(QString::fromUtf8(cf.readAll()));
        QCOMPARE(table.size(), std::size_t(3));
        QCOMPARE(table[0].size(), qsizetype(TimingTableModel::ColumnCount + 1)); // + chunks
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(table[row + 1][0], panel.model()->index(row, 0).data().toString());
            for (int c = 1; c < TimingTableModel::ColumnCount; ++c) {
                const double want = panel.model()->index(row, c).data(TimingTableModel::ValueRole).toDouble();
                QVERIFY2(qAbs(table[row + 1][c].toDouble() - want) <= 1e-9 * std::max(1.0, qAbs(want)),
                         qPrintable(table[row + 1][c]));
            }
        }
        QFile rf(requestsCsvPath(csv));
        QVERIFY(rf.open(QIODevice::ReadOnly));
        const auto requests = parseCsv(QString::fromUtf8(rf.readAll()));
        QCOMPARE(requests.size(), panel.run().rows.size() + 1);
        int notFound = 0;
        for (std::size_t i = 1; i < requests.size(); ++i)
            notFound += requests[i][11] == u"404";
        QCOMPARE(notFound, 2 * kGridMissing);

        for (const char *suffix : {"t-completion.png", "t-waterfall.png", "t-sweep.png"}) {
            const QImage image(out.filePath(QLatin1String(suffix)));
            QVERIFY2(!image.isNull() && image.width() == 1200, suffix);
        }
        // The CSV reader itself: quoted commas, quotes and line breaks.
        const auto quoted = parseCsv(QStringLiteral("a,\"b,c\",\"d\"\"e\"\n\"f\ng\",h\n"));
        QCOMPARE(quoted.size(), std::size_t(2));
        QCOMPARE(quoted[0], (QStringList{"a", "b,c", "d\"e"}));
        QCOMPARE(quoted[1], (QStringList{"f\ng", "h"}));
    }

    void cancelMidRun()
    {
        srv()->setLatencyMs(20);
        TimingPanel panel;
        panel.setArray(httpLocation(), node(QStringLiteral("long")));
        QSignalSpy cancelled(&panel, &TimingPanel::runCancelled);
        QVERIFY(panel.startRun());
        QVERIFY(panel.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.run().passes.empty() && panel.run().passes[0].chunkDoneMs.size() >= 3,
                                 10000);
        panel.cancel();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!panel.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(srv()->pendingRequests(), 0, 5000);
        const qint64 seen = srv()->totalRequests();
        QTest::qWait(200); // ten latencies: a run still going would have sent more
        QCOMPARE(srv()->totalRequests(), seen);
        QVERIFY(seen < 64);
        QVERIFY(!panel.run().passes[0].finished);
        QVERIFY(panel.statusText().contains(QStringLiteral("Cancelled")));
    }

    void advisor_data()
    {
        QTest::addColumn<Shape>("shape");
        QTest::addColumn<int>("itemSize");
        QTest::addColumn<QString>("view");
        QTest::addColumn<int>("pattern");
        QTest::addColumn<Shape>("suggested");
        // A 4096² image plane of float32: 1024² chunks are 4 MiB, one plane deep.
        QTest::addRow("image-plane") << Shape{100, 4096, 4096} << 4 << "0,:,:" << int(AccessPattern::Image)
                                     << Shape{1, 1024, 1024};
        // Series along time: all of it in one chunk, a 10x10 patch of pixels.
        QTest::addRow("time-series") << Shape{10000, 512, 512} << 4 << ":,0,0" << int(AccessPattern::Series)
                                     << Shape{10000, 10, 10};
        // Small planes take neighbours along up to the 1 MiB minimum: 27 planes of 100².
        QTest::addRow("small-planes")
            << Shape{1000, 100, 100} << 4 << "0,:,:" << int(AccessPattern::Image) << Shape{27, 100, 100};
        // A short side gives its share to the long one.
        QTest::addRow("strip-image") << Shape{10, 1000000} << 1 << "" << int(AccessPattern::Image)
                                     << Shape{10, 419430};
        QTest::addRow("whole-1d") << Shape{1000000} << 8 << "" << int(AccessPattern::Series) << Shape{524288};
        QTest::addRow("whole-3d") << Shape{256, 256, 256} << 4 << "" << int(AccessPattern::Whole)
                                  << Shape{101, 101, 102};
    }

    void advisor()
    {
        QFETCH(Shape, shape);
        QFETCH(int, itemSize);
        QFETCH(QString, view);
        QFETCH(int, pattern);
        QFETCH(Shape, suggested);
        auto sel = parseSelection(view, shape);
        QVERIFY(sel);
        Shape current(shape.size(), 1);
        for (std::size_t d = 0; d < shape.size(); ++d)
            current[d] = std::min<std::uint64_t>(shape[d], 64);
        NetworkModel net;
        net.latencySeconds = 0.1;
        net.bytesPerSecond = 1e8;
        net.concurrency = 16;
        const ChunkAdvice a = adviseChunks(shape, current, std::size_t(itemSize), *sel, net);
        QCOMPARE(int(a.pattern), pattern);
        QCOMPARE(a.suggested, suggested);
        std::uint64_t elems = 1, whole = 1, wholeNow = 1;
        for (std::size_t d = 0; d < shape.size(); ++d) {
            elems *= suggested[d];
            whole *= (shape[d] + suggested[d] - 1) / suggested[d];
            wholeNow *= (shape[d] + current[d] - 1) / current[d];
        }
        QCOMPARE(a.suggestedChunkBytes, elems * itemSize);
        QVERIFY(a.suggestedChunkBytes <= kMaxChunkBytes);
        QCOMPARE(a.wholeSuggested.requests, whole);
        QCOMPARE(a.wholeCurrent.requests, wholeNow);
        // The cost model: rounds of latency plus bytes over the link.
        const double rounds = std::ceil(double(whole) / 16);
        QVERIFY(qAbs(a.wholeSuggested.seconds - (rounds * 0.1 + double(whole * elems * itemSize) / 1e8)) <
                1e-6);
        // Shaped for the view: it never takes more requests than today's chunks for that view.
        QVERIFY(a.viewSuggested.requests <= a.viewCurrent.requests);
    }

    void chunksTouched_data()
    {
        QTest::addColumn<QString>("selection");
        QTest::addColumn<quint64>("chunks");
        QTest::addRow("all") << "" << quint64(10);
        QTest::addRow("inside-one") << "12:18" << quint64(1);
        QTest::addRow("straddling") << "5:15" << quint64(2);
        QTest::addRow("step-3") << "0:100:3" << quint64(10);
        QTest::addRow("step-20") << "0:100:20" << quint64(5);
        QTest::addRow("point") << "37" << quint64(1);
        QTest::addRow("empty") << "5:5" << quint64(0);
    }

    void chunksTouched()
    {
        QFETCH(QString, selection);
        QFETCH(quint64, chunks);
        auto sel = parseSelection(selection, Shape{100});
        QVERIFY(sel);
        QCOMPARE(zs::chunksTouched(*sel, Shape{10}), chunks);
    }

    void inMainWindow()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(m_dir.filePath(QStringLiteral("bench.zarr")), QStringLiteral("grid"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        TimingPanel *panel = window.timingPanel();
        QVERIFY(panel);
        QCOMPARE(window.tabs()->tabText(window.tabs()->indexOf(panel)), QStringLiteral("Timing"));
        // The advisor follows the tree's array: 2x2 chunks of an 8x8 int32 image.
        QTRY_COMPARE_WITH_TIMEOUT(panel->advisor()->advice().current, (Shape{2, 2}), 5000);
        QCOMPARE(panel->advisor()->advice().suggested, (Shape{8, 8}));
        QVERIFY(panel->advisor()->exportButton()->isEnabled());
        QSignalSpy exportAsked(panel, &TimingPanel::exportRequested);
        panel->advisor()->exportButton()->click();
        QCOMPARE(exportAsked.size(), 1);
        QCOMPARE(exportAsked.front()[0].toString(), QStringLiteral("grid"));
        // ... which opens the export dialog for that array with the suggested chunks filled in.
        ExportDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ExportDialog *>()) != nullptr, 5000);
        dialog->setTargetDirectory(m_dir.filePath(QStringLiteral("advised.zarr")));
        const auto options = dialog->options();
        QVERIFY2(options, qPrintable(options ? QString() : options.error().toString()));
        QCOMPARE(options->chunks, (Shape{8, 8}));
        dialog->close();
        // A local run goes through the same runner and the same measured store: chunk timings,
        // and a waterfall row for every file read (no HTTP status; the unwritten chunks missing).
        QSignalSpy finished(panel, &TimingPanel::runFinished);
        panel->setSelectionText(QString());
        QVERIFY(panel->startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const TimingRun &run = panel->run();
        QCOMPARE(run.passes.size(), std::size_t(2));
        QCOMPARE(run.passes[1].chunkDoneMs.size(), std::size_t(kGridChunks));
        QCOMPARE(run.rows.size(), std::size_t(2 * kGridChunks));
        int missing = 0;
        for (const WaterfallRow &r : run.rows) {
            QVERIFY(r.key.startsWith(QStringLiteral("grid/")));
            QCOMPARE(r.status, 0);
            QVERIFY(r.queuedMs >= 0 && r.queuedMs <= r.sentMs && r.sentMs <= r.firstByteMs &&
                    r.firstByteMs <= r.doneMs);
            QVERIFY(r.doneMs <= run.passes[r.pass].seconds * 1e3 + 5);
            if (r.outcome == RequestOutcome::NotFound)
                ++missing;
            else
                QVERIFY(r.outcome == RequestOutcome::Ok && r.bytes > 0);
        }
        QCOMPARE(missing, 2 * kGridMissing);
    }
};

QTEST_MAIN(TestTiming)
#include "tst_timing.moc"
