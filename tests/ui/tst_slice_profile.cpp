// Line plots through N-D arrays and profiles through a picked cell (issue 16): any dimension as
// the x of a line with the others on sliders, a click on the image (not a drag) picks a cell, the
// Profile dock reads the values through it along a chosen dimension through the view's cache,
// and a profile read can be cancelled. Expected values come from numpy in the same Python run.

#include "MainWindow.h"
#include "ProfileView.h"
#include "QCustomPlotInclude.h"
#include "SliceView.h"
#include "UiFixtures.h"
#include "store/StoreFactory.h"
#include "view/SliceSource.h"

#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QSettings>
#include <QStandardPaths>

using namespace zs;

namespace {

// numpy's values as written next to the store: NaN as null.
std::vector<double> expected(const QJsonObject &all, const QString &key)
{
    std::vector<double> out;
    for (const auto &v : all.value(key).toArray())
        out.push_back(v.isNull() ? qQNaN() : v.toDouble());
    return out;
}

bool sameValues(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i]) || (!std::isnan(a[i]) && a[i] != b[i])) return false;
    }
    return true;
}

std::vector<double> graphValues(QCPGraph *graph)
{
    std::vector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        out.push_back(it->value);
    return out;
}

// The pixel at the centre of the image's cell (x, y).
QPoint cellPixel(SliceView &view, double x, double y)
{
    return QPointF(view.plot()->xAxis->coordToPixel(x), view.plot()->yAxis->coordToPixel(y)).toPoint();
}

void mouse(QWidget *target, QEvent::Type type, QPoint at)
{
    const Qt::MouseButtons held = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, at, target->mapToGlobal(at),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, held, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &event);
}

} // namespace

class TestSliceProfile : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    QJsonObject m_expected;

    bool show(SliceView &view, const QString &path)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        view.setArray(m_store, test::nodeAt(*m_store, path));
        return finished.count() > 0 || finished.wait(10000);
    }

    static bool redrawn(SliceView &view)
    {
        QSignalSpy finished(&view, &SliceView::readFinished);
        return finished.wait(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_slice_profile"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QStringLiteral(R"PY(
import json
root = zarr.open_group('cube.zarr', mode='w')
a = (np.arange(7 * 6 * 8, dtype='f4').reshape(7, 6, 8) * 0.5 - 40).astype('f4')
a[4, 2, 5] = np.nan
t = root.create_dataset('temperature', data=a, chunks=(2, 3, 4))
t.attrs['_ARRAY_DIMENSIONS'] = ['time', 'lat', 'lon']
def plain(v):
    return [None if np.isnan(x) else float(x) for x in v]
json.dump({
    'row_t3_lat2': plain(a[3, 2, :]),
    'time_lat1_lon6': plain(a[:, 1, 6]),
    'profile_time_lat2_lon5': plain(a[:, 2, 5]),
    'profile_lon_t0_lat2': plain(a[0, 2, :]),
}, open('expected.json', 'w'))
)PY")));
        QFile file(m_dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_expected = QJsonDocument::fromJson(file.readAll()).object();
        auto store = openStore(m_dir.filePath(QStringLiteral("cube.zarr")));
        QVERIFY(store.ok());
        m_store = *store;
    }

    // Any dimension as the x of a line, the others fixed by the sliders.
    void lineThroughAnyDimension_data()
    {
        QTest::addColumn<int>("xDim");
        QTest::addColumn<int>("fixedDim");
        QTest::addColumn<int>("fixedAt");
        QTest::addColumn<int>("otherDim");
        QTest::addColumn<int>("otherAt");
        QTest::addColumn<QString>("key");
        QTest::addRow("along lon") << 2 << 0 << 3 << 1 << 2 << QStringLiteral("row_t3_lat2");
        QTest::addRow("along time") << 0 << 1 << 1 << 2 << 6 << QStringLiteral("time_lat1_lon6");
    }
    void lineThroughAnyDimension()
    {
        QFETCH(int, xDim);
        QFETCH(int, fixedDim);
        QFETCH(int, fixedAt);
        QFETCH(int, otherDim);
        QFETCH(int, otherAt);
        QFETCH(QString, key);
        SliceView view;
        view.resize(900, 600);
        QVERIFY(show(view, QStringLiteral("temperature")));
        QVERIFY(view.colorMap()->visible()); // an image at first
        view.controls()->setDisplayedDims(xDim, -1);
        QVERIFY(redrawn(view));
        QCOMPARE(view.controls()->yDim(), -1);
        QVERIFY(view.graph()->visible());
        QVERIFY(!view.colorMap()->visible());
        view.controls()->setFixedIndex(fixedDim, std::uint64_t(fixedAt));
        QVERIFY(redrawn(view));
        view.controls()->setFixedIndex(otherDim, std::uint64_t(otherAt));
        QVERIFY(redrawn(view));
        QVERIFY(sameValues(graphValues(view.graph()), expected(m_expected, key)));
    }

    // A click picks the cell under the pointer; a drag (a pan) picks nothing.
    void clickPicksTheCellDragDoesNot()
    {
        SliceView view;
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(show(view, QStringLiteral("temperature")));
        QSignalSpy picked(&view, &SliceView::cellPicked);
        const QPoint at = cellPixel(view, 5, 2);
        mouse(view.plot(), QEvent::MouseButtonPress, at);
        mouse(view.plot(), QEvent::MouseMove, at + QPoint(40, 30));
        mouse(view.plot(), QEvent::MouseButtonRelease, at + QPoint(40, 30));
        QCOMPARE(picked.count(), 0);

        const QPoint again = cellPixel(view, 5, 2); // the drag panned the axes
        mouse(view.plot(), QEvent::MouseButtonPress, again);
        mouse(view.plot(), QEvent::MouseButtonRelease, again);
        QCOMPARE(picked.count(), 1);
        const auto request = picked.first().first().value<ProfileRequest>();
        QCOMPARE(request.index, (std::vector<std::uint64_t>{0, 2, 5}));
        QCOMPARE(request.alongDim, 0); // the time series at the point
        QCOMPARE(request.path, QStringLiteral("temperature"));
        QCOMPARE(request.meta.dimensionNames, (QStringList{"time", "lat", "lon"}));
    }

    // The profile's values along the dimension chosen, read through the view's chunk cache.
    void profileAlongTheChosenDimension()
    {
        SliceView view;
        view.resize(900, 600);
        QVERIFY(show(view, QStringLiteral("temperature")));
        const auto request = view.profileRequestAt(5, 2);
        QVERIFY(request);
        ProfileView profile;
        QSignalSpy finished(&profile, &ProfileView::profileFinished);
        profile.showProfile(*request);
        QVERIFY(finished.wait(10000));
        QVERIFY(sameValues(profile.values(), expected(m_expected, QStringLiteral("profile_time_lat2_lon5"))));
        QVERIFY(sameValues(graphValues(profile.plot()->graph(0)), profile.values()));
        QCOMPARE(profile.title(), QStringLiteral("temperature at lat 2, lon 5 along time"));

        // Along lon at time 0: the chunks of the image the view drew, no request to the store.
        profile.setAlongDim(2);
        QVERIFY(finished.wait(10000));
        QVERIFY(sameValues(profile.values(), expected(m_expected, QStringLiteral("profile_lon_t0_lat2"))));
        QCOMPARE(profile.source()->lastStats().requests, std::uint64_t(0));
        QVERIFY(profile.status().contains(QStringLiteral("8 values along lon")));
    }

    void profileCanBeCancelled()
    {
        SliceView view;
        QVERIFY(show(view, QStringLiteral("temperature")));
        ProfileView profile;
        QSignalSpy finished(&profile, &ProfileView::profileFinished);
        QSignalSpy cancelled(&profile, &ProfileView::profileCancelled);
        profile.showProfile(*view.profileRequestAt(1, 1));
        QVERIFY(profile.isReading());
        profile.cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!profile.isReading());
        QVERIFY(profile.status().contains(QStringLiteral("Cancelled")));
        QTest::qWait(300);
        QCOMPARE(finished.count(), 0); // the cancelled read never reports
    }

    // In the window: a click on the image opens the Profile dock with the values through it.
    void windowOpensTheProfileDock()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.sliceView(), &SliceView::readFinished);
        window.openLocation(m_dir.filePath(QStringLiteral("cube.zarr")), QStringLiteral("temperature"));
        QVERIFY(finished.wait(10000));
        QVERIFY(!window.profileDock()->isVisible());
        SliceView &view = *window.sliceView();
        QSignalSpy profiled(window.profileView(), &ProfileView::profileFinished);
        const QPoint at = cellPixel(view, 5, 2);
        mouse(view.plot(), QEvent::MouseButtonPress, at);
        mouse(view.plot(), QEvent::MouseButtonRelease, at);
        QTRY_VERIFY_WITH_TIMEOUT(window.profileDock()->isVisible(), 5000);
        QVERIFY(profiled.count() > 0 || profiled.wait(10000));
        QVERIFY(sameValues(window.profileView()->values(),
                           expected(m_expected, QStringLiteral("profile_time_lat2_lon5"))));
        // Another store: the profile of the old one is gone.
        window.openLocation(m_dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(!window.profileView()->hasProfile());
        QVERIFY(window.profileView()->values().empty());
    }
};

QTEST_MAIN(TestSliceProfile)
#include "tst_slice_profile.moc"
