// The Statistics panel (issue 16) on stores zarr-python writes at test time: the statistics of the
// displayed slice equal NumPy's nanmin/nanmax/nanmean/nanstd/nanpercentile and NaN count of the
// same slice (decoded by xarray for a packed array, raw with "Decode (CF)" off), the histogram
// equals numpy.histogram's and its counts sum to the finite count, dragging on the histogram sets
// the manual colour range, the empty state, and the dock in MainWindow. Expected values are
// computed by NumPy in the same Python run (expected.json).

#include "HierarchyLoader.h"
#include "HistogramPlot.h"
#include "MainWindow.h"
#include "QCustomPlotInclude.h"
#include "SliceView.h"
#include "StatisticsModel.h"
#include "StatisticsPanel.h"
#include "UiFixtures.h"
#include "store/StoreFactory.h"

#include <QAbstractItemModelTester>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <nlohmann/json.hpp>
#include <numeric>

using namespace zs;
using json = nlohmann::json;

namespace {

bool close(double got, double want, double tolerance = 1e-9)
{
    return std::abs(got - want) <= tolerance * std::max(1.0, std::abs(want));
}

} // namespace

class TestSliceStatistics : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    std::shared_ptr<const HierarchyEntries> m_entries;
    json m_expected;

    NodeMetadata node(const QString &path) { return test::discoveredNode(*m_entries, path); }

    // Shows `path` and waits for its read and the statistics of what it shows.
    bool show(SliceView &view, StatisticsPanel &panel, const QString &path)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.setArray(m_store, node(path), nullptr, cf::entriesLookup(m_entries));
        if (finished.count() == 0 && !finished.wait(10000)) return false;
        return settle(panel);
    }

    static bool settle(StatisticsPanel &panel)
    {
        QElapsedTimer t;
        t.start();
        while (panel.isUpdating() && t.elapsed() < 10000)
            QTest::qWait(10);
        return !panel.isUpdating();
    }

    // Moves a slider and waits for the read and the statistics.
    static bool step(SliceView &view, StatisticsPanel &panel, int dim, std::uint64_t index)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.controls()->setFixedIndex(dim, index);
        if (finished.count() == 0 && !finished.wait(10000)) return false;
        return settle(panel);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_slice_statistics"));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QStringLiteral(R"PY(
import json, numcodecs
try:
    import xarray as xr
except ImportError as e:
    raise SystemExit('needs xarray (apt install python3-xarray python3-pandas): %s' % e)
rng = np.random.default_rng(16)
root = zarr.open_group('st.zarr', mode='w')
a = rng.normal(10.0, 3.0, (3, 30, 40))
a[0, :5, :] = np.nan
a[1, 3, 4] = np.nan
a[1, 20:, 30:] = np.nan
f = root.create_dataset('field', data=a, chunks=(1, 16, 16))
f.attrs['_ARRAY_DIMENSIONS'] = ['time', 'y', 'x']
raw = rng.integers(-2000, 2000, (30, 40)).astype('i2')
raw[:4, :] = -32768
cf = root.create_group('cf')
p = cf.create_dataset('packed', data=raw, chunks=(10, 10), fill_value=-32768)
p.attrs.update({'_ARRAY_DIMENSIONS': ['y', 'x'], 'scale_factor': 0.01, 'add_offset': 20.0, 'units': 'degC'})
root.create_dataset('big', shape=(6000, 8000), chunks=(1000, 1000), dtype='f4', fill_value=1.5)
root.create_dataset('names', data=np.array(['a', 'b'], dtype=object), dtype=object,
                    object_codec=numcodecs.VLenUTF8())
def stats(v):
    v = np.asarray(v, dtype='f8')
    fin = v[np.isfinite(v)]
    counts, edges = np.histogram(fin, bins=64, range=(fin.min(), fin.max()))
    return {'count': int(np.count_nonzero(~np.isnan(v))), 'missing': int(np.isnan(v).sum()),
            'min': float(np.nanmin(v)), 'max': float(np.nanmax(v)), 'mean': float(np.nanmean(v)),
            'std': float(np.nanstd(v)), 'p2': float(np.nanpercentile(v, 2)),
            'p98': float(np.nanpercentile(v, 98)), 'hist': counts.tolist(), 'finite': int(fin.size),
            'lower': float(edges[0]), 'upper': float(edges[-1])}
back = zarr.open_group('st.zarr', mode='r')
decoded = xr.open_zarr('st.zarr', group='cf', consolidated=False)['packed'].values
json.dump({'field0': stats(back['field'][0]), 'field1': stats(back['field'][1]),
           'packed_decoded': stats(decoded), 'packed_raw': stats(back['cf/packed'][...])},
          open('expected.json', 'w'))
)PY")));
        QFile f(m_dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expected = json::parse(f.readAll().toStdString());
        auto store = openStore(m_dir.filePath(QStringLiteral("st.zarr")));
        QVERIFY(store.ok());
        m_store = *store;
        auto entries = HierarchyLoader::discover(*m_store);
        QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().toString()));
        m_entries = std::make_shared<const HierarchyEntries>(*entries);
    }

    void statisticsEqualNumpy_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("time");    // the slider's position, -1 for a 2-D array
        QTest::addColumn<bool>("decode"); // "Decode (CF)"
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("units");
        QTest::addRow("first time step, NaN rows") << "field" << 0 << true << "field0"
                                                   << "";
        QTest::addRow("second time step, NaN block") << "field" << 1 << true << "field1"
                                                     << "";
        QTest::addRow("packed, decoded and masked") << "cf/packed" << -1 << true << "packed_decoded"
                                                    << " degC";
        QTest::addRow("packed, stored values") << "cf/packed" << -1 << false << "packed_raw"
                                               << "";
    }

    void statisticsEqualNumpy()
    {
        QFETCH(QString, path);
        QFETCH(int, time);
        QFETCH(bool, decode);
        QFETCH(QString, expected);
        QFETCH(QString, units);
        SliceView view;
        StatisticsPanel panel;
        new QAbstractItemModelTester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &panel);
        panel.setView(&view);
        QVERIFY(show(view, panel, path));
        if (time > 0) QVERIFY(step(view, panel, 0, std::uint64_t(time)));
        if (!decode) {
            view.controls()->setDecode(false);
            QVERIFY(settle(panel));
        }
        QCOMPARE(view.values().size(), std::size_t(30 * 40)); // the whole slice is what is shown
        QVERIFY(!panel.showsEmptyState());
        const json &want = m_expected[expected.toStdString()];
        const StatisticsModel *m = panel.model();
        QCOMPARE(m->rowCount(), int(StatisticsModel::RowCount));
        const auto shown = [m](int row) {
            return m->data(m->index(row, StatisticsModel::ValueColumn), Qt::UserRole).toDouble();
        };
        QCOMPARE(shown(StatisticsModel::CountRow), want["count"].get<double>());
        QCOMPARE(shown(StatisticsModel::MissingRow), want["missing"].get<double>());
        const std::pair<int, const char *> rows[] = {
            {StatisticsModel::MinRow, "min"},   {StatisticsModel::MaxRow, "max"},
            {StatisticsModel::MeanRow, "mean"}, {StatisticsModel::StdRow, "std"},
            {StatisticsModel::P2Row, "p2"},     {StatisticsModel::P98Row, "p98"}};
        for (const auto &[row, key] : rows)
            QVERIFY2(close(shown(row), want[key].get<double>()),
                     qPrintable(QStringLiteral("%1: %2, numpy %3")
                                    .arg(key)
                                    .arg(shown(row), 0, 'g', 17)
                                    .arg(want[key].get<double>(), 0, 'g', 17)));
        QVERIFY(m->data(m->index(StatisticsModel::MeanRow, StatisticsModel::ValueColumn), Qt::DisplayRole)
                    .toString()
                    .endsWith(units));
        if (units.isEmpty()) QVERIFY(!m->valueText(StatisticsModel::MeanRow).contains(u' '));
        // The histogram: numpy's bins, every finite value in one.
        const Histogram &h = m->statistics().histogram;
        QCOMPARE(h.counts, want["hist"].get<std::vector<std::uint64_t>>());
        QCOMPARE(std::accumulate(h.counts.begin(), h.counts.end(), std::uint64_t(0)),
                 want["finite"].get<std::uint64_t>());
        QVERIFY(close(h.lower, want["lower"].get<double>()));
        QVERIFY(close(h.upper, want["upper"].get<double>()));
        QCOMPARE(panel.histogram()->bars()->data()->size(), int(h.counts.size()));
    }

    void histogramDragSetsManualRange()
    {
        SliceView view;
        StatisticsPanel panel;
        panel.setView(&view);
        panel.resize(420, 720);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(show(view, panel, QStringLiteral("field")));
        QVERIFY(step(view, panel, 0, 1));
        const json &want = m_expected["field1"];
        const double lo = want["min"].get<double>(), hi = want["max"].get<double>();
        const double from = lo + 0.3 * (hi - lo), to = lo + 0.7 * (hi - lo);
        const double bin = (hi - lo) / kHistogramBins;
        QCustomPlot *plot = panel.histogram()->plot();
        plot->replot();
        const int y = plot->axisRect()->rect().center().y();
        const QPoint start(int(std::lround(plot->xAxis->coordToPixel(from))), y);
        const QPoint end(int(std::lround(plot->xAxis->coordToPixel(to))), y);
        QVERIFY(view.controls()->autoRange());
        QTest::mousePress(plot, Qt::LeftButton, {}, start);
        QTest::mouseMove(plot, end);
        // While dragging: the band shades the interval, the colours are not touched yet.
        QVERIFY(panel.histogram()->isDragging());
        QCPItemRect *band = panel.histogram()->band();
        QVERIFY(band->visible());
        QVERIFY(std::abs(band->topLeft->coords().x() - from) < bin);
        QVERIFY(std::abs(band->bottomRight->coords().x() - to) < bin);
        QVERIFY(view.controls()->autoRange());
        QTest::mouseRelease(plot, Qt::LeftButton, {}, end);
        QVERIFY(!band->visible());
        QVERIFY(!view.controls()->autoRange());
        QVERIFY2(std::abs(view.controls()->manualMin() - from) < bin,
                 qPrintable(QString::number(view.controls()->manualMin())));
        QVERIFY2(std::abs(view.controls()->manualMax() - to) < bin,
                 qPrintable(QString::number(view.controls()->manualMax())));
        // The image is coloured over that range.
        QVERIFY(std::abs(view.colorMap()->dataRange().lower - view.controls()->manualMin()) < 1e-9);
        QVERIFY(std::abs(view.colorMap()->dataRange().upper - view.controls()->manualMax()) < 1e-9);
    }

    // A large array's view reads every k-th value: the panel says its numbers are of that sample,
    // with the steps the view read; a slice shown whole says nothing.
    void sampledViewSaysSo()
    {
        SliceView view;
        StatisticsPanel panel;
        panel.setView(&view);
        QVERIFY(show(view, panel, QStringLiteral("big")));
        const Selection &shown = view.shownSelection();
        QVERIFY(shown.dims.size() == 2 && shown.dims[0].step > 1 && shown.dims[1].step > 1);
        const QString note = panel.samplingNote();
        QVERIFY2(note.contains(QStringLiteral("in steps of %1").arg(shown.dims[0].step)), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("in steps of %1").arg(shown.dims[1].step)), qPrintable(note));
        QCOMPARE(panel.model()->statistics().count, shown.elementCount()); // of the sample, as said
        QVERIFY(show(view, panel, QStringLiteral("field")));
        QCOMPARE(panel.samplingNote(), QString());
    }

    void emptyStateWithoutNumericSlice()
    {
        SliceView view;
        StatisticsPanel panel;
        new QAbstractItemModelTester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &panel);
        panel.setView(&view);
        QVERIFY(panel.showsEmptyState());
        QCOMPARE(panel.emptyText(), QStringLiteral("No slice shown"));
        QVERIFY(show(view, panel, QStringLiteral("field")));
        QVERIFY(!panel.showsEmptyState());
        QCOMPARE(panel.model()->rowCount(), int(StatisticsModel::RowCount));
        // A string array has no statistics; nor has a cleared view.
        QVERIFY(show(view, panel, QStringLiteral("names")));
        QVERIFY(panel.showsEmptyState());
        QCOMPARE(panel.model()->rowCount(), 0);
        QCOMPARE(panel.histogram()->bars()->data()->size(), 0);
        QVERIFY(show(view, panel, QStringLiteral("field")));
        QVERIFY(!panel.showsEmptyState());
        view.clear();
        QVERIFY(panel.showsEmptyState());
        QCOMPARE(panel.model()->rowCount(), 0);
    }

    void dockInMainWindow()
    {
        MainWindow window;
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("statisticsDock"));
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), QStringLiteral("Statistics"));
        QCOMPARE(dock->widget(), window.statisticsPanel());
        bool inViewMenu = false;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->text() == QStringLiteral("&View") &&
                menu->menu()->actions().contains(dock->toggleViewAction()))
                inViewMenu = true;
        QVERIFY(inViewMenu);
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(m_dir.filePath(QStringLiteral("st.zarr")));
        QVERIFY(loaded.wait(10000));
        QSignalSpy finished(window.sliceView(), &SliceView::readFinished);
        window.selectPath(QStringLiteral("field"));
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QVERIFY(settle(*window.statisticsPanel()));
        QCOMPARE(window.statisticsPanel()->model()->statistics().count,
                 m_expected["field0"]["count"].get<std::uint64_t>());
        // Every statistic in sight in the dock as the window opens it: no row scrolled away.
        window.resize(1360, 860); // the screenshots' size
        window.show();
        dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QTableView *table = window.statisticsPanel()->table();
        QTRY_VERIFY(table->isVisible());
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QVERIFY2(table->viewport()->rect().contains(table->visualRect(table->model()->index(row, 1))),
                     qPrintable(table->model()->index(row, 0).data().toString()));
    }
};

QTEST_MAIN(TestSliceStatistics)
#include "tst_slice_statistics.moc"
