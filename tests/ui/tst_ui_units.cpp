// The UI's pure parts: element conversion from every dtype, percentile ranges, viewport
// sampling within a chunk budget, colour maps.

#include "ColorMaps.h"
#include "DataRange.h"
#include "ValueConverter.h"
#include "ViewportSampler.h"

#include <QtTest>
#include <cmath>

using namespace zs;

class TestUiUnits : public QObject
{
    Q_OBJECT
private:
    static DataType type(const char *typestr) { return *parseNumpyTypeString(QString::fromLatin1(typestr)); }

private Q_SLOTS:
    void convertsEveryNumericType()
    {
        const char be32[] = {0x00, 0x00, 0x01, 0x02};
        QCOMPARE(elementToDouble(be32, type(">i4")), 258.0);
        const char le16[] = {char(0xfe), char(0xff)};
        QCOMPARE(elementToDouble(le16, type("<i2")), -2.0);
        QCOMPARE(elementToDouble(le16, type("<u2")), 65534.0);
        const qfloat16 h(1.5f);
        QCOMPARE(elementToDouble(reinterpret_cast<const char *>(&h), type("<f2")), 1.5);
        const char b = 1;
        QCOMPARE(elementToDouble(&b, type("|b1")), 1.0);
        const double d = -0.25;
        QCOMPARE(elementToDouble(reinterpret_cast<const char *>(&d), type("<f8")), -0.25);
        char bigDouble[8];
        std::memcpy(bigDouble, &d, 8);
        std::reverse(bigDouble, bigDouble + 8);
        QCOMPARE(elementToDouble(bigDouble, type(">f8")), -0.25);
        const float c[2] = {3.f, 4.f};
        QCOMPARE(elementToDouble(reinterpret_cast<const char *>(c), type("<c8"), ComplexPart::Magnitude),
                 5.0);
        QCOMPARE(elementToDouble(reinterpret_cast<const char *>(c), type("<c8"), ComplexPart::Phase),
                 std::atan2(4.0, 3.0));
        QCOMPARE(elementToDouble(reinterpret_cast<const char *>(c), type("<c8"), ComplexPart::Imaginary),
                 4.0);
        const quint64 big = quint64(1) << 63;
        QCOMPARE(elementToDouble(reinterpret_cast<const char *>(&big), type("<u8")), 9223372036854775808.0);

        QVERIFY(!isPlottable(type("|S4")));
        double out[3];
        convertToDoubles("abcdefgh", 2, type("|S4"), ComplexPart::Magnitude, out);
        QVERIFY(std::isnan(out[0]) && std::isnan(out[1]));
        const float f[3] = {1.f, NAN, -2.f};
        convertToDoubles(reinterpret_cast<const char *>(f), 3, type("<f4"), ComplexPart::Magnitude, out);
        QCOMPARE(out[0], 1.0);
        QVERIFY(std::isnan(out[1]));
        QCOMPARE(out[2], -2.0);
    }

    void percentileRangeClipsOutliers()
    {
        std::vector<double> v(1000);
        for (int i = 0; i < 1000; ++i)
            v[std::size_t(i)] = i;
        v[0] = -1e9;
        v[999] = 1e9;
        v[500] = NAN;
        const ValueRange r = percentileRange(v, 2, 98);
        QVERIFY(r.valid);
        QVERIFY(r.lower > 10 && r.lower < 30);
        QVERIFY(r.upper > 970 && r.upper < 990);
        QVERIFY(!percentileRange({NAN, INFINITY}).valid);
        const ValueRange flat = percentileRange({2, 2, 2});
        QVERIFY(flat.valid && flat.lower < 2 && flat.upper > 2);
    }

    void smallArraysAreReadWhole()
    {
        SampleRequest r{{6, 8}, {4, 4}, 4, {0, 0}, 1, 0, {0, 8, 400}, {0, 6, 300}};
        const Selection s = sampleSelection(r);
        QCOMPARE(s.dims[0].step, std::uint64_t(1));
        QCOMPARE(s.dims[0].count, std::uint64_t(6));
        QCOMPARE(s.dims[1].count, std::uint64_t(8));
    }

    void hugeArraysStayWithinBudget()
    {
        // 100000 x 100000 float32 in 1000 x 1000 chunks: 40 GB stored; the overview must not read it all.
        SampleRequest r{{100000, 100000}, {1000, 1000}, 4, {0, 0}, 1, 0, {0, 100000, 1000}, {0, 100000, 800}};
        const Selection s = sampleSelection(r);
        QVERIFY(touchedChunkBytes(s, r.chunks, 4) <= r.chunkByteBudget);
        QVERIFY(s.dims[0].count >= 2 && s.dims[1].count >= 2);
        QVERIFY(s.dims[1].count <= 2000);
        // Zoomed in to 500 x 400 elements: every element, 1 or 2 chunks per side.
        r.x = {40000, 40500, 1000};
        r.y = {7000, 7400, 800};
        const Selection z = sampleSelection(r);
        QCOMPARE(z.dims[1].step, std::uint64_t(1));
        QCOMPARE(z.dims[1].start, std::uint64_t(40000));
        QCOMPARE(z.dims[1].count, std::uint64_t(500));
        QCOMPARE(z.dims[0].count, std::uint64_t(400));
    }

    void fixedDimensionsAreDropped()
    {
        SampleRequest r{{10, 20, 30}, {5, 5, 5}, 8, {7, 0, 0}, 2, 1, {0, 30, 300}, {0, 20, 300}};
        const Selection s = sampleSelection(r);
        QVERIFY(s.dims[0].dropped);
        QCOMPARE(s.dims[0].start, std::uint64_t(7));
        QCOMPARE(s.resultShape(), (Shape{20, 30}));
        QCOMPARE(chunksTouchedAlong(DimSelection{0, 5, 4, false}, 5), std::uint64_t(4));
        QCOMPARE(chunksTouchedAlong(DimSelection{3, 1, 4, false}, 5), std::uint64_t(2));
    }

    void colorMaps()
    {
        QCOMPARE(colorMapNames(), (QStringList{"viridis", "magma", "cividis", "plasma", "inferno", "turbo",
                                               "twilight", "gray", "gray (reversed)", "coolwarm"}));
        for (const QString &name : colorMapNames()) {
            const QCPColorGradient g = colorGradient(name);
            QVERIFY(g.colorStops().size() >= 2);
        }
        QCOMPARE(colorGradient(QStringLiteral("gray")).color(0, QCPRange(0, 1)), QColor(Qt::black).rgb());
    }
};

QTEST_MAIN(TestUiUnits)
#include "tst_ui_units.moc"
