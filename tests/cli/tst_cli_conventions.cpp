// Issue 15, CLI part: `get --decode` and `info --json` (`dimensions`, `cf`) against what xarray's
// decode_cf (Debian 2023.01) makes of stores the real writers make at test time: xarray (packed
// int16 SST with lat/lon/time, float with _FillValue, a missing_value list, valid_range, flags,
// 2-D auxiliary coordinates), our own v3 export of that store (dimension_names), and a raster GDAL's
// gdal_translate writes; plus a zarr-python hierarchy for ancestors and refusals.

#include "CliProcess.h"
#include "FixtureScript.h"
#include "NpyFile.h"
#include "metadata/Json.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

using nlohmann::json;
using zstest::CliRun;

namespace {

// The elements of a .npy as doubles (the numeric dtypes these stores hold).
std::optional<std::vector<double>> asDoubles(const zstest::NpyFile &f, QString *error)
{
    const QString d = f.descr;
    const int size = d.mid(2).toInt();
    const char kind = d.size() > 1 ? d[1].toLatin1() : '?';
    if (d.startsWith(u'>') || size <= 0 || f.data.size() % size) {
        *error = QStringLiteral("unexpected dtype %1").arg(d);
        return std::nullopt;
    }
    std::vector<double> out;
    for (qsizetype off = 0; off < f.data.size(); off += size) {
        const char *p = f.data.constData() + off;
        auto load = [p](auto v) {
            std::memcpy(&v, p, sizeof(v));
            return double(v);
        };
        if (kind == 'f' && size == 4)
            out.push_back(load(float{}));
        else if (kind == 'f' && size == 8)
            out.push_back(load(double{}));
        else if (kind == 'i' && size == 1)
            out.push_back(load(std::int8_t{}));
        else if (kind == 'i' && size == 2)
            out.push_back(load(std::int16_t{}));
        else if (kind == 'i' && size == 4)
            out.push_back(load(std::int32_t{}));
        else if (kind == 'i' && size == 8)
            out.push_back(load(std::int64_t{}));
        else if (kind == 'u' && size == 1)
            out.push_back(load(std::uint8_t{}));
        else {
            *error = QStringLiteral("unexpected dtype %1").arg(d);
            return std::nullopt;
        }
    }
    return out;
}

QString text(const json &j)
{
    return QString::fromStdString(j.dump());
}

} // namespace

class TestCliConventions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    json m_expected;

    CliRun cli(const QStringList &args) { return zstest::runCli(QStringLiteral(ZS_CLI), args); }

    // `get STORE ARRAY --decode -o OUT` for a case of expected.json.
    static QStringList getDecodeArgs(const json &c, const QString &out)
    {
        return {QStringLiteral("get"),
                QString::fromStdString(c["store"]),
                QString::fromStdString(c["array"]),
                QStringLiteral("--decode"),
                QStringLiteral("-o"),
                out};
    }

    json infoJson(const QString &store, const QString &array)
    {
        const QStringList args{QStringLiteral("info"), store, array, QStringLiteral("--json")};
        const CliRun r = cli(args);
        if (r.crashed || r.code != 0) {
            qWarning("%s", qPrintable(zstest::describeRun(args, r)));
            return json();
        }
        auto doc = zs::parseJsonDocument(r.out, QStringLiteral("stdout"));
        return doc ? *doc : json();
    }

    void addCases(bool withValues)
    {
        QTest::addColumn<QString>("caseJson");
        for (const json &c : m_expected["cases"])
            if (!withValues || !c["npy"].is_null())
                QTest::addRow("%s:%s", c["label"].get<std::string>().c_str(),
                              c["array"].get<std::string>().c_str())
                    << QString::fromStdString(c.dump());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(ZS_CLI)).isExecutable(), ZS_CLI " was not built");
        QVERIFY(m_dir.isValid());
        // A missing writer is a failure, never a skip: the message says what to install.
        QString problem;
        const auto expected = zstest::runFixtureScript(
            QStringLiteral("tests/cli/make_cf_fixtures.py"), m_dir.path(),
            QStringLiteral("python3-xarray python3-pandas python3-zarr gdal-bin python3-gdal"), 180000,
            &problem);
        QVERIFY2(expected, qPrintable(problem));
        m_expected = *expected;
        // The v3 copy, by our own exporter: attributes kept, _ARRAY_DIMENSIONS become dimension_names.
        const QStringList args{QStringLiteral("export"),
                               m_dir.filePath(QStringLiteral("sst.zarr")),
                               QString(),
                               QStringLiteral("-o"),
                               m_dir.filePath(QStringLiteral("v3.zarr")),
                               QStringLiteral("--zarr-format"),
                               QStringLiteral("3")};
        const CliRun r = cli(args);
        QVERIFY2(r.code == 0, qPrintable(zstest::describeRun(args, r)));
    }

    // Decoded values equal xarray's: same dtype, NaN in the same places, the rest within 1e-6.
    void getDecodeMatchesXarray_data() { addCases(true); }
    void getDecodeMatchesXarray()
    {
        QFETCH(QString, caseJson);
        const json c = json::parse(caseJson.toStdString());
        const QString out =
            m_dir.filePath(QStringLiteral("got-%1-%2.npy")
                               .arg(QString::fromStdString(c["label"]), QString::fromStdString(c["array"])));
        const QStringList args = getDecodeArgs(c, out);
        const CliRun r = cli(args);
        QVERIFY2(!r.crashed && r.code == 0, qPrintable(zstest::describeRun(args, r)));
        QString error;
        const auto got = zstest::readNpy(out, &error);
        const auto want = zstest::readNpy(QString::fromStdString(c["npy"]), &error);
        QVERIFY2(got && want, qPrintable(error));
        QCOMPARE(got->descr, want->descr);
        QCOMPARE(got->shape, want->shape);
        const auto a = asDoubles(*got, &error);
        const auto b = asDoubles(*want, &error);
        QVERIFY2(a && b, qPrintable(error));
        QCOMPARE(a->size(), b->size());
        std::size_t nans = 0;
        for (std::size_t i = 0; i < a->size(); ++i) {
            const double x = (*a)[i], y = (*b)[i];
            QVERIFY2(std::isnan(x) == std::isnan(y),
                     qPrintable(QStringLiteral("element %1: %2, xarray %3").arg(i).arg(x).arg(y)));
            nans += std::isnan(y);
            if (!std::isnan(y))
                QVERIFY2(std::abs(x - y) <= 1e-6 * std::max(1.0, std::abs(y)),
                         qPrintable(QStringLiteral("element %1: %2, xarray %3").arg(i).arg(x).arg(y)));
        }
        if (c["fill_values"].size() && c["label"] != "gdal") QVERIFY2(nans > 0, "the fixture masks nothing");
    }

    // Times in the standard calendar decode to datetime64 as xarray's (here in seconds, the
    // coarsest unit the values need), and the coordinate's first/last read as dates.
    void timeDecodesAsXarray()
    {
        const QString store = m_dir.filePath(QStringLiteral("sst.zarr"));
        const QString decoded = m_dir.filePath(QStringLiteral("time-decoded.npy"));
        const QStringList args{QStringLiteral("get"),  store,
                               QStringLiteral("time"), QStringLiteral("--decode"),
                               QStringLiteral("-o"),   decoded};
        const CliRun r = cli(args);
        QVERIFY2(r.code == 0 && r.err.isEmpty(), qPrintable(zstest::describeRun(args, r)));
        const auto got = zstest::readNpy(decoded);
        const auto want = zstest::readNpy(m_dir.filePath(QStringLiteral("xr-time-seconds.npy")));
        QVERIFY(got && want);
        QCOMPARE(got->descr, QStringLiteral("<M8[s]"));
        QCOMPARE(got->shape, want->shape);
        QCOMPARE(got->data, want->data); // int64 seconds since 1970 either way
        const json info = infoJson(store, QStringLiteral("sst"));
        const json &time = info["dimensions"][0];
        QCOMPARE(text(time["first"]), QStringLiteral("\"2002-06-01\""));
        QCOMPARE(text(time["last"]), QStringLiteral("\"2002-06-03\""));
    }

    // The gregorian and proleptic_gregorian calendars, in hours and days since, decode to
    // datetime64 as xarray's (xarray writes them; compared as int64 seconds since 1970).
    void standardCalendarsDecodeToDatetime64_data()
    {
        QTest::addColumn<QString>("caseJson");
        QVERIFY(m_expected["datetime_times"].size() >= 2);
        for (const json &c : m_expected["datetime_times"])
            QTest::addRow("%s", std::string(c["label"]).c_str()) << QString::fromStdString(c.dump());
    }
    void standardCalendarsDecodeToDatetime64()
    {
        QFETCH(QString, caseJson);
        const json c = json::parse(caseJson.toStdString());
        const QString out =
            m_dir.filePath(QStringLiteral("dt-%1.npy").arg(QString::fromStdString(c["label"])));
        const QStringList args = getDecodeArgs(c, out);
        const CliRun r = cli(args);
        QVERIFY2(r.code == 0, qPrintable(zstest::describeRun(args, r)));
        const auto got = zstest::readNpy(out);
        const auto want = zstest::readNpy(QString::fromStdString(c["npy"]));
        QVERIFY(got && want);
        QCOMPARE(got->descr, QStringLiteral("<M8[s]"));
        QCOMPARE(got->data, want->data);
    }

    // Calendars NumPy cannot hold (noleap, 360_day, all_leap, julian, ...; the standard one before
    // 1582-10-15) decode to ISO text, the dates xarray gives as cftime objects.
    void otherCalendarsDecodeToIsoText_data()
    {
        QTest::addColumn<QString>("caseJson");
        QVERIFY(m_expected["iso_times"].size() >= 7);
        for (const json &c : m_expected["iso_times"])
            QTest::addRow("%s", std::string(c["label"]).c_str()) << QString::fromStdString(c.dump());
    }
    void otherCalendarsDecodeToIsoText()
    {
        QFETCH(QString, caseJson);
        const json c = json::parse(caseJson.toStdString());
        const QString out =
            m_dir.filePath(QStringLiteral("iso-%1.npy").arg(QString::fromStdString(c["label"])));
        const QStringList args = getDecodeArgs(c, out);
        const CliRun r = cli(args);
        QVERIFY2(r.code == 0, qPrintable(zstest::describeRun(args, r)));
        const auto got = zstest::readNpy(out);
        QVERIFY(got);
        QVERIFY2(got->descr.startsWith(QStringLiteral("<U")), qPrintable(got->descr));
        const int width = got->descr.mid(2).toInt();
        QStringList texts;
        for (qsizetype i = 0; i + width * 4 <= got->data.size(); i += width * 4) {
            QList<uint> cps;
            for (int k = 0; k < width; ++k) {
                quint32 cp = 0;
                std::memcpy(&cp, got->data.constData() + i + k * 4, 4);
                if (cp) cps << qFromLittleEndian(cp);
            }
            texts << QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), cps.size());
        }
        QStringList want;
        for (const json &d : c["iso"])
            want << QString::fromStdString(d);
        QCOMPARE(texts, want);
    }

    // Without --decode, get is unchanged: the stored int16.
    void getWithoutDecodeIsStored()
    {
        const QString out = m_dir.filePath(QStringLiteral("sst-raw.npy"));
        QCOMPARE(cli({QStringLiteral("get"), m_dir.filePath(QStringLiteral("sst.zarr")),
                      QStringLiteral("sst"), QStringLiteral("-o"), out})
                     .code,
                 0);
        QCOMPARE(zstest::readNpy(out)->descr, QStringLiteral("<i2"));
    }

    // info --json: dimensions and cf as xarray reports them.
    void infoMatchesXarray_data() { addCases(false); }
    void infoMatchesXarray()
    {
        QFETCH(QString, caseJson);
        const json c = json::parse(caseJson.toStdString());
        const QString array = QString::fromStdString(c["array"]);
        const json info = infoJson(QString::fromStdString(c["store"]), array);
        QVERIFY(info.is_object());
        const json &dims = info["dimensions"];
        const json &cf = info["cf"];
        QVERIFY2(dims.size() == c["dims"].size(), qPrintable(text(dims)));
        for (std::size_t i = 0; i < dims.size(); ++i) {
            const std::string name = c["dims"][i];
            QCOMPARE(dims[i]["name"].get<std::string>(), name);
            QCOMPARE(dims[i]["size"].get<std::uint64_t>(), c["sizes"][i].get<std::uint64_t>());
            const bool hasCoordinate =
                std::find(c["dim_coords"].begin(), c["dim_coords"].end(), name) != c["dim_coords"].end();
            QVERIFY2(hasCoordinate ? dims[i]["coordinate"] == json(name) : dims[i]["coordinate"].is_null(),
                     qPrintable(text(dims[i])));
            if (c["first_last"].contains(name)) {
                QCOMPARE(dims[i]["first"].get<double>(), c["first_last"][name][0].get<double>());
                QCOMPARE(dims[i]["last"].get<double>(), c["first_last"][name][1].get<double>());
            }
        }
        // Coordinate variables are their own coordinates in xarray; the aux list is the data variables'.
        std::vector<std::string> aux;
        for (const json &a : cf["auxiliary_coordinates"])
            aux.push_back(a["name"]);
        std::sort(aux.begin(), aux.end());
        const auto &want = c["aux_coords"];
        if (std::find(want.begin(), want.end(), c["array"]) == want.end())
            QVERIFY2(json(aux) == want, qPrintable(text(cf["auxiliary_coordinates"])));

        for (const char *key : {"units", "long_name", "standard_name", "scale_factor", "add_offset",
                                "valid_range", "calendar", "flag_values"}) {
            json expected = c[key];
            if (std::string(key) == "units" && !c["calendar"].is_null()) continue; // time units: time_units
            if (std::string(key) == "flag_values" && expected.is_null()) expected = json::array();
            if (std::string(key) == "calendar" && expected.is_null()) continue;
            QVERIFY2(cf[key] == expected,
                     qPrintable(QStringLiteral("%1: %2, xarray %3")
                                    .arg(QString::fromLatin1(key), text(cf[key]), text(expected))));
        }
        if (!c["calendar"].is_null()) QCOMPARE(text(cf["time_units"]), text(c["units"]));
        json fills = cf["fill_values"];
        std::sort(fills.begin(), fills.end());
        QVERIFY2(fills == c["fill_values"], qPrintable(text(fills) + " vs " + text(c["fill_values"])));
        if (c["flag_meanings"].is_string())
            QCOMPARE(cf["flag_meanings"].size(),
                     std::size_t(QString::fromStdString(c["flag_meanings"]).split(u' ').size()));
        // The dtype get --decode writes: xarray's decoded one when masking or packing applies; null
        // while the stored one is written (nothing applies; time, until time decoding lands).
        const bool applies = !c["fill_values"].empty() || !c["scale_factor"].is_null() ||
                             !c["add_offset"].is_null() || !c["valid_range"].is_null();
        const json decodedDtype = applies && c["calendar"].is_null() ? c["decoded_dtype"] : json(nullptr);
        if (!applies && c["calendar"].is_null()) QCOMPARE(text(c["decoded_dtype"]), text(c["stored_dtype"]));
        QVERIFY2(cf["decoded_dtype"] == decodedDtype, qPrintable(text(cf)));
        if (c["label"] == "v3" && !dims.empty())
            QVERIFY2(text(cf["applied"]).contains(QStringLiteral("from dimension_names")),
                     qPrintable(text(cf)));
        if (!c["valid_range"].is_null())
            QVERIFY2(text(cf["applied"]).contains(QStringLiteral("valid_range: stored values outside")),
                     qPrintable(text(cf)));
    }

    // GDAL's raster: Y and X are its coordinates, read first/last as GDAL placed the pixel centres.
    void gdalRasterCoordinates()
    {
        const json info = infoJson(m_dir.filePath(QStringLiteral("raster.zarr")), QStringLiteral("raster"));
        QVERIFY(info.is_object());
        const json &d = info["dimensions"];
        QVERIFY2(d.size() == 2 && d[0]["coordinate"] == "Y" && d[1]["coordinate"] == "X",
                 qPrintable(text(d)));
        QCOMPARE(d[0]["first"].get<double>(), 49.75);
        QCOMPARE(d[1]["last"].get<double>(), 12.75);
        QVERIFY2(info["cf"]["decoded_dtype"] == json("<f4"), qPrintable(text(info["cf"]["decoded_dtype"])));
    }

    // A coordinate in an ancestor group is found; one of the wrong length and a missing auxiliary
    // coordinate are refused with their reasons, and the text form says the same.
    void hierarchyAncestorsAndRefusals()
    {
        const QString store = QString::fromStdString(m_expected["hand"]["store"]);
        const QString array = QString::fromStdString(m_expected["hand"]["array"]);
        const json info = infoJson(store, array);
        QVERIFY(info.is_object());
        const json &d = info["dimensions"];
        QVERIFY2(d[0]["coordinate"] == json("depth"), qPrintable(text(d[0]["coordinate"])));
        QVERIFY2(d[0]["units"] == json("m"), qPrintable(text(d[0]["units"])));
        QVERIFY2(d[0]["positive"] == json("down"), qPrintable(text(d[0]["positive"])));
        QCOMPARE(d[0]["last"].get<double>(), 50.0);
        QVERIFY(d[1]["coordinate"].is_null());
        const QString refused = text(info["cf"]["refused"]);
        QVERIFY2(
            refused.contains(QStringLiteral("coordinate band: /band has 3 values, dimension band has 5")),
            qPrintable(refused));
        QVERIFY2(refused.contains(QStringLiteral("auxiliary coordinate nowhere")), qPrintable(refused));
        const CliRun t = cli({QStringLiteral("info"), store, array});
        QCOMPARE(t.code, 0);
        QVERIFY2(t.out.contains("dimensions:  depth (4) = /depth [m] 0.0 .. 50.0\n"), t.out.constData());
        QVERIFY2(t.out.contains("refused:     coordinate band: /band has 3 values"), t.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliConventions)
#include "tst_cli_conventions.moc"
