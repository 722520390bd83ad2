// The Timing tab as a newcomer reads it (issue 16), against the project's HTTP server on
// loopback with a simulated latency: the selection described in words, a pass's progress with
// the time left, the waterfall's passes side by side (own or shared time axis) and legends
// outside the data, the log-log sweep with its ideal curve, the figures' captions and the
// sentence computed from a real run, each array's results kept while the store is open, and the
// advisor never suggesting the chunking an array already has. Fixtures by Debian's zarr-python.

#include "MainWindow.h"
#include "QCustomPlotInclude.h"
#include "ServerThread.h"
#include "UiFixtures.h"
#include "hierarchy/Hierarchy.h"
#include "store/LocalStore.h"
#include "timing/AdvisorView.h"
#include "timing/TimingPanel.h"
#include "timing/TimingTableModel.h"
#include "timing/TimingText.h"
#include "util/ShapeText.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QRegularExpression>
#include <QTableWidget>
#include <cmath>

using namespace zs;

namespace {

constexpr int kLatencyMs = 10;

QStringList legendNames(QCustomPlot *plot)
{
    QStringList names;
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

} // namespace

class TestTimingNewcomer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerThread> m_server;

    QString localLocation() { return m_dir.filePath(QStringLiteral("bench.zarr")); }
    QString httpLocation() { return m_server->url().toString() + QStringLiteral("bench.zarr"); }

    NodeMetadata node(const QString &path)
    {
        LocalStore local(localLocation());
        return test::nodeAt(local, path);
    }

    bool runPanel(TimingPanel &panel, const QString &path, bool sweep, int concurrency)
    {
        panel.setArray(httpLocation(), node(path));
        panel.setConcurrency(concurrency);
        QSignalSpy finished(&panel, &TimingPanel::runFinished);
        if (!(sweep ? panel.startSweep() : panel.startRun())) return false;
        return QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QStringLiteral(R"PY(
root = zarr.open_group('bench.zarr', mode='w')
a = root.create_dataset('grid', shape=(8, 8), chunks=(2, 2), dtype='i4')
a[:] = np.arange(64, dtype='i4').reshape(8, 8) + 1
b = root.create_dataset('long', shape=(64,), chunks=(1,), dtype='i4')
b[:] = np.arange(64) + 1
c = root.create_dataset('fits', shape=(8, 8), chunks=(8, 8), dtype='i4')
c[:] = 1
)PY")));
        m_server = std::make_unique<server::ServerThread>(m_dir.path());
        QVERIFY(m_server->start() != 0);
    }

    void init() { m_server->server()->setLatencyMs(kLatencyMs); }

    void selectionNote_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fromView");
        QTest::addColumn<QString>("note");
        QTest::addRow("default") << "" << false << "all 16 chunks";
        QTest::addRow("typed-whole") << "0:8,0:8" << false << "all 16 chunks";
        QTest::addRow("typed-part") << "0:4,0:4" << false << "4 chunks";
        QTest::addRow("view-part") << "0:4,0:3" << true << "the visible region (4 chunks)";
        QTest::addRow("view-row") << "3,0:8" << true << "the visible region (4 chunks)";
        QTest::addRow("view-whole") << "0:8,0:8" << true << "all 16 chunks";
        QTest::addRow("one-chunk") << "1,1" << false << "1 chunk";
        QTest::addRow("invalid") << "0:4,zz" << false << "not a selection";
    }

    void selectionNote()
    {
        QFETCH(QString, text);
        QFETCH(bool, fromView);
        QFETCH(QString, note);
        TimingPanel panel;
        const NodeMetadata grid = node(QStringLiteral("grid"));
        panel.setArray(httpLocation(), grid);
        QCOMPARE(panel.selectionNote(), QStringLiteral("all 16 chunks"));
        if (fromView) {
            auto view = parseSelection(text, grid.array->shape);
            QVERIFY(view);
            panel.setViewSelection(*view);
        } else {
            panel.setSelectionText(text);
        }
        QVERIFY2(panel.selectionNote().startsWith(note), qPrintable(panel.selectionNote()));
        // Typing over the view's region is no longer "the visible region".
        if (fromView && note.startsWith(QStringLiteral("the visible"))) {
            panel.setSelectionText(QStringLiteral("0:2,0:2"));
            QCOMPARE(panel.selectionNote(), QStringLiteral("1 chunk"));
        }
    }

    void progress()
    {
        QCOMPARE(estimatedRemainingSeconds(16, 64, qint64(1.6e9)), 4.8);
        QCOMPARE(estimatedRemainingSeconds(0, 64, 0), 0.0);
        TimingPanel panel;
        panel.setArray(httpLocation(), node(QStringLiteral("long")));
        panel.setConcurrency(8);
        QSignalSpy finished(&panel, &TimingPanel::runFinished);
        QVERIFY(panel.startRun());
        const QRegularExpression re(QStringLiteral("^Pass 1 of 2, sequential: (\\d+) of 64 requests, "
                                                   "([0-9.]+) s elapsed, about ([0-9.]+) s remaining\\.$"));
        QTRY_VERIFY_WITH_TIMEOUT(re.match(panel.statusText()).hasMatch(), 10000);
        const auto first = re.match(panel.statusText());
        const int done = first.captured(1).toInt();
        const double elapsed = first.captured(2).toDouble();
        const double remaining = first.captured(3).toDouble();
        QVERIFY(done >= 1 && done < 64);
        QCOMPARE(quint64(done), quint64(panel.run().passes[0].chunkDoneMs.size()));
        // The mean time per request so far times the requests left (rounded to 0.1 s).
        const double perRequest = panel.run().passes[0].chunkDoneMs.back() / 1e3 / done;
        QVERIFY2(qAbs(remaining - perRequest * (64 - done)) <= 0.051,
                 qPrintable(QStringLiteral("%1 %2").arg(remaining).arg(perRequest)));
        QVERIFY(qAbs(elapsed - perRequest * done) <= 0.051);
        // Live: the count moves on while the pass runs.
        QTRY_VERIFY_WITH_TIMEOUT(re.match(panel.statusText()).captured(1).toInt() >= done + 5, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(panel.statusText().startsWith(QStringLiteral("Done")));
    }

    void waterfallPerPass()
    {
        TimingPanel panel;
        QVERIFY(runPanel(panel, QStringLiteral("grid"), false, 8));
        QCustomPlot *plot = panel.waterfallPlot();
        const QList<QCPAxisRect *> rects = plot->axisRects();
        QCOMPARE(rects.size(), 2);
        QCPAxis *seqX = rects[0]->axis(QCPAxis::atBottom);
        QCPAxis *concX = rects[1]->axis(QCPAxis::atBottom);
        QVERIFY2(seqX->label().startsWith(QStringLiteral("sequential #1")), qPrintable(seqX->label()));
        QVERIFY2(concX->label().startsWith(QStringLiteral("concurrent 8 #1")), qPrintable(concX->label()));
        QCOMPARE(rects[0]->axis(QCPAxis::atLeft)->label(), QStringLiteral("request (16)"));
        // Each on its own time axis: the concurrent pass spans its own rect, not a sliver.
        const double seqMs = panel.run().passes[0].seconds * 1e3;
        const double concMs = panel.run().passes[1].seconds * 1e3;
        QVERIFY(qAbs(seqX->range().upper - seqMs * 1.02) < seqMs * 0.05);
        QVERIFY(qAbs(concX->range().upper - concMs * 1.02) < concMs * 0.05);
        QVERIFY(concX->range().upper < seqX->range().upper * 0.8);
        for (QCPAxisRect *rect : rects)
            QVERIFY(!rect->plottables().isEmpty());
        // The legend in its own column of the plot's layout, once per kind of bar.
        QCOMPARE(plot->legend->layout(), static_cast<QCPLayout *>(plot->plotLayout()));
        const QStringList names = legendNames(plot);
        QCOMPARE(names.count(QStringLiteral("sequential: body")), 1);
        QCOMPARE(names.count(QStringLiteral("concurrent: body")), 1);
        QCOMPARE(names.count(QStringLiteral("queued")), 1);
        // Shared: both rects on the longest pass's range; and back.
        panel.sharedTimeAxisBox()->setChecked(true);
        const QList<QCPAxisRect *> shared = plot->axisRects();
        QCOMPARE(shared.size(), 2);
        QCOMPARE(shared[1]->axis(QCPAxis::atBottom)->range().upper,
                 shared[0]->axis(QCPAxis::atBottom)->range().upper);
        QCOMPARE(shared[1]->axis(QCPAxis::atBottom)->range().lower, 0.0);
        QVERIFY(qAbs(shared[0]->axis(QCPAxis::atBottom)->range().upper - seqMs * 1.02) < seqMs * 0.05);
        panel.sharedTimeAxisBox()->setChecked(false);
        // (Redrawn: the rects and axes above are gone, compare with the numbers.)
        QVERIFY(plot->axisRects()[1]->axis(QCPAxis::atBottom)->range().upper < seqMs * 1.02 * 0.8);
    }

    void sweepLogLog()
    {
        TimingPanel panel;
        QVERIFY(runPanel(panel, QStringLiteral("grid"), true, 8));
        QCustomPlot *plot = panel.sweepPlot();
        QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot->graphCount(), 2);
        QCOMPARE(plot->graph(0)->name(), QStringLiteral("measured"));
        QVERIFY(plot->graph(1)->name().startsWith(QStringLiteral("ideal")));
        QCOMPARE(plot->graph(1)->dataCount(), 4);
        QVERIFY(legendNames(plot).contains(plot->graph(1)->name()));
        QCOMPARE(plot->legend->layout(), static_cast<QCPLayout *>(plot->plotLayout()));
        QCOMPARE(panel.completionPlot()->legend->layout(),
                 static_cast<QCPLayout *>(panel.completionPlot()->plotLayout()));
        // Every point inside the log axis's range (none at or below 0).
        for (int g = 0; g < 2; ++g)
            for (auto it = plot->graph(g)->data()->begin(); it != plot->graph(g)->data()->end(); ++it)
                QVERIFY(plot->yAxis->range().contains(it->value));
    }

    void captionsAndFinding()
    {
        TimingPanel panel;
        QVERIFY(panel.findingText().isEmpty());
        QVERIFY(runPanel(panel, QStringLiteral("grid"), false, 8));
        for (QWidget *figure :
             {static_cast<QWidget *>(panel.completionPlot()), static_cast<QWidget *>(panel.waterfallPlot()),
              static_cast<QWidget *>(panel.sweepPlot())}) {
            QVERIFY(!panel.captionOf(figure).isEmpty());
            QCOMPARE(figure->toolTip(), panel.captionOf(figure));
        }
        QVERIFY(panel.captionOf(panel.sweepPlot()).contains(QStringLiteral("1/N")));
        TimingTableModel *model = panel.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int column :
             {int(TimingTableModel::LatencyP50Column), int(TimingTableModel::LatencyP95Column),
              int(TimingTableModel::MaxInFlightColumn), int(TimingTableModel::ConnectionsColumn)})
            QVERIFY(!model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(model->headerData(TimingTableModel::LatencyP50Column, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("half")));
        // The sentence, from the run's own numbers.
        QCOMPARE(model->rowCount(), 2);
        const ModeSummary seq = model->summaries()[0];
        const ModeSummary conc = model->summaries()[1];
        QVERIFY(seq.latencyP50Ms >= kLatencyMs * 0.9);
        const long long waited = std::llround(conc.wallSeconds * 1e3 / seq.latencyP50Ms);
        QVERIFY2(waited >= 2 && waited < 16, qPrintable(QString::number(waited))); // two rounds of 8
        const QString want =
            QStringLiteral("Reading 16 chunks one at a time waited 16 round trips of ~%1 ms; "
                           "8 at a time waited about %2.")
                .arg(seq.latencyP50Ms, 0, 'f', seq.latencyP50Ms < 10 ? 1 : 0)
                .arg(waited);
        QCOMPARE(panel.findingText(), want);
    }

    void resultsPerArray()
    {
        TimingPanel panel;
        QVERIFY(runPanel(panel, QStringLiteral("grid"), false, 8));
        const TimingRun gridRun = panel.run();
        const QString finding = panel.findingText();
        QVERIFY(!finding.isEmpty());
        panel.setArray(httpLocation(), node(QStringLiteral("long")));
        QVERIFY(panel.run().passes.empty());
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY(panel.findingText().isEmpty());
        panel.setArray(httpLocation(), node(QStringLiteral("grid")));
        QVERIFY(panel.run().passes == gridRun.passes);
        QVERIFY(panel.run().rows == gridRun.rows);
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.findingText(), finding);
        QCOMPARE(panel.waterfallPlot()->axisRects().size(), 2);
        QVERIFY(panel.statusText().contains(QStringLiteral("last run")));
        // Another store: nothing kept from this one.
        panel.setArray(localLocation(), node(QStringLiteral("grid")));
        QVERIFY(panel.run().passes.empty());
        QVERIFY(!panel.hasKeptResult(QStringLiteral("grid")));
    }

    void resultsPerArrayInMainWindow()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(localLocation(), QStringLiteral("grid"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        TimingPanel *panel = window.timingPanel();
        // The Data tab's view of the whole 8x8 array, in words.
        QTRY_COMPARE_WITH_TIMEOUT(panel->selectionNote(), QStringLiteral("all 16 chunks"), 5000);
        QSignalSpy finished(panel, &TimingPanel::runFinished);
        QVERIFY(panel->startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const TimingRun gridRun = panel->run();
        window.selectPath(QStringLiteral("long"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->run().passes.empty(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->selectionNote(), QStringLiteral("all 64 chunks"), 5000);
        window.selectPath(QStringLiteral("grid"));
        QTRY_COMPARE_WITH_TIMEOUT(panel->run().passes.size(), std::size_t(2), 5000);
        QVERIFY(panel->run().rows == gridRun.rows);
        // The store opened again: a fresh start.
        window.openLocation(localLocation(), QStringLiteral("grid"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 10000);
        QVERIFY(!panel->hasKeptResult(QStringLiteral("grid")));
    }

    void advisorNeverSuggestsCurrent_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("fits");
        QTest::addRow("grid-2x2") << "grid" << false; // suggests the whole 8x8 in one chunk
        QTest::addRow("fits-8x8") << "fits" << true;  // already that
    }

    void advisorNeverSuggestsCurrent()
    {
        QFETCH(QString, path);
        QFETCH(bool, fits);
        TimingPanel panel;
        QVERIFY(runPanel(panel, path, false, 4));
        AdvisorView *advisor = panel.advisor();
        QCOMPARE(advisor->alreadyFits(), fits);
        const QString current = shapeText(advisor->advice().current);
        const QString suggested = advisor->table()->item(0, 1)->text();
        QCOMPARE(advisor->table()->item(0, 0)->text(), current);
        QVERIFY2(suggested != current, qPrintable(suggested));
        QCOMPARE(advisor->exportButton()->isEnabled(), !fits);
        QCOMPARE(advisor->summaryText().contains(QStringLiteral("already suits")), fits);
        if (!fits) QCOMPARE(suggested, QStringLiteral("(8, 8)"));
    }
};

QTEST_MAIN(TestTimingNewcomer)
#include "tst_timing_newcomer.moc"
