// The demo store the build writes: what `zarrscope --demo` opens must be there and right (read by
// the core and, independently, by zarrita), and `zarrscope-cli demo` must show the concurrency gain
// on it over real loopback HTTP. Its sst/sst is CF-packed int16 with a land mask: `get --decode`
// must give what the generator computed, and `info` must say what was applied.

#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "selection/Selection.h"
#include "store/StoreFactory.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <nlohmann/json.hpp>

using namespace zs;
using json = nlohmann::json;

class TestDemoStore : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<Store> m_store;

    Result<NdArray> readAll(const QString &path, NodeMetadata *nodeOut = nullptr)
    {
        ZS_TRY(NodeMetadata node, loadNode(*m_store, path));
        if (!node.isArray()) return makeError(QStringLiteral("not an array"), path);
        if (nodeOut) *nodeOut = node;
        return readSelection(m_store, path, *node.array, Selection::all(node.array->shape));
    }

    // zarrita's bytes for the whole array (C order, little-endian).
    QByteArray readWithZarrita(const QString &path)
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(ZS_NODE),
                {QStringLiteral(ZS_SOURCE_DIR "/tests/js/read_v3.mjs"), QStringLiteral(ZS_DEMO_STORE), path,
                 dir.filePath(QStringLiteral("out.bin"))});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning("zarrita: %s", p.readAllStandardError().constData());
            return {};
        }
        QFile f(dir.filePath(QStringLiteral("out.bin")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto s = openStore(QStringLiteral(ZS_DEMO_STORE));
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
        m_store = *s;
    }

    void hierarchy()
    {
        auto cons = loadConsolidated(*m_store);
        QVERIFY(cons && cons->has_value()); // one request lists it over HTTP
        auto nodes = listNodes(*m_store);
        QVERIFY2(nodes, qPrintable(nodes ? QString() : nodes.error().toString()));
        QStringList paths;
        for (const auto &n : *nodes)
            paths << n.path;
        for (const char *want : {"", "sst", "sst/time", "sst/lat", "sst/lon", "sst/sst", "elevation",
                                 "regions", "regions/atlantic/sst_mean", "regions/pacific/sst_mean"})
            QVERIFY2(paths.contains(QLatin1String(want)), want);
    }

    void timeIsTheSeedCase()
    {
        NodeMetadata node;
        auto time = readAll(QStringLiteral("sst/time"), &node);
        QVERIFY2(time, qPrintable(time ? QString() : time.error().toString()));
        QCOMPARE(node.array->shape, Shape{6443});
        QCOMPARE(node.array->chunks, Shape{5});
        QCOMPARE(node.array->dtype.numpyTypeString(), QStringLiteral("<i8"));
        for (qint64 i = 0; i < 6443; ++i) {
            qint64 v;
            std::memcpy(&v, time->data.constData() + i * 8, 8);
            QCOMPARE(v, i);
        }
        QVERIFY(node.attributes["units"] == json("days since 2000-01-01"));
    }

    void fieldHasNamedDimensions()
    {
        auto node = loadNode(*m_store, QStringLiteral("sst/sst"));
        QVERIFY(node && node->isArray());
        QCOMPARE(node->array->shape, (Shape{6443, 24, 48}));
        QCOMPARE(node->array->chunks, (Shape{64, 24, 48}));
        QCOMPARE(node->array->dimensionNames, (QStringList{"time", "lat", "lon"}));
        QCOMPARE(node->array->dtype.numpyTypeString(), QStringLiteral("<i2"));
        QVERIFY(node->attributes["standard_name"] == json("sea_surface_temperature"));
        QVERIFY(node->attributes["units"] == json("degree_Celsius"));
        QVERIFY(node->attributes["scale_factor"] == json(0.01));
        QVERIFY(node->attributes["add_offset"] == json(15.0));
        // The attribute is what makes -32768 missing (a v3 fill_value alone is not, for xarray).
        QVERIFY(node->attributes["_FillValue"] == json(-32768));
        // A day's map: packed plausible sea-surface temperature (degrees C) or the land's fill.
        auto sel = parseSelection(QStringLiteral("100,:,:"), node->array->shape);
        QVERIFY(sel);
        auto day = readSelection(m_store, QStringLiteral("sst/sst"), *node->array, *sel);
        QVERIFY(day);
        const qint16 *v = reinterpret_cast<const qint16 *>(day->data.constData());
        int land = 0;
        for (int i = 0; i < 24 * 48; ++i) {
            if (v[i] == -32768) {
                ++land;
                continue;
            }
            const double celsius = v[i] * 0.01 + 15.0;
            QVERIFY2(celsius >= -1.81 && celsius < 35, qPrintable(QString::number(celsius)));
        }
        QVERIFY2(land > 24 && land < 24 * 48 / 2, qPrintable(QString::number(land)));
    }

    // `get --decode` against the generator's own decoding (xarray's rule: float32, NaN on land),
    // by tests/demo/check_demo_decode.py.
    void decodedAsGenerated_data()
    {
        QTest::addColumn<QString>("selection");
        QTest::addRow("one day") << QStringLiteral("100,:,:");
        QTest::addRow("across a chunk boundary") << QStringLiteral("60:70,:,:");
        QTest::addRow("the last days, strided") << QStringLiteral("6400:6443,::3,1:40:2");
    }
    void decodedAsGenerated()
    {
        QFETCH(QString, selection);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("sst.npy"));
        QProcess get;
        get.start(QStringLiteral(ZS_CLI), {QStringLiteral("get"), QStringLiteral(ZS_DEMO_STORE),
                                           QStringLiteral("sst/sst"), QStringLiteral("--select"), selection,
                                           QStringLiteral("--decode"), QStringLiteral("-o"), out});
        QVERIFY(get.waitForFinished(60000));
        QVERIFY2(get.exitCode() == 0, get.readAllStandardError().constData());
        QProcess check;
        check.start(QStringLiteral(ZS_DEBIAN_PYTHON),
                    {QStringLiteral(ZS_SOURCE_DIR "/tests/demo/check_demo_decode.py"), out, selection});
        QVERIFY(check.waitForFinished(60000));
        QVERIFY2(check.exitCode() == 0,
                 (check.readAllStandardOutput() + check.readAllStandardError()).constData());
    }

    // `info --json` says what the conventions layer applied to sst/sst and what sst/time means.
    void infoSaysWhatApplies()
    {
        auto info = [](const QString &array) {
            QProcess p;
            p.start(QStringLiteral(ZS_CLI),
                    {QStringLiteral("info"), QStringLiteral(ZS_DEMO_STORE), array, QStringLiteral("--json")});
            p.waitForFinished(60000);
            return p.exitCode() == 0 ? json::parse(p.readAllStandardOutput().toStdString(), nullptr, false)
                                     : json();
        };
        const json sst = info(QStringLiteral("sst/sst"));
        QVERIFY2(sst.is_object(), "info --json sst/sst failed");
        const json &cf = sst["cf"];
        QCOMPARE(cf["scale_factor"].get<double>(), 0.01);
        QCOMPARE(cf["add_offset"].get<double>(), 15.0);
        QVERIFY2(cf["fill_values"] == json::array({-32768.0}), cf.dump().c_str());
        QVERIFY(cf["decoded_dtype"] == json("<f4"));
        QVERIFY(cf["units"] == json("degree_Celsius"));
        QVERIFY2(cf["refused"].empty(), cf["refused"].dump().c_str());
        const json &dims = sst["dimensions"];
        QCOMPARE(dims.size(), std::size_t(3));
        QVERIFY(dims[0]["coordinate"] == json("sst/time"));
        QVERIFY2(dims[0]["first"] == json("2000-01-01") && dims[0]["last"] == json("2017-08-21"),
                 dims[0].dump().c_str());
        QVERIFY(dims[1]["coordinate"] == json("sst/lat") && dims[1]["units"] == json("degrees_north"));
        QVERIFY(dims[2]["coordinate"] == json("sst/lon") && dims[2]["units"] == json("degrees_east"));
        const json time = info(QStringLiteral("sst/time"));
        QVERIFY(time["cf"]["calendar"] == json("standard"));
        QVERIFY(time["cf"]["time_units"] == json("days since 2000-01-01"));
    }

    // The core and zarrita read the same bytes, sharded array included.
    void sameAsZarrita_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *p : {"sst/time", "sst/lat", "elevation", "regions/atlantic/sst_mean"})
            QTest::addRow("%s", p) << QString::fromLatin1(p);
    }
    void sameAsZarrita()
    {
        QFETCH(QString, path);
        NodeMetadata node;
        auto ours = readAll(path, &node);
        QVERIFY2(ours, qPrintable(ours ? QString() : ours.error().toString()));
        const QByteArray theirs = readWithZarrita(path);
        QVERIFY(!theirs.isEmpty());
        QCOMPARE(ours->data.size(), theirs.size());
        QVERIFY(ours->data == theirs);
    }

    void elevationIsSharded()
    {
        auto node = loadNode(*m_store, QStringLiteral("elevation"));
        QVERIFY(node && node->isArray());
        QCOMPARE(node->array->chunks, (Shape{180, 360})); // shards
        QCOMPARE(node->array->innerChunks, (Shape{45, 90}));
    }

    // The headless demo: the embedded server with latency, bench both ways on sst/time.
    void cliDemo()
    {
        QProcess p;
        p.start(QStringLiteral(ZS_CLI), {QStringLiteral("demo"), QStringLiteral("--latency-ms"),
                                         QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const json out = json::parse(p.readAllStandardOutput().toStdString());
        QVERIFY(out["array"] == json("sst/time"));
        QCOMPARE(out["chunks"].get<int>(), 1289);
        QCOMPARE(out["requests"].get<int>(), 1289); // counted on the wire
        QCOMPARE(out["concurrency"].get<int>(), 256);
        QCOMPARE(out["max_in_flight"].get<int>(), 256);
        // 1289 round trips of at least 2 ms one after another against a few hundred at once.
        QVERIFY(out["sequential_s"].get<double>() >= 1289 * 0.002);
        QVERIFY2(out["speedup"].get<double>() > 2, out.dump().c_str());
    }
};

QTEST_GUILESS_MAIN(TestDemoStore)
#include "tst_demo_store.moc"
