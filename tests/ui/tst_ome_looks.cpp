// The OME-Zarr view's building blocks, without a store or a widget: the composite of channels
// through their windows.

#include "ome/Composite.h"

#include <QtTest>
#include <cmath>
#include <limits>

using namespace zs;
using namespace zs::omeview;

using Looks = std::vector<ChannelLook>;
using Values = std::vector<double>;
Q_DECLARE_METATYPE(Looks)
Q_DECLARE_METATYPE(Values)
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

PlaneStack pixel(Values values)
{
    return PlaneStack{int(values.size()), 1, 1, std::move(values)};
}

QRgb rgb(int r, int g, int b)
{
    return qRgb(r, g, b);
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
};

QTEST_MAIN(TestOmeLooks)
#include "tst_ome_looks.moc"
