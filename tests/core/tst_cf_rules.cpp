// Issue 15, core/cf rules that need no store: the decoded float type by xarray 2023.01's rules
// (coding/variables.py: masking promotes, then _choose_float_dtype), decoding in that precision,
// byte order, flags and where names are looked up. The end-to-end comparison with xarray itself
// is tst_cli_conventions.

#include "cf/DecodedType.h"
#include "cf/Flags.h"
#include "cf/NodeLookup.h"
#include "cf/ValueConventions.h"
#include "cf/ValueDecoder.h"

#include <QTest>
#include <cmath>
#include <cstring>

using namespace zs;

static DataType type(DataType::Kind kind, std::size_t size, ByteOrder order = ByteOrder::Little)
{
    DataType t;
    t.kind = kind;
    t.size = size;
    t.order = size == 1 ? ByteOrder::NotApplicable : order;
    return t;
}

static NodeMetadata arrayNode(const DataType &dtype, const nlohmann::json &attrs,
                              const nlohmann::json &fill = nullptr)
{
    NodeMetadata n;
    n.kind = NodeMetadata::Kind::Array;
    n.attributes = attrs;
    ArrayMetadata a;
    a.shape = {4};
    a.chunks = {4};
    a.dtype = dtype;
    a.fillJson = fill;
    if (!fill.is_null()) {
        a.fill.resize(qsizetype(dtype.size));
        const std::int64_t v = fill.get<std::int64_t>();
        std::memcpy(a.fill.data(), &v, dtype.size); // little-endian host, small values
    }
    n.array = a;
    return n;
}

class TestCfRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodedType_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("masks");
        QTest::addColumn<bool>("unpacks");
        QTest::addColumn<bool>("offset");
        QTest::addColumn<int>("want"); // bytes of the float, 0: nothing decoded
        using K = DataType::Kind;
        QTest::newRow("int16 fill+scale+offset") << int(K::Int) << 2 << true << true << true << 4;
        QTest::newRow("int16 scale+offset") << int(K::Int) << 2 << false << true << true << 8;
        QTest::newRow("int16 scale") << int(K::Int) << 2 << false << true << false << 4;
        QTest::newRow("int32 scale") << int(K::Int) << 4 << false << true << false << 8;
        QTest::newRow("int32 fill") << int(K::Int) << 4 << true << false << false << 8;
        QTest::newRow("uint8 fill") << int(K::UInt) << 1 << true << false << false << 4;
        QTest::newRow("float16 fill") << int(K::Float) << 2 << true << false << false << 2;
        QTest::newRow("float16 scale") << int(K::Float) << 2 << false << true << true << 4;
        QTest::newRow("float32 fill+offset") << int(K::Float) << 4 << true << true << true << 4;
        QTest::newRow("float64 scale") << int(K::Float) << 8 << false << true << false << 8;
        QTest::newRow("bool fill") << int(K::Bool) << 1 << true << false << false << 0;
        QTest::newRow("nothing") << int(K::Int) << 2 << false << false << false << 0;
    }
    void decodedType()
    {
        QFETCH(int, kind);
        QFETCH(int, size);
        QFETCH(bool, masks);
        QFETCH(bool, unpacks);
        QFETCH(bool, offset);
        QFETCH(int, want);
        QString why;
        const auto t =
            cf::decodedTypeOf(type(DataType::Kind(kind), std::size_t(size)), masks, unpacks, offset, &why);
        QCOMPARE(t ? int(t->size) : 0, want);
        if (t) QVERIFY(t->kind == DataType::Kind::Float);
    }

    // Packed int16 with a fill value decodes in float32, one rounding per operation, as NumPy does.
    void decodesInFloat32()
    {
        const auto node = arrayNode(type(DataType::Kind::Int, 2),
                                    {{"scale_factor", 0.001}, {"add_offset", 298.15}}, -32768);
        const auto v = cf::resolveValueConventions(node);
        auto d = cf::ValueDecoder::make(v);
        QVERIFY(d);
        const std::int16_t raw[3] = {-32768, 1234, -5};
        float out[3];
        d->decode(reinterpret_cast<const char *>(raw), 3, reinterpret_cast<char *>(out));
        QVERIFY(std::isnan(out[0]));
        QCOMPARE(out[1], float(1234.0f * 0.001f) + 298.15f);
        QCOMPARE(out[2], float(-5.0f * 0.001f) + 298.15f);
    }

    // Big-endian stored values (v2 ">i2") are read in their byte order; missing_value lists mask.
    void bigEndianAndMissingValueList()
    {
        const auto node =
            arrayNode(type(DataType::Kind::Int, 2, ByteOrder::Big), {{"missing_value", {-1, -2}}});
        const auto v = cf::resolveValueConventions(node);
        QCOMPARE(v.missing.fillValues.size(), std::size_t(2));
        auto d = cf::ValueDecoder::make(v);
        QVERIFY(d);
        const unsigned char raw[6] = {0xff, 0xff, 0xff, 0xfe, 0x01, 0x00}; // -1, -2, 256
        double out[3];
        d->decode(reinterpret_cast<const char *>(raw), 3, out);
        QVERIFY(std::isnan(out[0]) && std::isnan(out[1]));
        QCOMPARE(out[2], 256.0);
    }

    // Stored values outside valid_range, or below valid_min / above valid_max, are missing (CF
    // 2.5.1, packed units; beyond xarray 2023.01, which masks neither): the bounds themselves stay.
    void validRangeMasksOutside_data()
    {
        QTest::addColumn<QString>("attributes");
        QTest::addColumn<QList<bool>>("masked"); // of the stored values -1, 0, 10, 11
        QTest::addRow("valid_range") << R"({"valid_range": [0, 10]})"
                                     << QList<bool>{true, false, false, true};
        QTest::addRow("valid_min") << R"({"valid_min": 0})" << QList<bool>{true, false, false, false};
        QTest::addRow("valid_max") << R"({"valid_max": 10})" << QList<bool>{false, false, false, true};
        QTest::addRow("range over min")
            << R"({"valid_range": [0, 10], "valid_min": -5})" << QList<bool>{true, false, false, true};
        QTest::addRow("packed") << R"({"valid_range": [0, 10], "scale_factor": 0.5})"
                                << QList<bool>{true, false, false, true};
    }
    void validRangeMasksOutside()
    {
        QFETCH(QString, attributes);
        QFETCH(QList<bool>, masked);
        const auto v = cf::resolveValueConventions(
            arrayNode(type(DataType::Kind::Int, 2), nlohmann::json::parse(attributes.toStdString())));
        QVERIFY(v.decodes());
        QCOMPARE(v.decodedType->numpyTypeString(), QStringLiteral("<f4")); // as xarray masks int16
        QVERIFY(std::any_of(v.applied.begin(), v.applied.end(),
                            [](const cf::Decision &d) { return d.what == QStringLiteral("valid_range"); }));
        auto d = cf::ValueDecoder::make(v);
        QVERIFY(d);
        const std::int16_t stored[4] = {-1, 0, 10, 11};
        double out[4];
        d->decode(reinterpret_cast<const char *>(stored), 4, out);
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::isnan(out[i]) == masked[i], qPrintable(QString::number(stored[i])));
    }

    void flagNames()
    {
        cf::Decisions applied, refused;
        const auto f = cf::resolveFlags({{"flag_values", {0, 1, 2}}, {"flag_meanings", "water land  ice"}},
                                        applied, refused);
        QVERIFY(f);
        QCOMPARE(cf::flagName(*f, 2), QStringLiteral("ice"));
        QCOMPARE(cf::flagName(*f, 7), QString());
        const auto m = cf::resolveFlags({{"flag_masks", {1, 2, 4}}, {"flag_meanings", "cloud snow sun"}},
                                        applied, refused);
        QCOMPARE(cf::flagName(*m, 5), QStringLiteral("cloud sun"));
        QVERIFY(!cf::resolveFlags({{"flag_values", {0, 1}}, {"flag_meanings", "one"}}, applied, refused));
        QVERIFY(refused.back().why.contains(QStringLiteral("do not match")));
    }

    void lookupOrder()
    {
        QCOMPARE(cf::enclosingGroups(QStringLiteral("a/b/v")),
                 QStringList({QStringLiteral("a/b"), QStringLiteral("a"), QString()}));
        QCOMPARE(cf::enclosingGroups(QStringLiteral("v")), QStringList({QString()}));
        QCOMPARE(cf::childPath(QString(), QStringLiteral("lat")), QStringLiteral("lat"));
    }
};

QTEST_GUILESS_MAIN(TestCfRules)
#include "tst_cf_rules.moc"
