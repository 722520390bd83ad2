// `zarrscope-cli scrub` as a user runs it, on an array zarr-python wrote: the exact JSON keys,
// the steps it takes (stopping at the end of the axis), dimensions by index and by name, the
// cache and prefetch making one request per chunk touched (against one per chunk per step with
// --cache-mib 0), and exit status 1 for usage errors, 2 with "error: " for bad arrays and dims.

#include "CliProcess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

// Ordered: the contract is the keys in their order.
using json = nlohmann::ordered_json;

class TestCliScrub : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;

    zstest::CliRun cli(const QStringList &args) { return zstest::runCli(QStringLiteral(ZS_CLI), args); }
    json scrub(const QStringList &extra)
    {
        const QStringList args =
            QStringList{QStringLiteral("scrub"), m_store} + extra + QStringList{QStringLiteral("--json")};
        const auto r = cli(args);
        if (r.crashed || r.code != 0) {
            qWarning("%s", qPrintable(zstest::describeRun(args, r)));
            return json();
        }
        return json::parse(r.out.toStdString(), nullptr, false);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(
            QStringLiteral(ZS_DEBIAN_PYTHON),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import zarr, numpy as np\n"
                 "c = zarr.open_array('s.zarr/cube', mode='w', shape=(20, 6, 8), chunks=(8, 3, 4), "
                 "dtype='f4')\n"
                 "c[:] = np.arange(960, dtype='f4').reshape(20, 6, 8)\n"
                 "c.attrs['_ARRAY_DIMENSIONS'] = ['time', 'lat', 'lon']\n"
                 "zarr.open_array('s.zarr/line', mode='w', shape=(10,), chunks=(5,), dtype='i4')[:] = 1\n")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0,
                 qPrintable(QStringLiteral("zarr-python failed (apt install python3-zarr): ") +
                            QString::fromUtf8(p.readAll())));
        m_store = m_dir.filePath(QStringLiteral("s.zarr"));
    }

    void jsonHasExactlyTheContractKeys()
    {
        const json j = scrub({QStringLiteral("cube"), QStringLiteral("--steps"), QStringLiteral("20")});
        QVERIFY(j.is_object());
        std::vector<std::string> keys;
        for (auto it = j.begin(); it != j.end(); ++it)
            keys.push_back(it.key());
        const std::vector<std::string> want{"steps",    "p50_ms",     "p95_ms",         "max_ms",
                                            "requests", "cache_hits", "chunks_touched", "bytes"};
        QVERIFY(keys == want);
        QCOMPARE(j["steps"].get<int>(), 20);
        QCOMPARE(j["chunks_touched"].get<int>(), 3 * 2 * 2);
        QVERIFY(j["p50_ms"].get<double>() <= j["p95_ms"].get<double>());
        QVERIFY(j["p95_ms"].get<double>() <= j["max_ms"].get<double>());
        QVERIFY(j["bytes"].get<std::uint64_t>() > 0);
    }

    void cacheMakesOneRequestPerChunk()
    {
        const json on = scrub({QStringLiteral("cube"), QStringLiteral("--steps"), QStringLiteral("20")});
        const json off = scrub({QStringLiteral("cube"), QStringLiteral("--steps"), QStringLiteral("20"),
                                QStringLiteral("--cache-mib"), QStringLiteral("0")});
        QVERIFY(on.is_object() && off.is_object());
        // Without a cache every step reads its 4 chunks again.
        QCOMPARE(off["requests"].get<int>(), 20 * 4);
        QCOMPARE(off["cache_hits"].get<int>(), 0);
        // With it (and the prefetch), each chunk touched is read about once.
        const int touched = on["chunks_touched"].get<int>();
        QVERIFY2(on["requests"].get<int>() >= touched && on["requests"].get<int>() <= touched + 4,
                 on.dump().c_str());
        QVERIFY2(on["cache_hits"].get<int>() >= 20 * 4 - touched, on.dump().c_str());
    }

    void dimensionsByIndexAndName_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("touched");
        QTest::addRow("defaults") << QStringList{} << 20 << 12;
        QTest::addRow("names") << QStringList{QStringLiteral("--dims"), QStringLiteral("lat,lon"),
                                              QStringLiteral("--axis"), QStringLiteral("time")}
                               << 20 << 12;
        QTest::addRow("indices, stepping lat") << QStringList{QStringLiteral("--dims"), QStringLiteral("0,2"),
                                                              QStringLiteral("--axis"), QStringLiteral("1")}
                                               << 6 << 3 * 2 * 2;
        QTest::addRow("start near the end")
            << QStringList{QStringLiteral("--start"), QStringLiteral("15")} << 5 << 8;
        QTest::addRow("one displayed dimension")
            << QStringList{QStringLiteral("--dims"), QStringLiteral("lon"), QStringLiteral("--steps"),
                           QStringLiteral("3")}
            << 3 << 2;
    }
    void dimensionsByIndexAndName()
    {
        QFETCH(QStringList, args);
        QFETCH(int, steps);
        QFETCH(int, touched);
        const json j = scrub(
            QStringList{QStringLiteral("cube"), QStringLiteral("--steps"), QStringLiteral("100")} + args);
        QVERIFY(j.is_object());
        QCOMPARE(j["steps"].get<int>(), steps);
        QCOMPARE(j["chunks_touched"].get<int>(), touched);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString s = QStringLiteral("scrub");
        QTest::addRow("no array") << QStringList{s} << 1 << QString();
        QTest::addRow("steps 0") << QStringList{s, QStringLiteral("@"), QStringLiteral("cube"),
                                                QStringLiteral("--steps"), QStringLiteral("0")}
                                 << 1 << QString();
        QTest::addRow("negative cache") << QStringList{s, QStringLiteral("@"), QStringLiteral("cube"),
                                                       QStringLiteral("--cache-mib"), QStringLiteral("-1")}
                                        << 1 << QString();
        QTest::addRow("unknown option") << QStringList{s, QStringLiteral("@"), QStringLiteral("cube"),
                                                       QStringLiteral("--select"), QStringLiteral("0")}
                                        << 1 << QString();
        QTest::addRow("missing array")
            << QStringList{s, QStringLiteral("@"), QStringLiteral("nope")} << 2 << QStringLiteral("error: ");
        QTest::addRow("unknown name") << QStringList{s, QStringLiteral("@"), QStringLiteral("cube"),
                                                     QStringLiteral("--dims"), QStringLiteral("lat,depth")}
                                      << 2 << QStringLiteral("error: no dimension named \"depth\" (cube)");
        QTest::addRow("index out of range") << QStringList{s, QStringLiteral("@"), QStringLiteral("cube"),
                                                           QStringLiteral("--axis"), QStringLiteral("3")}
                                            << 2 << QStringLiteral("error: dimension 3 is out of range");
        QTest::addRow("axis displayed") << QStringList{s, QStringLiteral("@"), QStringLiteral("cube"),
                                                       QStringLiteral("--axis"), QStringLiteral("lon")}
                                        << 2 << QStringLiteral("is a displayed dimension (cube)");
        QTest::addRow("start beyond the axis")
            << QStringList{s, QStringLiteral("@"), QStringLiteral("cube"), QStringLiteral("--start"),
                           QStringLiteral("20")}
            << 2 << QStringLiteral("error: --start 20 is outside 0..19 (cube)");
        QTest::addRow("1-D array") << QStringList{s, QStringLiteral("@"), QStringLiteral("line")} << 2
                                   << QStringLiteral(
                                          "error: scrub needs an array of at least 2 dimensions (line)");
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        args.replaceInStrings(QStringLiteral("@"), m_store);
        const auto r = cli(args);
        QVERIFY2(!r.crashed && r.code == code, qPrintable(zstest::describeRun(args, r)));
        if (!message.isEmpty()) QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        if (code == 2) QCOMPARE(r.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliScrub)
#include "tst_cli_scrub.moc"
