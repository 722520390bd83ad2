// The Data tab's Table mode (issue 16) on stores zarr-python writes at test time: the model
// passes QAbstractItemModelTester, its cells equal NumPy's values (transposed and N-D slices
// too, cells not loaded show "…"), headers show the coordinate values (dates for time) of an
// xarray-style store, a 100000 x 100000 array scrolls to its far corner reading a bounded number
// of blocks and chunks, Ctrl+C copies a selection as TSV and Export writes the slice as CSV (no
// file half-written when cancelled). Expected values come from the same Python run (expected.json).

#include "HierarchyLoader.h"
#include "QCustomPlotInclude.h"
#include "SliceCsvExport.h"
#include "SliceTable.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "store/StoreFactory.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QTableView>
#include <nlohmann/json.hpp>

using namespace zs;
using json = nlohmann::json;

namespace {

// NumPy's value (null for NaN in the JSON) against the table's.
bool sameValue(double got, const json &want)
{
    if (want.is_null()) return std::isnan(got);
    return got == want.get<double>();
}

// A cell's text against NumPy's value: float32 values read back as float32.
bool sameText(const QString &text, const json &want, bool single)
{
    if (want.is_null()) return text == u"NaN";
    return single ? text.toFloat() == float(want.get<double>()) : text.toDouble() == want.get<double>();
}

} // namespace

class TestSliceTable : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    std::shared_ptr<const HierarchyEntries> m_entries;
    json m_expected;

    NodeMetadata node(const QString &path) { return test::discoveredNode(*m_entries, path); }

    bool show(SliceView &view, const QString &path, std::shared_ptr<ChunkCache> cache = nullptr)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        QSignalSpy coordinates(&view, &SliceView::coordinatesReady);
        view.setArray(m_store, node(path), std::move(cache), cf::entriesLookup(m_entries));
        if (finished.count() == 0 && !finished.wait(20000)) return false;
        return view.coordinatesLoaded() || coordinates.count() > 0 || coordinates.wait(10000);
    }

    // Asks for the cell (as a view would) and waits for its block.
    static bool load(SliceTableModel *m, int row, int column)
    {
        if (m->valueAt(row, column)) return true;
        QElapsedTimer t;
        t.start();
        while (!m->isLoaded(row, column) && t.elapsed() < 10000)
            QTest::qWait(5);
        return m->valueAt(row, column).has_value();
    }

    static QStringList readLines(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) return {};
        QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
        if (!lines.isEmpty() && lines.back().isEmpty()) lines.removeLast();
        return lines;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QStringLiteral(R"PY(
import json
rng = np.random.default_rng(17)
root = zarr.open_group('t.zarr', mode='w')
g = (rng.random((70, 150)) * 1000 - 500).astype('f4')
g[5, 7] = np.nan
root.create_dataset('grid', data=g, chunks=(16, 32))
cube = rng.random((3, 20, 30))
root.create_dataset('cube', data=cube, chunks=(1, 8, 8))
# fill_value None: zarr-python's default 0 would mask the first time and depth, as xarray does
t = root.create_dataset('time', data=np.arange(10, dtype='i8') * 3, chunks=(10,), fill_value=None)
t.attrs.update({'_ARRAY_DIMENSIONS': ['time'], 'units': 'days since 2000-01-01', 'calendar': 'standard'})
depth = np.array([0.0, 5.5, 10.0, 20.0, 35.0, 50.0, 75.0, 100.0, 150.0, 200.0, 300.0, 500.0])
d = root.create_dataset('depth', data=depth, chunks=(12,), fill_value=None)
d.attrs.update({'_ARRAY_DIMENSIONS': ['depth'], 'units': 'm'})
temp = root.create_dataset('temp', data=rng.random((10, 12)), chunks=(5, 6))
temp.attrs.update({'_ARRAY_DIMENSIONS': ['time', 'depth'], 'units': 'degC'})
big = root.create_dataset('big', shape=(100000, 100000), chunks=(100, 100), dtype='f4', fill_value=-9999.0)
corner = (rng.random((100, 100)) * 100).astype('f4')
big[99900:, 99900:] = corner
big[:100, :100] = corner[::-1]
back = zarr.open_group('t.zarr', mode='r')
def rows(a):
    return [[None if np.isnan(v) else float(v) for v in r] for r in np.asarray(a)]
dates = [str(np.datetime64('2000-01-01') + np.timedelta64(int(v), 'D')) for v in back['time'][:]]
json.dump({'grid': rows(back['grid'][...]), 'cube2': rows(back['cube'][2]), 'temp': rows(back['temp'][...]),
           'dates': dates, 'depth': [float(v) for v in back['depth'][:]],
           'corner': rows(back['big'][99900:, 99900:]), 'fill': float(back['big'][50000, 50000]),
           'tsv': '\n'.join('\t'.join(str(v) for v in r) for r in back['grid'][10:13, 60:62])},
          open('expected.json', 'w'))
)PY")));
        QFile f(m_dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expected = json::parse(f.readAll().toStdString());
        auto store = openStore(m_dir.filePath(QStringLiteral("t.zarr")));
        QVERIFY(store.ok());
        m_store = *store;
        auto entries = HierarchyLoader::discover(*m_store);
        QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().toString()));
        m_entries = std::make_shared<const HierarchyEntries>(*entries);
    }

    void switchAndModelTester()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("grid")));
        QVERIFY(!view.showsSliceTable());
        SliceTableModel *m = view.sliceTable()->model();
        new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest, &view);
        view.setTableMode(true);
        QVERIFY(view.showsSliceTable());
        QVERIFY(!view.plot()->isVisibleTo(&view));
        QCOMPARE(m->rowCount(), 70);
        QCOMPARE(m->columnCount(), 150);
        // 70 x 150 cells are 2 x 3 blocks of 64 x 64: each read once, its dataChanged checked by the tester.
        for (int r : {0, 64})
            for (int c : {0, 64, 128})
                QVERIFY(load(m, r, c));
        QCOMPARE(m->loadedBlocks(), std::size_t(6));
        QCOMPARE(m->counters().blocksRead, std::uint64_t(6));
        QVERIFY(!m->isReading());
        view.setTableMode(false);
        QVERIFY(!view.showsSliceTable());
        QVERIFY(view.plot()->isVisibleTo(&view));
        QCOMPARE(m->rowCount(), 0);
    }

    void cellsEqualNumpy_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("transposed"); // rows along the array's second dimension
        QTest::addRow("inside one block") << 10 << 60 << false;
        QTest::addRow("across four blocks") << 62 << 126 << false;
        QTest::addRow("the NaN cell") << 4 << 6 << false;
        QTest::addRow("the last cells") << 66 << 146 << false;
        QTest::addRow("transposed") << 62 << 60 << true;
    }

    void cellsEqualNumpy()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(bool, transposed);
        SliceView view;
        QVERIFY(show(view, QStringLiteral("grid")));
        view.setTableMode(true);
        if (transposed) {
            QSignalSpy finished(&view, &SliceView::readFinished);
            view.controls()->setDisplayedDims(0, 1);
            QVERIFY(finished.count() > 0 || finished.wait(10000));
        }
        SliceTableModel *m = view.sliceTable()->model();
        QCOMPARE(m->rowCount(), transposed ? 150 : 70);
        // Not read yet: the cell says so, and asking for it queued its block.
        QCOMPARE(m->data(m->index(row, column), Qt::DisplayRole).toString(), QString(QChar(0x2026)));
        const json &grid = m_expected["grid"];
        for (int r = row; r < row + 4; ++r) {
            for (int c = column; c < column + 4; ++c) {
                QVERIFY(load(m, r, c));
                const json &want =
                    transposed ? grid[std::size_t(c)][std::size_t(r)] : grid[std::size_t(r)][std::size_t(c)];
                QVERIFY2(sameValue(*m->valueAt(r, c), want),
                         qPrintable(QStringLiteral("cell %1, %2").arg(r).arg(c)));
                const QString text = m->data(m->index(r, c), Qt::DisplayRole).toString();
                QVERIFY(sameText(text, want, true));
            }
        }
    }

    void sliderMovesTheTable()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("cube")));
        view.setTableMode(true);
        SliceTableModel *m = view.sliceTable()->model();
        QVERIFY(load(m, 3, 3));
        // Two steps at once: the first slice's reads are stale and never show.
        view.controls()->setFixedIndex(0, 1);
        QVERIFY(!m->isLoaded(3, 3));
        m->valueAt(3, 3);
        view.controls()->setFixedIndex(0, 2);
        QCOMPARE(m->slice().fixedIndex[0], std::uint64_t(2));
        const json &want = m_expected["cube2"];
        for (int r = 0; r < 20; r += 3)
            for (int c = 0; c < 30; c += 4) {
                QVERIFY(load(m, r, c));
                QVERIFY(sameValue(*m->valueAt(r, c), want[std::size_t(r)][std::size_t(c)]));
            }
    }

    void headersShowCoordinates()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("temp")));
        QVERIFY(view.decoding());
        view.setTableMode(true);
        SliceTableModel *m = view.sliceTable()->model();
        QCOMPARE(m->rowCount(), 10);
        QCOMPARE(m->columnCount(), 12);
        for (int r = 0; r < 10; ++r)
            QCOMPARE(m->headerData(r, Qt::Vertical, Qt::DisplayRole).toString(),
                     QString::fromStdString(m_expected["dates"][std::size_t(r)].get<std::string>()));
        QVERIFY(m->columnCoordinate().has_value());
        for (int c = 0; c < 12; ++c) {
            const double depth = m_expected["depth"][std::size_t(c)].get<double>();
            QCOMPARE(m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString(),
                     coordinateText(*m->columnCoordinate(), depth));
            QVERIFY(
                m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().endsWith(QStringLiteral(" m")));
        }
        // Stored values: the indices.
        view.controls()->setDecode(false);
        QCOMPARE(m->headerData(3, Qt::Vertical, Qt::DisplayRole).toString(), QStringLiteral("3"));
        QCOMPARE(m->headerData(5, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("5"));
    }

    void bigArrayScrollsBounded()
    {
        SliceView view;
        auto cache = std::make_shared<ChunkCache>();
        QVERIFY(show(view, QStringLiteral("big"), cache));
        view.setTableMode(true);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SliceTableModel *m = view.sliceTable()->model();
        QTableView *table = view.sliceTable()->view();
        QCOMPARE(m->rowCount(), 100000);
        QCOMPARE(m->columnCount(), 100000);
        table->scrollTo(m->index(99999, 99999));
        // The view paints the corner: only its blocks are read.
        QTRY_VERIFY_WITH_TIMEOUT(m->isLoaded(99999, 99999) && !m->isReading(), 10000);
        const json &corner = m_expected["corner"];
        QVERIFY(sameValue(*m->valueAt(99999, 99999), corner[99][99]));
        QVERIFY(sameValue(*m->valueAt(99990, 99995), corner[90][95]));
        QVERIFY2(m->counters().blocksRead <= 9, qPrintable(QString::number(m->counters().blocksRead)));
        QVERIFY2(m->counters().chunksTouched <= 36, qPrintable(QString::number(m->counters().chunksTouched)));
        // The middle is never written: the fill value.
        table->scrollTo(m->index(50000, 50000));
        QTRY_VERIFY_WITH_TIMEOUT(m->isLoaded(50000, 50000) && !m->isReading(), 10000);
        QCOMPARE(*m->valueAt(50000, 50000), m_expected["fill"].get<double>());
        // Scrolling on and on keeps a bounded set of blocks.
        for (int i = 0; i < 80; ++i) {
            const int at = 1000 + i * 1000;
            table->scrollTo(m->index(at, at));
            QTRY_VERIFY_WITH_TIMEOUT(m->isLoaded(at, at), 10000);
            QVERIFY(m->loadedBlocks() <= SliceTableModel::kMaxBlocks);
        }
        QVERIFY(m->counters().blocksRead >= 80);
        QVERIFY(m->counters().blocksRead <= 90 * 4);
        QVERIFY(m->loadedBlocks() <= SliceTableModel::kMaxBlocks);
        // Selecting everything is too much to copy: it says so, and reads nothing.
        const auto before = m->counters().blocksRead;
        QSignalSpy failed(view.sliceTable(), &SliceTable::copyFailed);
        table->selectAll();
        view.sliceTable()->copySelection();
        QCOMPARE(failed.count(), 1);
        QVERIFY(view.sliceTable()->status().contains(QStringLiteral("limited to")));
        QCOMPARE(m->counters().blocksRead, before);
    }

    void copySelectionAsTsv()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("grid")));
        view.setTableMode(true);
        SliceTableModel *m = view.sliceTable()->model();
        QTableView *table = view.sliceTable()->view();
        QVERIFY(!m->isLoaded(10, 60)); // copy reads what is not loaded
        table->selectionModel()->select(QItemSelection(m->index(10, 60), m->index(12, 61)),
                                        QItemSelectionModel::Select);
        QSignalSpy copied(view.sliceTable(), &SliceTable::copied);
        view.sliceTable()->copySelection();
        QVERIFY(copied.wait(10000));
        const QString want = QString::fromStdString(m_expected["tsv"].get<std::string>());
        QCOMPARE(copied.first().first().toString(), want);
        QCOMPARE(QApplication::clipboard()->text(), want);
        QCOMPARE(want.count(u'\n'), 2);
        QCOMPARE(want.count(u'\t'), 3);
    }

    void exportCsv_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<quint64>("stripCells");
        QTest::addRow("grid in strips of 1000 cells") << "grid" << quint64(1000);
        QTest::addRow("grid in one strip") << "grid" << quint64(SliceCsvExport::kDefaultStripCells);
        QTest::addRow("dates and depths as headers") << "temp" << quint64(30);
    }

    void exportCsv()
    {
        QFETCH(QString, path);
        QFETCH(quint64, stripCells);
        SliceView view;
        QVERIFY(show(view, path));
        view.setTableMode(true);
        view.sliceTable()->exporter()->setStripCells(stripCells);
        const QString file = m_dir.filePath(path + QStringLiteral(".csv"));
        QSignalSpy done(view.sliceTable(), &SliceTable::exportFinished);
        QVERIFY(view.sliceTable()->exportCsv(file));
        QVERIFY(done.wait(20000));
        QVERIFY2(done.first().first().toBool(), qPrintable(done.first().last().toString()));
        const QStringList lines = readLines(file);
        const json &want = m_expected[path.toStdString()];
        QCOMPARE(lines.size(), int(want.size()) + 1);
        const QStringList header = lines.front().split(u',');
        QCOMPARE(header.size(), int(want.front().size()) + 1);
        for (std::size_t r = 0; r < want.size(); ++r) {
            const QStringList cells = lines[int(r) + 1].split(u',');
            QCOMPARE(cells.size(), header.size());
            if (path == u"temp")
                QCOMPARE(cells.front(), QString::fromStdString(m_expected["dates"][r].get<std::string>()));
            else
                QCOMPARE(cells.front(), QString::number(r));
            for (std::size_t c = 0; c < want[r].size(); ++c)
                QVERIFY2(sameText(cells[int(c) + 1], want[r][c], path == u"grid"),
                         qPrintable(QStringLiteral("%1, %2: %3").arg(r).arg(c).arg(cells[int(c) + 1])));
        }
        for (std::size_t c = 0; c < want.front().size(); ++c) {
            const double column = path == u"temp" ? m_expected["depth"][c].get<double>() : double(c);
            QCOMPARE(header[int(c) + 1].toDouble(), column);
        }
    }

    void cancelledExportLeavesFileAlone()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("grid")));
        view.setTableMode(true);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("old.csv"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old\n");
        }
        view.sliceTable()->exporter()->setStripCells(100);
        QVERIFY(view.sliceTable()->exportCsv(file));
        view.sliceTable()->exporter()->cancel();
        QTest::qWait(200);
        QCOMPARE(readLines(file), QStringList{QStringLiteral("old")});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("old.csv")});
        // A folder that is not there: an error, no file.
        QSignalSpy done(view.sliceTable(), &SliceTable::exportFinished);
        QVERIFY(!view.sliceTable()->exportCsv(dir.filePath(QStringLiteral("missing/x.csv"))));
        QCOMPARE(done.count(), 1);
        QVERIFY(!done.first().first().toBool());
    }
};

QTEST_MAIN(TestSliceTable)
#include "tst_slice_table.moc"
