// SliceView's state follows the array shown (issue 16): a manual range, colour map and zoom
// stay with their array for the session, a scalar shows no plot, the read-out follows an axes
// change, the colour bar is only beside images, and a saved view always has its extension.

#include "QCustomPlotInclude.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

#include <QMouseEvent>
#include <QSettings>
#include <QStandardPaths>

using namespace zs;

namespace {

bool hasColorScale(QCustomPlot *plot)
{
    for (QCPLayoutElement *e : plot->plotLayout()->elements(true)) {
        if (qobject_cast<QCPColorScale *>(e)) return true;
    }
    return false;
}

// What moving the pointer to `at` over the plot does.
void pointAt(SliceView &view, QPointF at)
{
    QMouseEvent move(QEvent::MouseMove, at, view.plot()->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(view.plot(), &move);
}

} // namespace

class TestSliceState : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;

    NodeMetadata node(const QString &path) { return test::nodeAt(*m_store, path); }

    bool show(SliceView &view, const QString &path)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.setArray(m_store, node(path));
        return finished.count() > 0 || finished.wait(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A throw-away QSettings: the preferred colour map is kept there.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_slice_state"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore) + QStringLiteral(R"PY(
answer = root.create_dataset('answer', shape=(), dtype='f8')
answer[...] = 42.5
)PY")));
        auto store = openStore(m_dir.filePath(QStringLiteral("tree.zarr")));
        QVERIFY(store.ok());
        m_store = *store;
    }

    void manualRangeStaysWithItsArray()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("climate/temperature"))); // 0 .. 47
        view.controls()->setManualRange(10, 20);
        QCOMPARE(view.colorMap()->dataRange(), QCPRange(10, 20));

        // The line of 0 .. 19 (NaN at 7) is not clipped to the other array's 10 .. 20.
        QVERIFY(show(view, QStringLiteral("signals/series")));
        QVERIFY(view.controls()->autoRange());
        QVERIFY2(view.plot()->yAxis->range().lower < 0 && view.plot()->yAxis->range().upper > 19,
                 qPrintable(QStringLiteral("%1 .. %2")
                                .arg(view.plot()->yAxis->range().lower)
                                .arg(view.plot()->yAxis->range().upper)));

        // Another image takes its own automatic range (be: 0 .. 11).
        QVERIFY(show(view, QStringLiteral("signals/be")));
        QVERIFY(view.controls()->autoRange());
        QVERIFY(view.colorMap()->dataRange().upper <= 11.0);

        // Back on the first array, its range is back.
        QVERIFY(show(view, QStringLiteral("climate/temperature")));
        QVERIFY(!view.controls()->autoRange());
        QCOMPARE(view.controls()->manualMin(), 10.0);
        QCOMPARE(view.controls()->manualMax(), 20.0);
        QCOMPARE(view.colorMap()->dataRange(), QCPRange(10, 20));
    }

    void colourMapAndZoomStayWithTheirArray()
    {
        SliceView view;
        view.resize(900, 700);
        QVERIFY(show(view, QStringLiteral("climate/temperature")));
        view.controls()->setColorMapName(QStringLiteral("gray"));
        view.plot()->xAxis->setRange(1, 3);
        // The last map chosen is the one arrays not seen yet start with, in this session and the next.
        QCOMPARE(QSettings().value(QStringLiteral("view/colorMap")).toString(), QStringLiteral("gray"));

        QVERIFY(show(view, QStringLiteral("signals/be"))); // 3 x 4
        QCOMPARE(view.plot()->xAxis->range(), QCPRange(-0.5, 3.5));
        QCOMPARE(view.controls()->colorMapName(), QStringLiteral("gray"));
        view.controls()->setColorMapName(QStringLiteral("magma"));

        QVERIFY(show(view, QStringLiteral("climate/temperature")));
        QCOMPARE(view.controls()->colorMapName(), QStringLiteral("gray"));
        QCOMPARE(view.plot()->xAxis->range(), QCPRange(1, 3));
        QVERIFY(show(view, QStringLiteral("signals/be")));
        QCOMPARE(view.controls()->colorMapName(), QStringLiteral("magma"));
    }

    void scalarShowsItsValueAndNoPlot()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("climate/temperature")));
        QVERIFY(!view.plot()->isHidden());
        QVERIFY(show(view, QStringLiteral("answer")));
        QVERIFY(view.plot()->isHidden());
        QCOMPARE(view.colorMap()->data()->keySize(), 0);
        QCOMPARE(view.graph()->data()->size(), 0);
        QCOMPARE(view.message(), QStringLiteral("Scalar value: 42.5"));
        QVERIFY(view.readout().isEmpty());
    }

    void groupIsAnEmptyState()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("climate/temperature")));
        view.setArray(m_store, node(QStringLiteral("climate")));
        QVERIFY(view.plot()->isHidden());
        QCOMPARE(view.colorMap()->data()->keySize(), 0);
        QVERIFY(view.readout().isEmpty());
        QVERIFY(view.arrayPath().isEmpty());
        QVERIFY(view.message().contains(QStringLiteral("group")));
    }

    void readoutFollowsAnAxesChange()
    {
        SliceView view;
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(show(view, QStringLiteral("climate/temperature"))); // 2 x 6 x 8
        view.plot()->replot();
        const QRect rect = view.plot()->axisRect()->rect();
        const QPointF at(rect.left() + 0.3 * rect.width(), rect.top() + 0.6 * rect.height());
        pointAt(view, at);
        const QString before = view.readout();
        QVERIFY2(before.endsWith(QStringLiteral("value 26")), qPrintable(before)); // lat 3, lon 2

        // time across, lon down: the same pixel is another cell, and the read-out says so unasked.
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.controls()->setDisplayedDims(0, 2);
        QVERIFY(finished.wait(10000));
        const QString after = view.readout();
        QVERIFY2(after.endsWith(QStringLiteral("value 4")), qPrintable(after)); // time 0, lat 0, lon 4
        pointAt(view, at);
        QCOMPARE(after, view.readout());
    }

    void colourBarOnlyBesideImages()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("climate/temperature")));
        QVERIFY(hasColorScale(view.plot()));
        QVERIFY(show(view, QStringLiteral("signals/series")));
        QVERIFY(!hasColorScale(view.plot()));
        QVERIFY(show(view, QStringLiteral("signals/be")));
        QVERIFY(hasColorScale(view.plot()));
    }

    void savedViewHasAnExtension_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("saved");
        QTest::addRow("none") << "view"
                              << "view.png";
        QTest::addRow("png") << "view.png"
                             << "view.png";
        QTest::addRow("pdf upper case") << "view.PDF"
                                        << "view.PDF";
        QTest::addRow("another dot") << "view.v2"
                                     << "view.v2.png";
    }

    void savedViewHasAnExtension()
    {
        QFETCH(QString, typed);
        QFETCH(QString, saved);
        QCOMPARE(SliceView::imageFileName(typed), saved);
        SliceView view;
        QVERIFY(show(view, QStringLiteral("signals/be")));
        QTemporaryDir out;
        QVERIFY(view.saveImage(out.filePath(typed)));
        QVERIFY(QFileInfo(out.filePath(saved)).size() > 500);
    }
};

QTEST_MAIN(TestSliceState)
#include "tst_slice_state.moc"
