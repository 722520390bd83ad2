// Issue 19, the viewer: the Image tab on OME-Zarr stores from the real writers
// (tests/ome/make_ome_fixtures.py: zarr-python 0.4 images, labels and a plate; ngff-zarr 0.5):
// the coarsest level first and the visible region refined at the level the zoom asks for, never
// the whole of level 0; the read-out's values equal the writer's at that level; channels with
// their omero colours, toggled; the labels overlay and its value; z and t sliders; the plate's
// wells drawn from their first fields and a field opened; the main window's tree opening them.

#include "HierarchyModel.h"
#include "HistogramPlot.h"
#include "MainWindow.h"
#include "NpyFile.h"
#include "OmeFixtures.h"
#include "QCustomPlotInclude.h"
#include "array/ChunkCache.h"
#include "hierarchy/Hierarchy.h"
#include "ome/ChannelListModel.h"
#include "ome/ChannelPanel.h"
#include "ome/OmeCanvas.h"
#include "ome/OmeImageView.h"
#include "ome/OmePage.h"
#include "ome/OmeParse.h"
#include "ome/PlateGrid.h"
#include "ome/PlateView.h"
#include "store/StoreFactory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <cstring>

using namespace zs;
using namespace zs::omeview;
using nlohmann::json;

namespace {

QString q(const json &j)
{
    return QString::fromStdString(j.get<std::string>());
}

// One element of a C-order .npy of unsigned 8/16-bit or signed 32-bit integers.
double npyValue(const zstest::NpyFile &f, const std::vector<std::uint64_t> &index)
{
    std::uint64_t flat = 0;
    for (std::size_t d = 0; d < index.size(); ++d)
        flat = flat * f.shape[d] + index[d];
    const int size = f.descr.mid(2).toInt();
    const char *p = f.data.constData() + flat * std::uint64_t(size);
    if (f.descr == QLatin1String("|u1")) return double(std::uint8_t(*p));
    if (f.descr == QLatin1String("<u2")) {
        std::uint16_t v;
        std::memcpy(&v, p, 2);
        return v;
    }
    std::int32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

} // namespace

class TestOmeView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    json m_expected;

    QString storeDir(const char *name) const { return m_dir.filePath(q(m_expected["stores"][name]["dir"])); }

    // The view on `image` of the store `name` names, opened and its first picture shown.
    bool open(OmeImageView &view, const char *name)
    {
        auto store = openStore(storeDir(name));
        if (!store) return false;
        QSignalSpy shown(&view, &OmeImageView::picturesShown);
        view.openImage(*store, std::make_shared<ChunkCache>(64 << 20),
                       q(m_expected["stores"][name]["image"]));
        return shown.wait(15000) || shown.count() > 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        auto expected = zstest::writeOmeFixtures(m_dir.path(), &error);
        QVERIFY2(expected, qPrintable(error));
        m_expected = std::move(*expected);
    }

    // The whole image in a small window: the coarsest level first (its 2 chunks), then the level
    // the window's pixels ask for, never level 0.
    void opensAtTheLevelThatFits()
    {
        OmeImageView view;
        view.canvas()->setFixedSize(200, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(open(view, "v04_yx"));
        QCOMPARE(view.backdropLevel(), std::size_t(2));
        const QSize px = view.canvas()->screenPixels();
        const std::size_t fits =
            ome::chooseLevel(*view.image(), view.canvas()->visibleRect(), px.height(), px.width());
        QVERIFY2(fits >= 1, "the window is small enough for a coarse level");
        QCOMPARE(view.detailLevel().value_or(view.backdropLevel()), fits);
        QCOMPARE(view.canvas()->plot()->xAxis->label(), QStringLiteral("x [µm]"));
        // Chunks of 64 x 64: level 2 (75 x 50) has 2, level 1 (150 x 100) 6; level 0 would add 20.
        QVERIFY2(view.requestsMade() <= 2 + 6, qPrintable(view.statusText()));
    }

    // Zoomed in on a corner: level 0 of that region only, far less than level 0's bytes.
    void zoomRefinesTheVisibleRegion()
    {
        OmeImageView view;
        view.canvas()->setFixedSize(200, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(open(view, "v04_yx"));
        const std::uint64_t bytesBefore = view.bytesRead();
        const std::uint64_t requestsBefore = view.requestsMade();
        QSignalSpy shown(&view, &OmeImageView::picturesShown);
        // 300 x 200 elements of 0.5 x 0.25 µm from (10, 20): a 10 x 10 µm corner.
        view.canvas()->zoomTo(ome::PhysicalRect{10, 20, 10, 10});
        QVERIFY(shown.wait(15000));
        QCOMPARE(view.detailLevel().value_or(99), std::size_t(0));
        // The corner's one chunk of level 0 (64 x 64 of 2 bytes, compressed).
        QCOMPARE(view.requestsMade() - requestsBefore, std::uint64_t(1));
        const std::uint64_t level0Bytes = 300 * 200 * 2;
        QVERIFY2(view.bytesRead() - bytesBefore < level0Bytes / 10, qPrintable(view.statusText()));
        // The read-out at a physical point: level 0's value there, as the writer stored it.
        QString error;
        const auto npy =
            zstest::readNpy(m_dir.filePath(q(m_expected["stores"]["v04_yx"]["levels"][0]["npy"])), &error);
        QVERIFY2(npy, qPrintable(error));
        // Element (row 6, column 9): y = 10 + 6.5 * 0.5, x = 20 + 9.5 * 0.25.
        const QString text = view.describePoint(10 + 6.5 * 0.5, 20 + 9.5 * 0.25);
        QVERIFY2(text.contains(QStringLiteral("level 0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" %1").arg(npyValue(*npy, {6, 9}))), qPrintable(text));
        // Home: the whole image at its coarser level again, from the cache.
        view.canvas()->home();
        QVERIFY(shown.wait(15000));
        QVERIFY(view.detailLevel().value_or(view.backdropLevel()) >= 1);
    }

    // Channels: omero's colours, labels and active flags; toggling one changes the picture.
    void channelsFromOmero()
    {
        OmeImageView view;
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy labels(&view, &OmeImageView::labelsShown);
        QVERIFY(open(view, "v04_cyx_labels"));
        QVERIFY(labels.count() > 0 || labels.wait(15000)); // drawn before the channels change
        const auto &looks = view.channels()->looks();
        const json &channels = m_expected["stores"]["v04_cyx_labels"]["channels"];
        QCOMPARE(looks.size(), channels.size());
        for (std::size_t c = 0; c < looks.size(); ++c) {
            QCOMPARE(looks[c].label, q(channels[c]["label"]));
            QCOMPARE(looks[c].color.name(QColor::HexRgb).toUpper(), u'#' + q(channels[c]["color"]));
            QCOMPARE(looks[c].active, channels[c]["active"].get<bool>());
            QCOMPARE(looks[c].start, channels[c]["window"]["start"].get<double>());
        }
        const QImage before = view.renderedImage();
        QVERIFY(view.channels()->setData(view.channels()->index(1, 0), Qt::Checked, Qt::CheckStateRole));
        QTRY_VERIFY(view.renderedImage() != before);
        // Labels: chosen by default, drawn (above), and named in the read-out. Label 7 covers rows 30-59,
        // columns 20-43 of level 0 (scale 0.4 µm, no translation).
        QCOMPARE(view.labelChoice()->currentText(), QStringLiteral("cells"));
        const QString text = view.describePoint(40 * 0.4, 30 * 0.4);
        QVERIFY2(text.contains(QStringLiteral("label 7")), qPrintable(text));
        QVERIFY2(view.describePoint(2 * 0.4, 2 * 0.4).contains(QStringLiteral("label 0")), "background");
        const QImage withLabels = view.renderedImage();
        view.labelOpacity()->setValue(0);
        QTRY_VERIFY(view.renderedImage() != withLabels);

        // One channel alone, in its colour and then in grey; the histogram of that channel sets
        // its window by a drag.
        ChannelPanel *panel = view.channelPanel();
        QCOMPARE(panel->display()->count(), 1 + int(looks.size()));
        const QImage composite = view.renderedImage();
        panel->display()->setCurrentIndex(2); // GFP alone
        QTRY_VERIFY(view.renderedImage() != composite);
        const QImage coloured = view.renderedImage();
        panel->grey()->setChecked(true);
        QTRY_VERIFY(view.renderedImage() != coloured);
        QCOMPARE(panel->histogramChannel(), 1);
        QVERIFY(panel->histogram()->bars()->data()->size() > 0);
        Q_EMIT panel->histogram()->rangeDragged(40, 90);
        QCOMPARE(view.channels()->looks()[1].start, 40.0);
        QCOMPARE(view.channels()->looks()[1].end, 90.0);
        Q_EMIT panel->histogram()->rangeDragged(250, 252); // above the old end: the end moves first
        QCOMPARE(view.channels()->looks()[1].start, 250.0);
        QCOMPARE(view.channels()->looks()[1].end, 252.0);
    }

    // z and t: the sliders move through level 0's positions, and the picture's values follow.
    void slidersMoveThroughZ()
    {
        OmeImageView view;
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(open(view, "v03_zyx"));
        QCOMPARE(view.zSlider()->maximum(), 3);
        QSignalSpy shown(&view, &OmeImageView::picturesShown);
        view.zSlider()->setValue(3);
        QVERIFY(shown.wait(15000));
        // v03_zyx holds z * 1000 + y * 10 + x; the coarsest level (every second y and x) at z 3,
        // element (1, 1) is level 0's (2, 2): 3022.
        const QString text = view.describePoint(2.5, 2.5);
        QVERIFY2(text.contains(QStringLiteral(" 3022")), qPrintable(text));
    }

    void plateDrawsEveryWell()
    {
        PlateView plate;
        plate.resize(600, 400);
        plate.show();
        auto store = openStore(m_dir.filePath(q(m_expected["plate"]["dir"])));
        QVERIFY(store);
        auto group = loadNode(**store, QString());
        QVERIFY(group);
        auto parsed = ome::parseOmeGroup(group->attributes, QString());
        QVERIFY(parsed && *parsed && (*parsed)->plate);
        QSignalSpy done(&plate, &PlateView::allWellsDrawn);
        plate.setPlate(*store, std::make_shared<ChunkCache>(16 << 20), QString(), *(*parsed)->plate);
        QVERIFY(done.wait(20000));
        QCOMPARE(plate.thumbnailsShown(), 3);
        QSignalSpy activated(&plate, &PlateView::fieldActivated);
        const QRect cell = plate.grid()->cellRect(2);
        QTest::mouseDClick(plate.grid(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(plate.selectedWell(), QStringLiteral("B/3"));
        QCOMPARE(plate.fieldChoice()->count(), 2);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("B/3/0"));
    }

    // The browser: a plate's field chosen in the tree opens in the Image tab.
    void mainWindowOpensTheImageTab()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(m_dir.filePath(q(m_expected["plate"]["dir"])));
        QVERIFY(loaded.wait(20000));
        // The tree says what the OME groups are, and which level (and pixel size) each array is.
        const auto name = [&](const char *path) {
            return window.hierarchyModel()->indexForPath(QString::fromLatin1(path)).data().toString();
        };
        QCOMPARE(name(""), QStringLiteral("v04_plate.ome.zarr · OME-Zarr plate"));
        QCOMPARE(name("A/2"), QStringLiteral("2 · well"));
        QCOMPARE(name("A/2/1"), QStringLiteral("1 · OME-Zarr image"));
        QCOMPARE(name("A/2/1/1"), QStringLiteral("1 · level 1, 2 micrometer"));
        window.selectPath(QStringLiteral("A/2/1"));
        QTRY_COMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.omePage()));
        QTRY_VERIFY_WITH_TIMEOUT(window.omePage()->imageView()->hasImage(), 15000);
        QCOMPARE(window.omePage()->imageView()->image()->path, QStringLiteral("A/2/1"));
        window.selectPath(QString());
        QTRY_COMPARE(window.omePage()->shownPath(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(window.omePage()->plateView()->wells().size() == 3, 15000);
    }
};

QTEST_MAIN(TestOmeView)
#include "tst_ome_view.moc"
