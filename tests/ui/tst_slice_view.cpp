// SliceView on arrays written by zarr-python, checked through the viewer's data (the colour
// map's cells, the line graph's points), plus strided overviews, zoom refetch, cancel and errors.

#include "HierarchyLoader.h"
#include "QCustomPlotInclude.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

using namespace zs;

class TestSliceView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;

    NodeMetadata node(const QString &path) { return test::nodeAt(*m_store, path); }

    // Shows `path` and waits for the read to end; false if it failed or timed out.
    bool show(SliceView &view, const QString &path)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.setArray(m_store, node(path));
        return finished.count() > 0 || finished.wait(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore) + QStringLiteral(R"PY(
big = zarr.open_array('tree.zarr/big', mode='w', shape=(20000, 30000), chunks=(1000, 1000), dtype='u1', fill_value=3)
many = zarr.open_array('tree.zarr/many', mode='w', shape=(512, 512), chunks=(8, 8), dtype='f4', fill_value=0)
many[:] = 1.5
bad = zarr.open_array('tree.zarr/bad', mode='w', shape=(8, 8), chunks=(4, 4), dtype='f4', compressor=zarr.Blosc())
bad[:] = 1
open('tree.zarr/bad/1.1', 'wb').write(b'this is not a blosc frame at all')
)PY")));
        auto store = openStore(m_dir.filePath(QStringLiteral("tree.zarr")));
        QVERIFY(store.ok());
        m_store = *store;
    }

    void imageCellsAreTheArray()
    {
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, QStringLiteral("climate/temperature"))); // 2 x 6 x 8, arange
        QCOMPARE(view.controls()->xDim(), 2);
        QCOMPARE(view.controls()->yDim(), 1);
        QCPColorMapData *data = view.colorMap()->data();
        QCOMPARE(data->keySize(), 8);
        QCOMPARE(data->valueSize(), 6);
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x)
                QCOMPARE(data->cell(x, y), double(y * 8 + x));

        // Step the first dimension: the second time step, 48 further on.
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.controls()->setFixedIndex(0, 1);
        QVERIFY(finished.wait(10000));
        QCOMPARE(data->cell(3, 2), double(48 + 2 * 8 + 3));

        // Display lat across and lon down: the same values, transposed.
        view.controls()->setDisplayedDims(1, 2);
        QVERIFY(finished.wait(10000));
        QCOMPARE(data->keySize(), 6);
        QCOMPARE(data->valueSize(), 8);
        QCOMPARE(data->cell(2, 3), double(48 + 2 * 8 + 3));
    }

    void lineGraphHasGapsForNaN()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("signals/series")));
        QCOMPARE(view.controls()->yDim(), -1);
        auto graph = view.graph()->data();
        QCOMPARE(graph->size(), 20);
        QCOMPARE(graph->at(3)->value, 3.0);
        QVERIFY(std::isnan(graph->at(7)->value));
        QCOMPARE(graph->at(19)->key, 19.0);
    }

    void bigEndianIntegers()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("signals/be")));
        QCOMPARE(view.colorMap()->data()->cell(3, 2), 11.0);
    }

    void hugeArrayIsSampledAndZoomRefetchesFiner()
    {
        SliceView view;
        view.resize(800, 600);
        QVERIFY(show(view, QStringLiteral("big"))); // 20000 x 30000, never written: all fill
        const Selection overview = view.shownSelection();
        QVERIFY(overview.dims[0].step > 1);
        QVERIFY(overview.dims[1].step > 1);
        QVERIFY(overview.elementCount() < 4000000);
        QCOMPARE(view.colorMap()->data()->cell(0, 0), 3.0);

        QSignalSpy finished(&view, &SliceView::readFinished);
        view.plot()->xAxis->setRange(1000, 1100);
        view.plot()->yAxis->setRange(2000, 2050);
        view.requestData();
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        const Selection zoomed = view.shownSelection();
        QCOMPARE(zoomed.dims[1].step, std::uint64_t(1));
        QVERIFY(zoomed.dims[1].start <= 1000 && zoomed.dims[1].last() >= 1100);
        QVERIFY(zoomed.dims[0].start <= 2000 && zoomed.dims[0].last() >= 2050);
    }

    void cancelStopsTheRead()
    {
        SliceView view;
        QSignalSpy finished(&view, &SliceView::readFinished);
        QSignalSpy cancelled(&view, &SliceView::readCancelled);
        view.setArray(m_store, node(QStringLiteral("many"))); // 4096 chunks
        QVERIFY(view.isReading());
        view.cancelRead();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!view.isReading());
        QTest::qWait(300);
        QCOMPARE(finished.count(), 0);
        QVERIFY(view.message().contains(QStringLiteral("cancelled")));

        // A new slice after a cancel reads normally.
        view.requestData();
        QVERIFY(finished.wait(10000));
        QCOMPARE(view.colorMap()->data()->cell(5, 5), 1.5);
    }

    void corruptChunkIsShownInline()
    {
        SliceView view;
        QSignalSpy failed(&view, &SliceView::readFailed);
        view.setArray(m_store, node(QStringLiteral("bad")));
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.front().front().toString().contains(QStringLiteral("1.1")),
                 qPrintable(failed.front().front().toString()));
        QVERIFY(view.message().contains(QStringLiteral("Read failed")));
        QVERIFY(!view.isReading());
    }

    void groupsAndSavedImages()
    {
        SliceView view;
        view.setArray(m_store, node(QStringLiteral("climate")));
        QVERIFY(view.message().contains(QStringLiteral("group")));
        QVERIFY(show(view, QStringLiteral("signals/be")));
        const QString png = m_dir.filePath(QStringLiteral("view.png"));
        const QString pdf = m_dir.filePath(QStringLiteral("view.pdf"));
        QVERIFY(view.saveImage(png));
        QVERIFY(view.saveImage(pdf));
        QVERIFY(QFileInfo(png).size() > 1000);
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }
};

QTEST_MAIN(TestSliceView)
#include "tst_slice_view.moc"
