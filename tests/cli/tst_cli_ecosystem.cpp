// Issue 13, sections 1 and 2: zarrscope-cli opens the stores the ecosystem writes. Stores come
// from zarr-python 2.13, xarray and the v3 fixture writer (make_ecosystem_fixtures.py), some
// with one document spoiled as real stores are: one bad node is listed with its reason and
// never hides the others; NaN/Infinity tokens, old fill values and ignorable v3 extensions open.

#include "CliProcess.h"
#include "FixtureScript.h"
#include "NpyFile.h"
#include "metadata/Json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <nlohmann/json.hpp>

using nlohmann::json;
using zstest::CliRun;

class TestCliEcosystem : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    json m_expected;

    CliRun cli(const QStringList &args) { return zstest::runCli(QStringLiteral(ZS_CLI), args); }

    // The CLI's JSON, read as zarr-python's JSON is read (NaN tokens included).
    static json parsed(const QByteArray &text)
    {
        auto doc = zs::parseJsonDocument(text, QStringLiteral("stdout"));
        return doc ? *doc : json();
    }

    static std::map<std::string, json> byPath(const json &rows)
    {
        std::map<std::string, json> out;
        for (const json &r : rows)
            out[r.value("path", std::string("?"))] = r;
        return out;
    }

    QByteArray python(const QString &code)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON), {QStringLiteral("-c"), code});
        if (!p.waitForFinished(120000)) return "timeout";
        return p.exitCode() == 0 ? QByteArray() : p.readAll() + QByteArray("(failed)");
    }

    static void addRows(const json &list, const char *prefix)
    {
        for (const json &e : list)
            QTest::addRow("%s:%s:%s", prefix,
                          QFileInfo(QString::fromStdString(e["store"])).fileName().toUtf8().constData(),
                          e.value("array", std::string()).c_str())
                << QString::fromStdString(e.dump());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(ZS_CLI)).isExecutable(), ZS_CLI " was not built");
        QVERIFY(m_dir.isValid());
        QString problem;
        const auto expected = zstest::runFixtureScript(
            QStringLiteral("tests/cli/make_ecosystem_fixtures.py"), m_dir.path(),
            QStringLiteral("python3-zarr python3-xarray python3-pandas"), 120000, &problem);
        QVERIFY2(expected, qPrintable(problem));
        m_expected = *expected;
    }

    // Every node is listed: the good ones as always, each bad one with its kind and its reason
    // naming the broken document; exit 0, and 2 with --strict when any node is bad.
    void lsListsEveryNode_data()
    {
        QTest::addColumn<QString>("caseJson");
        for (const json &e : m_expected["listings"])
            QTest::addRow("%s", QFileInfo(QString::fromStdString(e["store"])).fileName().toUtf8().constData())
                << QString::fromStdString(e.dump());
    }

    void lsListsEveryNode()
    {
        QFETCH(QString, caseJson);
        const json c = json::parse(caseJson.toStdString());
        const QString store = QString::fromStdString(c["store"]);
        const QStringList args{QStringLiteral("ls"), store, QStringLiteral("--json")};
        const CliRun r = cli(args);
        QVERIFY2(!r.crashed && r.code == 0, qPrintable(zstest::describeRun(args, r)));
        auto rows = byPath(parsed(r.out));
        for (const json &path : c["good"]) {
            QVERIFY2(rows.count(path),
                     qPrintable(QStringLiteral("%1 is not listed").arg(QString::fromStdString(path))));
            QVERIFY2(!rows[path].contains("error"), rows[path].dump().c_str());
            QVERIFY(rows[path]["kind"].is_string());
        }
        for (const auto &[path, where] : c["bad"].items()) {
            QVERIFY2(
                rows.count(path),
                qPrintable(QStringLiteral("bad node %1 is not listed").arg(QString::fromStdString(path))));
            const json &row = rows[path];
            QVERIFY2(row.value("error", std::string()).find(where.get<std::string>()) != std::string::npos,
                     row.dump().c_str());
            QVERIFY2(row["kind"].is_string(), row.dump().c_str()); // the document's name says what it is
            QCOMPARE(row["zarr_format"].get<int>(), c.value("format", 2));
        }
        QCOMPARE(rows.size(), c["good"].size() + c["bad"].size());
        if (rows.count("structured")) // what the document still says is kept
            QVERIFY2(rows["structured"]["shape"] == json({4}), rows["structured"].dump().c_str());

        // Text: one row per node, "ERROR <reason>" in the bad ones' rows.
        const CliRun text = cli({QStringLiteral("ls"), store});
        QCOMPARE(text.code, 0);
        const QStringList lines = QString::fromUtf8(text.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(std::size_t(lines.size()), rows.size());
        QCOMPARE(std::size_t(text.out.count("  ERROR ")), c["bad"].size());

        const QStringList strictArgs{QStringLiteral("ls"), store, QStringLiteral("--strict")};
        const CliRun strict = cli(strictArgs);
        QVERIFY2(strict.code == (c["bad"].empty() ? 0 : 2),
                 qPrintable(zstest::describeRun(strictArgs, strict)));
        if (!c["bad"].empty())
            QVERIFY2(strict.err.startsWith("error: ") && strict.err.count('\n') == 1, strict.err.constData());
    }

    // Good nodes of these stores read as zarr-python reads them.
    void getReadsAsZarrPython_data()
    {
        QTest::addColumn<QString>("caseJson");
        addRows(m_expected["reads"], "read");
    }

    void getReadsAsZarrPython()
    {
        QFETCH(QString, caseJson);
        const json c = json::parse(caseJson.toStdString());
        const QString out = m_dir.filePath(
            QStringLiteral("got-%1.npy").arg(QFileInfo(QString::fromStdString(c["npy"])).baseName()));
        const QStringList args{QStringLiteral("get"), QString::fromStdString(c["store"]),
                               QString::fromStdString(c["array"]), QStringLiteral("-o"), out};
        const CliRun r = cli(args);
        QVERIFY2(!r.crashed && r.code == 0, qPrintable(zstest::describeRun(args, r)));
        QString error;
        const auto got = zstest::readNpy(out, &error);
        const auto want = zstest::readNpy(QString::fromStdString(c["npy"]), &error);
        QVERIFY2(got && want, qPrintable(error));
        QCOMPARE(got->descr, want->descr);
        QCOMPARE(got->shape, want->shape);
        QVERIFY2(got->data == want->data,
                 qPrintable(QStringLiteral("bytes differ from zarr-python's: %1 vs %2")
                                .arg(QString::fromLatin1(got->data.toHex()),
                                     QString::fromLatin1(want->data.toHex()))));
        // The path as `ls` prints it ("/sub/ok") names the same array.
        const QString slashed = out + QStringLiteral(".slashed.npy");
        const QStringList again{QStringLiteral("get"), QString::fromStdString(c["store"]),
                                u'/' + QString::fromStdString(c["array"]) + u'/', QStringLiteral("-o"),
                                slashed};
        const CliRun r2 = cli(again);
        QVERIFY2(r2.code == 0, qPrintable(zstest::describeRun(again, r2)));
        QCOMPARE(zstest::readNpy(slashed)->data, got->data);
    }

    // A bad node itself still fails: exit 2, one line naming what and where.
    void getBadNodeFails_data()
    {
        QTest::addColumn<QString>("caseJson");
        addRows(m_expected["refusals"], "refuse");
    }

    void getBadNodeFails()
    {
        QFETCH(QString, caseJson);
        const json c = json::parse(caseJson.toStdString());
        const QString out = m_dir.filePath(QStringLiteral("refused.npy"));
        const QStringList args{QStringLiteral("get"), QString::fromStdString(c["store"]),
                               QString::fromStdString(c["array"]), QStringLiteral("-o"), out};
        const CliRun r = cli(args);
        QVERIFY2(!r.crashed && r.code == 2, qPrintable(zstest::describeRun(args, r)));
        QVERIFY2(r.err.startsWith("error: ") && r.err.count('\n') == 1, r.err.constData());
        QVERIFY2(r.err.contains(QByteArray::fromStdString(c["contains"])), r.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

    // NaN and Infinity attributes (bare tokens, as xarray writes them) are shown as such.
    void nanTokensAreShown()
    {
        const QString store = m_dir.filePath(QStringLiteral("xr_nan.zarr"));
        const CliRun r =
            cli({QStringLiteral("info"), store, QStringLiteral("t2m"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("\"valid_max\": NaN") && r.out.contains("\"valid_min\": -Infinity"),
                 r.out.constData());
        const json info = parsed(r.out);
        QVERIFY(std::isnan(info["attributes"]["valid_max"].get<double>()));
        QCOMPARE(info["attributes"]["top"].get<double>(), INFINITY);
        QCOMPARE(info["attributes"]["units"].get<std::string>(), std::string("K"));
        const CliRun text = cli({QStringLiteral("info"), store, QStringLiteral("t2m")});
        QVERIFY2(text.out.contains("NaN") && !text.out.contains("null"), text.out.constData());
    }

    // Export writes the tokens back, and xarray reads the export as it read the source.
    void exportKeepsNanTokens()
    {
        const QString target = m_dir.filePath(QStringLiteral("nan-export"));
        const QStringList args{QStringLiteral("export"), m_dir.filePath(QStringLiteral("xr_nan.zarr")),
                               QString(), QStringLiteral("-o"), target};
        const CliRun r = cli(args);
        QVERIFY2(r.code == 0, qPrintable(zstest::describeRun(args, r)));
        QFile attrs(target + QStringLiteral("/t2m/.zattrs"));
        QVERIFY(attrs.open(QIODevice::ReadOnly));
        const QByteArray text = attrs.readAll();
        QVERIFY2(text.contains("NaN") && text.contains("-Infinity") && !text.contains("null"),
                 text.constData());
        const QByteArray failure =
            python(QStringLiteral(R"(
import math, numpy as np, xarray as xr
a = xr.open_zarr(%1, decode_cf=False); b = xr.open_zarr(%2, decode_cf=False)
assert math.isnan(b.t2m.attrs["valid_max"]) and b.t2m.attrs["valid_min"] == -math.inf, b.t2m.attrs
np.testing.assert_array_equal(a.t2m.values, b.t2m.values)
)")
                       .arg(QStringLiteral("'%1'").arg(m_dir.filePath(QStringLiteral("xr_nan.zarr"))),
                            QStringLiteral("'%1'").arg(target)));
        QVERIFY2(failure.isEmpty(), failure.constData());
    }

    // A group export exports every node it can and names each one it left out.
    void groupExportSkipsBadNodes()
    {
        const QString target = m_dir.filePath(QStringLiteral("mixed-export"));
        const QString source = m_dir.filePath(QStringLiteral("mixed.zarr"));
        const QStringList args{QStringLiteral("export"), source, QString(), QStringLiteral("-o"), target};
        const CliRun r = cli(args);
        QVERIFY2(r.code == 0, qPrintable(zstest::describeRun(args, r)));
        const json listing = m_expected["listings"][0];
        for (const auto &[path, where] : listing["bad"].items())
            QVERIFY2(r.err.contains(QByteArray("not exported, it could not be loaded: /") +
                                    QByteArray::fromStdString(path)),
                     r.err.constData());
        const QByteArray failure =
            python(QStringLiteral(R"(
import numpy as np, zarr
src = zarr.open_group(%1, mode='r'); dst = zarr.open_consolidated(%2, mode='r')
for p in ['a00', 'a29', 'sub/ok', 'badgroup/child']:
    np.testing.assert_array_equal(src[p][...], dst[p][...])
assert 'lzma' not in dst and 'deep_bad' not in dst['sub']
)")
                       .arg(QStringLiteral("'%1'").arg(source), QStringLiteral("'%1'").arg(target)));
        QVERIFY2(failure.isEmpty(), failure.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliEcosystem)
#include "tst_cli_ecosystem.moc"
