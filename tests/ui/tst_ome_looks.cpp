// The OME-Zarr view's building blocks, without a store or a widget: the composite of channels
// through their windows, the looks an image opens with (omero or defaults, numpy's percentiles),
// label colours and their overlay, and the channel list model.

#include "ome/ChannelDefaults.h"
#include "ome/ChannelListModel.h"
#include "ome/Composite.h"
#include "ome/LabelPalette.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>
#include <limits>

using namespace zs;
using namespace zs::omeview;

using Looks = std::vector<ChannelLook>;
using Values = std::vector<double>;
using MaybeOmero = std::optional<ome::Omero>;
using Labels = std::vector<std::int64_t>;
Q_DECLARE_METATYPE(Looks)
Q_DECLARE_METATYPE(Values)
Q_DECLARE_METATYPE(MaybeOmero)
Q_DECLARE_METATYPE(PlaneStack)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

ChannelLook look(QColor color, double start = 0, double end = 10, bool active = true, bool inverted = false)
{
    ChannelLook l;
    l.color = color;
    l.start = start;
    l.end = end;
    l.active = active;
    l.inverted = inverted;
    return l;
}

ChannelLook inverted(ChannelLook l)
{
    l.inverted = true;
    return l;
}

ChannelLook full(QString label, QColor color, double start, double end, double min, double max,
                 bool active = true, bool inverted = false)
{
    ChannelLook l = look(color, start, end, active, inverted);
    l.label = std::move(label);
    l.min = min;
    l.max = max;
    return l;
}

// One pixel per channel.
PlaneStack pixel(Values values)
{
    return PlaneStack{int(values.size()), 1, 1, std::move(values)};
}

Values range(int first, int last)
{
    Values v;
    for (int i = first; i <= last; ++i)
        v.push_back(i);
    return v;
}

ome::Channel omeroChannel(QString label, QString color, std::optional<ome::ChannelWindow> window = {},
                          bool active = true, bool inverted = false)
{
    return ome::Channel{std::move(label), std::move(color), window, active, inverted};
}

ome::Omero omero(std::vector<ome::Channel> channels)
{
    ome::Omero o;
    o.channels = std::move(channels);
    return o;
}

QRgb rgb(int r, int g, int b)
{
    return qRgb(r, g, b);
}

ome::ImageLabel imageLabel(std::vector<ome::LabelColor> colors)
{
    ome::ImageLabel l;
    l.colors = std::move(colors);
    return l;
}

} // namespace

class TestOmeLooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void composite_data()
    {
        QTest::addColumn<Values>("values"); // one pixel, one value per channel
        QTest::addColumn<Looks>("looks");
        QTest::addColumn<QRgb>("expected");
        const QColor red(Qt::red), green(Qt::green), white(Qt::white);
        QTest::addRow("red + green = yellow")
            << Values{10, 10} << Looks{look(red), look(green)} << rgb(255, 255, 0);
        QTest::addRow("half way") << Values{5} << Looks{look(red)} << rgb(128, 0, 0);
        QTest::addRow("a third rounds") << Values{10.0 / 3} << Looks{look(white)} << rgb(85, 85, 85);
        QTest::addRow("below start") << Values{-3} << Looks{look(white)} << rgb(0, 0, 0);
        QTest::addRow("above end") << Values{20} << Looks{look(white)} << rgb(255, 255, 255);
        QTest::addRow("offset window") << Values{125} << Looks{look(white, 100, 200)} << rgb(64, 64, 64);
        QTest::addRow("colour scaled") << Values{5} << Looks{look(QColor(200, 100, 50))} << rgb(100, 50, 25);
        QTest::addRow("inverted") << Values{2.5} << Looks{inverted(look(red))} << rgb(191, 0, 0);
        QTest::addRow("inverted above end") << Values{20} << Looks{inverted(look(white))} << rgb(0, 0, 0);
        QTest::addRow("NaN adds nothing")
            << Values{kNaN, 10} << Looks{look(red), look(green)} << rgb(0, 255, 0);
        QTest::addRow("NaN inverted adds nothing")
            << Values{kNaN} << Looks{inverted(look(white))} << rgb(0, 0, 0);
        QTest::addRow("infinity is the end") << Values{kInf} << Looks{look(white)} << rgb(255, 255, 255);
        QTest::addRow("sum capped at 255")
            << Values{10, 10} << Looks{look(QColor(200, 0, 0)), look(QColor(100, 0, 0))} << rgb(255, 0, 0);
        QTest::addRow("sum below the cap")
            << Values{10, 10} << Looks{look(QColor(100, 0, 0)), look(QColor(50, 0, 0))} << rgb(150, 0, 0);
        QTest::addRow("inactive ignored")
            << Values{10, 10} << Looks{look(red), look(green, 0, 10, false)} << rgb(255, 0, 0);
        QTest::addRow("none active") << Values{10} << Looks{look(red, 0, 10, false)} << rgb(0, 0, 0);
        QTest::addRow("threshold at end") << Values{5} << Looks{look(white, 5, 5)} << rgb(255, 255, 255);
        QTest::addRow("threshold below end") << Values{4.9} << Looks{look(white, 5, 5)} << rgb(0, 0, 0);
        QTest::addRow("reversed window") << Values{6} << Looks{look(white, 8, 4)} << rgb(255, 255, 255);
        QTest::addRow("three channels")
            << Values{10, 5, 0} << Looks{look(red), look(green), look(Qt::blue)} << rgb(255, 128, 0);
    }
    void composite()
    {
        QFETCH(Values, values);
        QFETCH(Looks, looks);
        QFETCH(QRgb, expected);
        const QImage image = compositeImage(pixel(values), looks);
        QCOMPARE(image.format(), QImage::Format_RGB32);
        QCOMPARE(image.size(), QSize(1, 1));
        QCOMPARE(QColor(image.pixel(0, 0)), QColor(expected));
    }

    void compositeLayout()
    {
        // Two channels of 2 x 3: pixel (x, y) is planes.at(c, y, x), not a transposed one.
        PlaneStack planes{2, 2, 3, {0, 1, 2, 3, 4, 5, /* channel 1 */ 5, 4, 3, 2, 1, 0}};
        const QImage image = compositeImage(planes, {look(Qt::red, 0, 5), look(Qt::green, 0, 5)});
        QCOMPARE(image.size(), QSize(3, 2));
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 3; ++x) {
                const int v = y * 3 + x;
                QCOMPARE(QColor(image.pixel(x, y)), QColor(qRgb(v * 51, (5 - v) * 51, 0)));
            }
        }
    }

    void compositeRefused_data()
    {
        QTest::addColumn<PlaneStack>("planes");
        QTest::addColumn<Looks>("looks");
        QTest::addRow("fewer looks") << PlaneStack{2, 1, 1, {1, 2}} << Looks{look(Qt::red)};
        QTest::addRow("more looks") << PlaneStack{1, 1, 1, {1}} << Looks{look(Qt::red), look(Qt::green)};
        QTest::addRow("values short") << PlaneStack{1, 2, 2, {1, 2, 3}} << Looks{look(Qt::red)};
        QTest::addRow("values long") << PlaneStack{1, 1, 1, {1, 2}} << Looks{look(Qt::red)};
        QTest::addRow("no width") << PlaneStack{1, 1, 0, {}} << Looks{look(Qt::red)};
        QTest::addRow("negative height") << PlaneStack{1, -1, 1, {}} << Looks{look(Qt::red)};
        QTest::addRow("negative channels") << PlaneStack{-1, 1, 1, {}} << Looks{};
    }
    void compositeRefused()
    {
        QFETCH(PlaneStack, planes);
        QFETCH(Looks, looks);
        QVERIFY(compositeImage(planes, looks).isNull());
    }

    void channelAlone_data()
    {
        QTest::addColumn<int>("channel");
        QTest::addColumn<bool>("grey");
        QTest::addColumn<QRgb>("expected"); // of the values {5, 10, NaN} through 0..10
        QTest::addRow("grey") << 0 << true << rgb(128, 128, 128);
        QTest::addRow("in its colour") << 0 << false << rgb(0, 0, 128);
        QTest::addRow("inactive still drawn") << 1 << false << rgb(255, 255, 0);
        QTest::addRow("NaN is black, grey") << 2 << true << rgb(0, 0, 0);
        QTest::addRow("NaN is black, colour") << 2 << false << rgb(0, 0, 0);
    }
    void channelAlone()
    {
        QFETCH(int, channel);
        QFETCH(bool, grey);
        QFETCH(QRgb, expected);
        const Looks looks{look(Qt::blue), look(Qt::yellow, 0, 10, false), look(Qt::red)};
        const QImage image = channelImage(pixel({5, 10, kNaN}), channel, looks[std::size_t(channel)], grey);
        QCOMPARE(image.format(), QImage::Format_RGB32);
        QCOMPARE(QColor(image.pixel(0, 0)), QColor(expected));
    }

    void channelAloneRefused()
    {
        QVERIFY(channelImage(pixel({1, 2}), 2, look(Qt::red), false).isNull());
        QVERIFY(channelImage(pixel({1, 2}), -1, look(Qt::red), false).isNull());
        QVERIFY(channelImage(PlaneStack{1, 2, 2, {1}}, 0, look(Qt::red), true).isNull());
    }

    void percentiles_data()
    {
        QTest::addColumn<Values>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected"); // numpy.percentile(values, p), method="linear"
        QTest::addRow("median of four") << Values{1, 2, 3, 4} << 50.0 << 2.5;
        QTest::addRow("2 of 1..100") << range(1, 100) << 2.0 << 2.98;
        QTest::addRow("98 of 1..100") << range(1, 100) << 98.0 << 98.02;
        QTest::addRow("0 is the minimum") << Values{3, 1, 2} << 0.0 << 1.0;
        QTest::addRow("100 is the maximum") << Values{3, 1, 2} << 100.0 << 3.0;
        QTest::addRow("unsorted") << Values{4, 1, 3, 2} << 25.0 << 1.75;
        QTest::addRow("two values") << Values{10, 20} << 10.0 << 11.0;
        QTest::addRow("from the upper end") << Values{10, 20} << 90.0 << 19.0;
        QTest::addRow("one value") << Values{7} << 30.0 << 7.0;
        QTest::addRow("NaN ignored") << Values{kNaN, 1, kNaN, 3} << 50.0 << 2.0;
        QTest::addRow("repeated values") << Values{5, 1, 5, 5} << 10.0 << 2.2;
        QTest::addRow("negative") << Values{-4, -2, 0} << 75.0 << -1.0;
        QTest::addRow("p above 100 clamped") << Values{1, 2, 3} << 150.0 << 3.0;
        QTest::addRow("p below 0 clamped") << Values{1, 2, 3} << -5.0 << 1.0;
    }
    void percentiles()
    {
        QFETCH(Values, values);
        QFETCH(double, p);
        QFETCH(double, expected);
        QCOMPARE(percentile(values, p), expected);
    }

    void percentileOfNothing_data()
    {
        QTest::addColumn<Values>("values");
        QTest::addColumn<double>("p");
        QTest::addRow("empty") << Values{} << 50.0;
        QTest::addRow("all NaN") << Values{kNaN, kNaN} << 2.0;
        QTest::addRow("p NaN") << Values{1, 2} << kNaN;
    }
    void percentileOfNothing()
    {
        QFETCH(Values, values);
        QFETCH(double, p);
        QVERIFY(std::isnan(percentile(values, p)));
    }

    void defaultColours_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("one is grey") << 1 << QStringList{"#ffffff"};
        QTest::addRow("two") << 2 << QStringList{"#ff0000", "#00ff00"};
        QTest::addRow("three") << 3 << QStringList{"#ff0000", "#00ff00", "#0000ff"};
        QTest::addRow("four") << 4 << QStringList{"#ff0000", "#00ff00", "#0000ff", "#00ffff"};
        QTest::addRow("seven cycle") << 7 << QStringList{"#ff0000", "#00ff00", "#0000ff", "#00ffff",
                                                         "#ff00ff", "#ffff00", "#ff0000"};
    }
    void defaultColours()
    {
        QFETCH(int, count);
        QFETCH(QStringList, expected);
        const Looks looks = channelLooks(std::nullopt, count, PlaneStack{});
        QStringList names;
        for (const ChannelLook &l : looks) {
            names << l.color.name();
            QVERIFY(l.active);
            QVERIFY(!l.inverted);
        }
        QCOMPARE(names, expected);
    }

    void looks_data()
    {
        QTest::addColumn<MaybeOmero>("omero");
        QTest::addColumn<int>("count");
        QTest::addColumn<PlaneStack>("coarsest");
        QTest::addColumn<Looks>("expected");
        const QColor red(Qt::red), green(Qt::green), blue(Qt::blue), white(Qt::white);
        // Channel 0 is 1..100 (2-98 %: 2.98..98.02), channel 1 has no value, channel 2 is 10 x 7.
        Values values = range(1, 100);
        values.insert(values.end(), 100, kNaN);
        values.insert(values.end(), 100, 7);
        const PlaneStack planes{3, 10, 10, values};
        const ome::ChannelWindow window{10, 500, 0, 65535};

        QTest::addRow("defaults") << MaybeOmero{} << 3 << planes
                                  << Looks{full("Channel 0", red, 2.98, 98.02, 1, 100),
                                           full("Channel 1", green, 0, 1, 0, 1),
                                           full("Channel 2", blue, 7, 7, 7, 7)};
        QTest::addRow("one channel, grey")
            << MaybeOmero{} << 1 << planes << Looks{full("Channel 0", white, 2.98, 98.02, 1, 100)};
        QTest::addRow("no data") << MaybeOmero{} << 2 << PlaneStack{}
                                 << Looks{full("Channel 0", red, 0, 1, 0, 1),
                                          full("Channel 1", green, 0, 1, 0, 1)};
        QTest::addRow("none of a negative count") << MaybeOmero{} << -1 << planes << Looks{};
        QTest::addRow("omero in full")
            << MaybeOmero{omero({omeroChannel("DAPI", "0000FF", window, false, true)})} << 1 << planes
            << Looks{full("DAPI", blue, 10, 500, 0, 65535, false, true)};
        QTest::addRow("lower-case colour")
            << MaybeOmero{omero({omeroChannel("GFP", "00ff80", window)})} << 1 << planes
            << Looks{full("GFP", QColor(0, 255, 128), 10, 500, 0, 65535)};
        QTest::addRow("invalid colours: defaults")
            << MaybeOmero{omero({omeroChannel("a", "blue", window), omeroChannel("b", "00FF0", window),
                                 omeroChannel("c", "GG0000", window)})}
            << 3 << planes
            << Looks{full("a", red, 10, 500, 0, 65535), full("b", green, 10, 500, 0, 65535),
                     full("c", blue, 10, 500, 0, 65535)};
        QTest::addRow("no window: percentiles")
            << MaybeOmero{omero({omeroChannel("a", "FF00FF"), omeroChannel("b", "")})} << 2 << planes
            << Looks{full("a", QColor(Qt::magenta), 2.98, 98.02, 1, 100), full("b", green, 0, 1, 0, 1)};
        QTest::addRow("window without min, max: the data's")
            << MaybeOmero{omero({omeroChannel("a", "", ome::ChannelWindow{20, 80, {}, {}})})} << 1 << planes
            << Looks{full("a", white, 20, 80, 1, 100)};
        QTest::addRow("window outside the data widens the range")
            << MaybeOmero{omero({omeroChannel("a", "", ome::ChannelWindow{0, 1000, {}, {}})})} << 1 << planes
            << Looks{full("a", white, 0, 1000, 0, 1000)};
        QTest::addRow("window without data, min, max")
            << MaybeOmero{omero({omeroChannel("a", "", ome::ChannelWindow{5, 9, {}, {}})})} << 1
            << PlaneStack{} << Looks{full("a", white, 5, 9, 5, 9)};
        QTest::addRow("empty label")
            << MaybeOmero{omero({omeroChannel("", "FF0000"), omeroChannel("", "00FF00")})} << 2 << planes
            << Looks{full("Channel 0", red, 2.98, 98.02, 1, 100), full("Channel 1", green, 0, 1, 0, 1)};
        QTest::addRow("fewer entries: defaults for the rest")
            << MaybeOmero{omero({omeroChannel("DAPI", "FFFFFF", window, false)})} << 3 << planes
            << Looks{full("DAPI", white, 10, 500, 0, 65535, false), full("Channel 1", green, 0, 1, 0, 1),
                     full("Channel 2", blue, 7, 7, 7, 7)};
        QTest::addRow("extra entries ignored")
            << MaybeOmero{omero({omeroChannel("a", "00FFFF", window), omeroChannel("b", "FFFF00", window),
                                 omeroChannel("c", "FF00FF", window)})}
            << 2 << planes
            << Looks{full("a", QColor(Qt::cyan), 10, 500, 0, 65535),
                     full("b", QColor(Qt::yellow), 10, 500, 0, 65535)};
        QTest::addRow("empty omero") << MaybeOmero{ome::Omero{}} << 1 << planes
                                     << Looks{full("Channel 0", white, 2.98, 98.02, 1, 100)};
    }
    void looks()
    {
        QFETCH(MaybeOmero, omero);
        QFETCH(int, count);
        QFETCH(PlaneStack, coarsest);
        QFETCH(Looks, expected);
        const Looks looks = channelLooks(omero, count, coarsest);
        QCOMPARE(looks.size(), expected.size());
        for (std::size_t c = 0; c < looks.size(); ++c) {
            const ChannelLook &l = looks[c], &e = expected[c];
            QCOMPARE(l.label, e.label);
            QCOMPARE(l.color, e.color);
            QCOMPARE(l.start, e.start);
            QCOMPARE(l.end, e.end);
            QCOMPARE(l.min, e.min);
            QCOMPARE(l.max, e.max);
            QCOMPARE(l.active, e.active);
            QCOMPARE(l.inverted, e.inverted);
        }
    }

    void paletteColours_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QColor>("expected");
        QTest::addRow("given, with alpha") << qint64(1) << QColor(255, 0, 0, 128);
        QTest::addRow("given, opaque") << qint64(7) << QColor(0, 255, 0, 255);
        QTest::addRow("given, negative value") << qint64(-3) << QColor(1, 2, 3, 4);
        QTest::addRow("given, clamped to 0..255") << qint64(9) << QColor(255, 0, 255, 255);
        QTest::addRow("given background") << qint64(0) << QColor(10, 20, 30, 40);
    }
    void paletteColours()
    {
        QFETCH(qint64, value);
        QFETCH(QColor, expected);
        const LabelPalette palette(imageLabel({{1, {255, 0, 0, 128}},
                                               {0, {10, 20, 30, 40}},
                                               {7, {0, 255, 0, 255}},
                                               {-3, {1, 2, 3, 4}},
                                               {9, {300, -5, 256, 1000}}}));
        const QColor c = palette.colorOf(value);
        QCOMPARE(c.rgba(), expected.rgba());
    }

    void paletteDerived()
    {
        const LabelPalette plain, given(imageLabel({{1, {255, 0, 0, 128}}}));
        QCOMPARE(plain.colorOf(0).alpha(), 0); // the background shows the image
        // Values without an image-label colour: the same colour from any palette, every run.
        QCOMPARE(given.colorOf(2).rgba(), plain.colorOf(2).rgba());
        QCOMPARE(LabelPalette().colorOf(17).rgba(), plain.colorOf(17).rgba());
        QCOMPARE(plain.colorOf(1).name(), QStringLiteral("#004aff"));
        QCOMPARE(plain.colorOf(2).name(), QStringLiteral("#95ff00"));
        QList<float> hues;
        for (std::int64_t v = 1; v <= 20; ++v) {
            const QColor c = plain.colorOf(v);
            QCOMPARE(c.alpha(), 255);
            QCOMPARE(c.hsvSaturation(), 255);
            hues << c.hsvHueF();
        }
        // Well separated: no two of 1..20 within 10 degrees of hue (golden-ratio turns: 12.4).
        for (int i = 0; i < hues.size(); ++i) {
            for (int j = i + 1; j < hues.size(); ++j) {
                const float d = std::abs(hues[i] - hues[j]);
                QVERIFY2(std::min(d, 1 - d) * 360 >= 10,
                         qPrintable(QStringLiteral("labels %1 and %2").arg(i + 1).arg(j + 1)));
            }
        }
        for (std::int64_t v : {std::numeric_limits<std::int64_t>::min(), std::int64_t(-1),
                               std::numeric_limits<std::int64_t>::max()}) {
            QVERIFY(plain.colorOf(v).isValid());
            QCOMPARE(plain.colorOf(v).alpha(), 255);
        }
    }

    void overlay_data()
    {
        QTest::addColumn<QRgb>("below");
        QTest::addColumn<qint64>("label"); // its colour from the image-label below
        QTest::addColumn<double>("opacity");
        QTest::addColumn<QRgb>("expected");
        QTest::addRow("opaque") << rgb(100, 100, 100) << qint64(1) << 1.0 << rgb(200, 0, 50);
        QTest::addRow("half") << rgb(100, 100, 100) << qint64(1) << 0.5 << rgb(150, 50, 75);
        QTest::addRow("quarter") << rgb(40, 80, 120) << qint64(2) << 0.25 << rgb(90, 60, 90);
        QTest::addRow("colour's alpha") << rgb(0, 0, 0) << qint64(3) << 1.0 << rgb(128, 128, 128);
        QTest::addRow("alpha times opacity") << rgb(0, 0, 0) << qint64(3) << 0.5 << rgb(64, 64, 64);
        QTest::addRow("opacity 0") << rgb(100, 100, 100) << qint64(1) << 0.0 << rgb(100, 100, 100);
        QTest::addRow("opacity above 1 clamped") << rgb(100, 100, 100) << qint64(1) << 2.0 << rgb(200, 0, 50);
        QTest::addRow("negative opacity clamped")
            << rgb(100, 100, 100) << qint64(1) << -1.0 << rgb(100, 100, 100);
        QTest::addRow("NaN opacity: nothing")
            << rgb(100, 100, 100) << qint64(1) << kNaN << rgb(100, 100, 100);
        QTest::addRow("background") << rgb(100, 100, 100) << qint64(0) << 1.0 << rgb(100, 100, 100);
    }
    void overlay()
    {
        QFETCH(QRgb, below);
        QFETCH(qint64, label);
        QFETCH(double, opacity);
        QFETCH(QRgb, expected);
        const LabelPalette palette(
            imageLabel({{1, {200, 0, 50, 255}}, {2, {240, 0, 0, 255}}, {3, {255, 255, 255, 128}}}));
        QImage image(1, 1, QImage::Format_RGB32);
        image.setPixel(0, 0, below);
        overlayLabels(image, {label}, 1, 1, opacity, palette);
        QCOMPARE(QColor(image.pixel(0, 0)), QColor(expected));
    }

    void overlayLayout()
    {
        // 2 x 3: the label at (y 0, x 2) colours pixel (2, 0) and no other.
        QImage image(3, 2, QImage::Format_RGB32);
        image.fill(qRgb(10, 10, 10));
        overlayLabels(image, {0, 0, 5, 0, 0, 0}, 2, 3, 1.0,
                      LabelPalette(imageLabel({{5, {0, 0, 255, 255}}})));
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 3; ++x) {
                const QRgb expected = x == 2 && y == 0 ? qRgb(0, 0, 255) : qRgb(10, 10, 10);
                QCOMPARE(QColor(image.pixel(x, y)), QColor(expected));
            }
        }
    }

    void overlayRefused_data()
    {
        QTest::addColumn<int>("format"); // a QImage::Format
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("labelCount");
        QTest::addRow("ARGB32") << int(QImage::Format_ARGB32) << 2 << 2 << 4;
        QTest::addRow("height differs") << int(QImage::Format_RGB32) << 1 << 4 << 4;
        QTest::addRow("width differs") << int(QImage::Format_RGB32) << 4 << 1 << 4;
        QTest::addRow("labels short") << int(QImage::Format_RGB32) << 2 << 2 << 3;
        QTest::addRow("labels long") << int(QImage::Format_RGB32) << 2 << 2 << 5;
        QTest::addRow("only width differs") << int(QImage::Format_RGB32) << 2 << 1 << 2;
        QTest::addRow("only height differs") << int(QImage::Format_RGB32) << 1 << 2 << 2;
    }
    void overlayRefused()
    {
        QFETCH(int, format);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(int, labelCount);
        QImage image(2, 2, QImage::Format(format));
        image.fill(qRgb(10, 10, 10));
        const QImage before = image;
        overlayLabels(image, Labels(std::size_t(labelCount), 1), height, width, 1.0, LabelPalette());
        QCOMPARE(image, before);
    }

    void modelContents()
    {
        ChannelListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLooks(
            {full("DAPI", Qt::red, 10, 100, 0, 1000), full("GFP", QColor(0, 128, 255), 1, 2, 0, 3, false)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ChannelListModel::ColumnCount));
        const QStringList headers{"Shown", "Channel", "Colour", "Start", "End"};
        for (int c = 0; c < headers.size(); ++c)
            QCOMPARE(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString(), headers[c]);
        QCOMPARE(model.data(model.index(0, ChannelListModel::ShownColumn), Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QCOMPARE(model.data(model.index(1, ChannelListModel::ShownColumn), Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        QCOMPARE(model.data(model.index(1, ChannelListModel::ChannelColumn), Qt::DisplayRole).toString(),
                 QStringLiteral("GFP"));
        QCOMPARE(model.data(model.index(1, ChannelListModel::ColourColumn), Qt::DisplayRole).toString(),
                 QStringLiteral("#0080FF"));
        QCOMPARE(
            model.data(model.index(1, ChannelListModel::ColourColumn), Qt::DecorationRole).value<QColor>(),
            QColor(0, 128, 255));
        const QVariant start = model.data(model.index(0, ChannelListModel::StartColumn), Qt::DisplayRole);
        QCOMPARE(start.typeId(), int(QMetaType::Double));
        QCOMPARE(start.toDouble(), 10.0);
        QCOMPARE(model.data(model.index(0, ChannelListModel::EndColumn), Qt::EditRole).toDouble(), 100.0);
        QVERIFY(model.flags(model.index(0, ChannelListModel::ShownColumn)) & Qt::ItemIsUserCheckable);
        QVERIFY(!(model.flags(model.index(0, ChannelListModel::ShownColumn)) & Qt::ItemIsEditable));
        for (int c = ChannelListModel::ChannelColumn; c < ChannelListModel::ColumnCount; ++c)
            QVERIFY(model.flags(model.index(0, c)) & Qt::ItemIsEditable);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &ChannelListModel::looksChanged);
        model.setLooks({});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(changed.count(), 0); // setting the looks is not an edit
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.looks().empty());
    }

    void modelEdits_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("role");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QVariant>("shown"); // data(Qt::DisplayRole, or CheckStateRole in Shown) after
        // The row edited: "DAPI", red, window 10..100 in 0..1000, shown.
        const int shown = ChannelListModel::ShownColumn, channel = ChannelListModel::ChannelColumn,
                  colour = ChannelListModel::ColourColumn, start = ChannelListModel::StartColumn,
                  end = ChannelListModel::EndColumn;
        const int check = Qt::CheckStateRole, edit = Qt::EditRole;
        const QVariant checked = int(Qt::Checked), unchecked = int(Qt::Unchecked);
        QTest::addRow("hide") << shown << check << unchecked << true << unchecked;
        QTest::addRow("hide, as a CheckState")
            << shown << check << QVariant::fromValue(Qt::Unchecked) << true << unchecked;
        QTest::addRow("show, already shown") << shown << check << checked << true << checked;
        QTest::addRow("partially refused")
            << shown << check << QVariant(int(Qt::PartiallyChecked)) << false << checked;
        QTest::addRow("shown by edit role refused") << shown << edit << unchecked << false << checked;
        QTest::addRow("rename") << channel << edit << QVariant("Nuclei") << true << QVariant("Nuclei");
        QTest::addRow("rename trimmed")
            << channel << edit << QVariant(" Nuclei ") << true << QVariant("Nuclei");
        QTest::addRow("empty name refused") << channel << edit << QVariant("  ") << false << QVariant("DAPI");
        QTest::addRow("#RRGGBB") << colour << edit << QVariant("#00FF00") << true << QVariant("#00FF00");
        QTest::addRow("rrggbb") << colour << edit << QVariant("00ff80") << true << QVariant("#00FF80");
        QTest::addRow("QColor") << colour << edit << QVariant(QColor(Qt::blue)) << true
                                << QVariant("#0000FF");
        QTest::addRow("QColor's alpha dropped")
            << colour << edit << QVariant(QColor(0, 0, 255, 10)) << true << QVariant("#0000FF");
        QTest::addRow("same colour") << colour << edit << QVariant("#FF0000") << true << QVariant("#FF0000");
        QTest::addRow("colour name refused")
            << colour << edit << QVariant("green") << false << QVariant("#FF0000");
        QTest::addRow("five digits refused")
            << colour << edit << QVariant("#12345") << false << QVariant("#FF0000");
        QTest::addRow("seven digits refused")
            << colour << edit << QVariant("1234567") << false << QVariant("#FF0000");
        QTest::addRow("not hex refused")
            << colour << edit << QVariant("GG0000") << false << QVariant("#FF0000");
        QTest::addRow("signed refused")
            << colour << edit << QVariant("+FFFFF") << false << QVariant("#FF0000");
        QTest::addRow("invalid QColor refused")
            << colour << edit << QVariant(QColor()) << false << QVariant("#FF0000");
        QTest::addRow("number refused") << colour << edit << QVariant(42) << false << QVariant("#FF0000");
        QTest::addRow("start inside") << start << edit << QVariant(50.0) << true << QVariant(50.0);
        QTest::addRow("start as text") << start << edit << QVariant("20.5") << true << QVariant(20.5);
        QTest::addRow("start at min") << start << edit << QVariant(0.0) << true << QVariant(0.0);
        QTest::addRow("start below min refused")
            << start << edit << QVariant(-1.0) << false << QVariant(10.0);
        QTest::addRow("start = end refused") << start << edit << QVariant(100.0) << false << QVariant(10.0);
        QTest::addRow("start > end refused") << start << edit << QVariant(150.0) << false << QVariant(10.0);
        QTest::addRow("start NaN refused") << start << edit << QVariant(kNaN) << false << QVariant(10.0);
        QTest::addRow("start not a number refused")
            << start << edit << QVariant("abc") << false << QVariant(10.0);
        QTest::addRow("end inside") << end << edit << QVariant(500.0) << true << QVariant(500.0);
        QTest::addRow("end at max") << end << edit << QVariant(1000.0) << true << QVariant(1000.0);
        QTest::addRow("end above max refused") << end << edit << QVariant(1000.5) << false << QVariant(100.0);
        QTest::addRow("end = start refused") << end << edit << QVariant(10.0) << false << QVariant(100.0);
        QTest::addRow("end < start refused") << end << edit << QVariant(5.0) << false << QVariant(100.0);
        QTest::addRow("end infinite refused") << end << edit << QVariant(kInf) << false << QVariant(100.0);
        QTest::addRow("window by display role refused")
            << end << int(Qt::DisplayRole) << QVariant(500.0) << false << QVariant(100.0);
    }
    void modelEdits()
    {
        QFETCH(int, column);
        QFETCH(int, role);
        QFETCH(QVariant, value);
        QFETCH(bool, accepted);
        QFETCH(QVariant, shown);
        ChannelListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ChannelLook other = full("GFP", Qt::green, 1, 2, 0, 3);
        model.setLooks({other, full("DAPI", Qt::red, 10, 100, 0, 1000)});
        const ChannelLook before = model.looks()[1];
        const QModelIndex index = model.index(1, column);
        QStringList order; // dataChanged first, so a redraw on looksChanged sees a consistent model
        connect(&model, &QAbstractItemModel::dataChanged, this, [&] { order << "dataChanged"; });
        connect(&model, &ChannelListModel::looksChanged, this, [&] { order << "looksChanged"; });
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy looksChanged(&model, &ChannelListModel::looksChanged);

        QCOMPARE(model.setData(index, value, role), accepted);
        const int readRole = column == ChannelListModel::ShownColumn ? Qt::CheckStateRole : Qt::DisplayRole;
        const QVariant after = model.data(index, readRole);
        if (shown.typeId() == QMetaType::Double) {
            QCOMPARE(after.toDouble(), shown.toDouble());
        } else if (column == ChannelListModel::ShownColumn) {
            QCOMPARE(after.toInt(), shown.toInt());
        } else {
            QCOMPARE(after.toString(), shown.toString());
        }
        const ChannelLook &now = model.looks()[1];
        const bool differs = now.active != before.active || now.label != before.label ||
                             now.color != before.color || now.start != before.start || now.end != before.end;
        QVERIFY(accepted || !differs); // refused: nothing changed
        QCOMPARE(model.looks()[0].label, other.label);
        QCOMPARE(model.looks()[0].color, other.color);
        QCOMPARE(now.min, before.min);
        QCOMPARE(now.max, before.max);
        if (!differs) {
            QCOMPARE(dataChanged.count(), 0);
            QCOMPARE(looksChanged.count(), 0);
            return;
        }
        QCOMPARE(order, QStringList({"dataChanged", "looksChanged"}));
        QCOMPARE(dataChanged.first().at(0).toModelIndex(), index);
        QCOMPARE(dataChanged.first().at(1).toModelIndex(), index);
        const auto roles = dataChanged.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(readRole));
    }

    void modelToggleTwice()
    {
        ChannelListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLooks({full("a", Qt::red, 0, 1, 0, 1), full("b", Qt::green, 0, 1, 0, 1)});
        QSignalSpy looksChanged(&model, &ChannelListModel::looksChanged);
        const QModelIndex shown = model.index(0, ChannelListModel::ShownColumn);
        QVERIFY(model.setData(shown, int(Qt::Unchecked), Qt::CheckStateRole));
        QVERIFY(!model.looks()[0].active);
        QVERIFY(model.looks()[1].active);
        QVERIFY(model.setData(shown, int(Qt::Checked), Qt::CheckStateRole));
        QVERIFY(model.looks()[0].active);
        QCOMPARE(looksChanged.count(), 2);
        // Out of the table: refused, no signal.
        QVERIFY(!model.setData(model.index(5, 0), int(Qt::Checked), Qt::CheckStateRole));
        QVERIFY(!model.setData(QModelIndex(), int(Qt::Checked), Qt::CheckStateRole));
        QCOMPARE(looksChanged.count(), 2);
    }
};

QTEST_MAIN(TestOmeLooks)
#include "tst_ome_looks.moc"
