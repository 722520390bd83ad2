// The pieces the Data tab names positions with, without a store: coordinate text (dates,
// degrees), spacing, jumping to a typed value, the coordinate ticker, titles and the raw read-out.

#include "CellReadout.h"
#include "CoordinateTicker.h"

#include <QtTest>
#include <cmath>

using namespace zs;

namespace {

AxisCoordinate coordinate(QString name, QString units, std::vector<double> values)
{
    AxisCoordinate c;
    c.name = std::move(name);
    c.units = std::move(units);
    c.values = std::move(values);
    return c;
}

AxisCoordinate days(std::vector<double> values)
{
    AxisCoordinate c =
        coordinate(QStringLiteral("time"), QStringLiteral("days since 1981-01-01"), std::move(values));
    c.time = *cf::TimeCoder::create(c.units, QStringLiteral("standard"));
    return c;
}

} // namespace

class TestAxisCoordinate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<QString>("units");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::addRow("north") << "degrees_north" << 12.5 << "12.50° N";
        QTest::addRow("south") << "degree_north" << -12.5 << "12.50° S";
        QTest::addRow("east") << "degrees_east" << 30.25 << "30.25° E";
        QTest::addRow("west") << "degrees_E" << -30.25 << "30.25° W";
        QTest::addRow("equator") << "degrees_north" << -0.001 << "0.00°";
        QTest::addRow("metres") << "m" << 5.0 << "5 m";
        QTest::addRow("no units") << "" << 0.125 << "0.125";
        QTest::addRow("masked") << "m" << qQNaN() << "masked";
    }
    void text()
    {
        QFETCH(QString, units);
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(coordinateText(coordinate(QStringLiteral("c"), units, {value}), value), expected);
    }

    void datesAndJumps()
    {
        const AxisCoordinate t = days({7821, 7822, 7823}); // 2002-06-01 ... 03
        QCOMPARE(coordinateTextAt(t, 0), QStringLiteral("2002-06-01"));
        QCOMPARE(coordinateTextAt(t, 2), QStringLiteral("2002-06-03"));
        QCOMPARE(coordinateTextAt(t, 3), QString());
        QCOMPARE(*indexForText(t, QStringLiteral("2002-06-02")), std::uint64_t(1));
        QCOMPARE(*indexForText(t, QStringLiteral("2002-06-02T13:00")), std::uint64_t(2));
        QCOMPARE(*indexForText(t, QStringLiteral("1990-01-01")), std::uint64_t(0)); // before: the first
        QVERIFY(!indexForText(t, QStringLiteral("2002-02-30")).ok());               // no such day
        const AxisCoordinate depth =
            coordinate(QStringLiteral("depth"), QStringLiteral("m"), {0, 5, qQNaN(), 20});
        QCOMPARE(*indexForText(depth, QStringLiteral("14")), std::uint64_t(3));
        QCOMPARE(*indexForText(depth, QStringLiteral("6 m")), std::uint64_t(1));
        QVERIFY(!indexForText(depth, QStringLiteral("deep")).ok());
    }

    void spacing()
    {
        auto r = regularSpacing({85, 75, 65, 55});
        QVERIFY(r);
        QCOMPARE(r->start, 85.0);
        QCOMPARE(r->step, -10.0);
        QVERIFY(!regularSpacing({0, 5, 10, 20}));
        QVERIFY(!regularSpacing({1}));
        QVERIFY(!regularSpacing({1, 1, 1}));
        QVERIFY(increasesWithIndex({-85, 85}));
        QVERIFY(!increasesWithIndex({85, -85}));
    }

    // Falling values: ticks still ascend in index, each at the position its value has.
    void tickerOnFallingRegularValues()
    {
        CoordinateTicker ticker(coordinate(QStringLiteral("lat"), QStringLiteral("degrees_north"),
                                           {85, 75, 65, 55, 45, 35, 25, 15, 5, -5, -15}));
        QVERIFY(ticker.isRegular());
        QVector<double> ticks;
        QVector<QString> labels;
        ticker.generate(QCPRange(-0.5, 10.5), QLocale::c(), u'g', 6, ticks, nullptr, &labels);
        QVERIFY(ticks.size() >= 3);
        QCOMPARE(labels.size(), ticks.size());
        for (int i = 0; i < ticks.size(); ++i) {
            if (i > 0) QVERIFY(ticks[i] > ticks[i - 1]);
            const double lat = 85 - 10 * ticks[i];
            QCOMPARE(labels[i],
                     lat == 0
                         ? QStringLiteral("0°")
                         : QStringLiteral("%1° %2").arg(std::abs(lat)).arg(QChar(lat < 0 ? u'S' : u'N')));
        }
    }

    void tickerOnDates()
    {
        std::vector<double> values;
        values.reserve(40);
        for (int i = 0; i < 40; ++i)
            values.push_back(7821 + i);
        CoordinateTicker ticker(days(values));
        QVERIFY(!ticker.isRegular()); // dates label whole cells
        QVector<double> ticks;
        QVector<QString> labels;
        ticker.generate(QCPRange(-0.5, 39.5), QLocale::c(), u'g', 6, ticks, nullptr, &labels);
        QVERIFY(!ticks.isEmpty());
        for (int i = 0; i < ticks.size(); ++i) {
            QCOMPARE(ticks[i], std::round(ticks[i]));
            QCOMPARE(labels[i], QDate(2002, 6, 1).addDays(qint64(ticks[i])).toString(Qt::ISODate));
        }
    }

    void titles()
    {
        QCOMPARE(axisTitle(coordinate(QStringLiteral("lat"), QStringLiteral("degrees_north"), {1}),
                           QStringLiteral("d")),
                 QStringLiteral("lat [degrees_north]"));
        QCOMPARE(axisTitle(days({1}), QStringLiteral("d")), QStringLiteral("time"));
        QCOMPARE(axisTitle(AxisCoordinate{}, QStringLiteral("dim 0")), QStringLiteral("dim 0"));
        QCOMPARE(
            valueTitle(QStringLiteral("sea surface temperature"), QStringLiteral("K"), QStringLiteral("sst")),
            QStringLiteral("sea surface temperature [K]"));
        QCOMPARE(valueTitle({}, {}, QStringLiteral("sst")), QStringLiteral("sst"));
    }

    void rawReadout()
    {
        CellReadoutInput in;
        in.index = {3, 7, 9};
        in.dimensionNames = {QStringLiteral("time"), QStringLiteral("lat"), QStringLiteral("lon")};
        in.shown = -32768;
        QCOMPARE(cellReadoutText(in), QStringLiteral("time 3   lat 7   lon 9   value -32768"));
    }
};

QTEST_MAIN(TestAxisCoordinate)
#include "tst_axis_coordinate.moc"
