// zarrscope-cli as a user runs it: ls/info/get/bench against stores written by the real
// zarr-python 2.13 (make_cli_fixtures.py), checked against issue 2's contract: JSON keys and
// values, .npy output equal to zarr-python's, and exit status 0 / 1 (usage) / 2 (data error,
// one "error: " line on stderr), never a signal.

#include "CliProcess.h"
#include "NpyFile.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <nlohmann/json.hpp>
#include <set>

using nlohmann::json;

// QCOMPARE cannot take nlohmann::json (its overloads drag in every conversion): compare, then show both.
#define JCOMPARE(actual, expected)                                                                           \
    do {                                                                                                     \
        const json &a_ = (actual), &e_ = (expected);                                                         \
        QVERIFY2(a_ == e_, qPrintable(QStringLiteral("%1: got %2, want %3")                                  \
                                          .arg(QStringLiteral(#actual), QString::fromStdString(a_.dump()),   \
                                               QString::fromStdString(e_.dump()))));                         \
    } while (0)

using Run = zstest::CliRun;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_bad;
    json m_expected;

    Run cli(const QStringList &args) { return zstest::runCli(QStringLiteral(ZS_CLI), args); }
    static QString describe(const QStringList &args, const Run &r) { return zstest::describeRun(args, r); }

    json runJson(const QStringList &args)
    {
        const Run r = cli(args);
        if (r.crashed || r.code != 0) {
            qWarning("%s", qPrintable(describe(args, r)));
            return json();
        }
        return json::parse(r.out.toStdString(), nullptr, false);
    }

    const json &expectedNode(const std::string &path)
    {
        for (const auto &n : m_expected["nodes"])
            if (n["path"] == path) return n;
        static const json none;
        return none;
    }

    // Bytes of the chunk objects an array has on disk (what a whole read must fetch).
    qint64 chunkBytesOnDisk(const QString &array, qint64 *count)
    {
        qint64 total = 0;
        *count = 0;
        QDirIterator it(m_store + u'/' + array, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            if (it.fileName().startsWith(u'.')) continue;
            total += it.fileInfo().size();
            ++*count;
        }
        return total;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(ZS_CLI)).isExecutable(), ZS_CLI " was not built");
        QVERIFY(m_dir.isValid());
        const QString python = QStringLiteral(ZS_DEBIAN_PYTHON);
        QVERIFY2(!python.isEmpty() && QFileInfo(python).isExecutable(),
                 "Debian's /usr/bin/python3 is required");
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(python, {QStringLiteral(ZS_SOURCE_DIR "/tests/cli/make_cli_fixtures.py"), m_dir.path()});
        QVERIFY(gen.waitForFinished(60000));
        QVERIFY2(gen.exitStatus() == QProcess::NormalExit && gen.exitCode() == 0,
                 qPrintable(QStringLiteral("make_cli_fixtures.py failed (is python3-zarr installed?):\n") +
                            QString::fromUtf8(gen.readAll())));
        m_store = m_dir.filePath(QStringLiteral("cli.zarr"));
        m_bad = m_dir.filePath(QStringLiteral("bad.zarr"));
        QFile f(m_dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expected = json::parse(f.readAll().toStdString());
    }

    void lsJson_data()
    {
        QTest::addColumn<QString>("location");
        QTest::newRow("path") << QString();
        QTest::newRow("file-url") << QStringLiteral("url");
        QTest::newRow("zip") << QStringLiteral("zip");
    }

    void lsJson()
    {
        QFETCH(QString, location);
        const QString where = location.isEmpty()   ? m_store
                              : location == u"zip" ? m_store + QStringLiteral(".zip")
                                                   : QUrl::fromLocalFile(m_store).toString();
        const json got = runJson({QStringLiteral("ls"), where, QStringLiteral("--json")});
        QVERIFY(got.is_array());
        QCOMPARE(got.size(), m_expected["nodes"].size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            const json &g = got[i];
            const json &w = m_expected["nodes"][i];
            QVERIFY(g.is_object());
            std::set<std::string> keys;
            for (auto it = g.begin(); it != g.end(); ++it)
                keys.insert(it.key());
            const bool isArray = w["kind"] == "array";
            const std::set<std::string> wantKeys =
                isArray ? std::set<std::string>{"path", "kind", "zarr_format", "shape", "chunks", "dtype"}
                        : std::set<std::string>{"path", "kind", "zarr_format"};
            QVERIFY2(keys == wantKeys, g.dump().c_str());
            JCOMPARE(g["path"], w["path"]); // sorted by path, root "" first, no leading slash
            JCOMPARE(g["kind"], w["kind"]);
            JCOMPARE(g["zarr_format"], json(2));
            QVERIFY(g["zarr_format"].is_number_integer());
            if (isArray) {
                JCOMPARE(g["shape"], w["shape"]);
                JCOMPARE(g["chunks"], w["chunks"]);
                JCOMPARE(g["dtype"], w["dtype"]); // as the .zarray spells it
            }
        }
    }

    void lsText()
    {
        const Run r = cli({QStringLiteral("ls"), m_store});
        QVERIFY2(!r.crashed && r.code == 0, qPrintable(describe({"ls"}, r)));
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), qsizetype(m_expected["nodes"].size()));
        QVERIFY(r.out.contains("g/sparse"));
    }

    void infoJson_data()
    {
        QTest::addColumn<QString>("path");
        for (const auto &n : m_expected["nodes"])
            QTest::addRow("%s", n["path"].get<std::string>().empty() ? "root"
                                                                     : n["path"].get<std::string>().c_str())
                << QString::fromStdString(n["path"].get<std::string>());
    }

    void infoJson()
    {
        QFETCH(QString, path);
        QStringList args{QStringLiteral("info"), m_store};
        if (!path.isEmpty()) args << path;
        args << QStringLiteral("--json");
        const json got = runJson(args);
        QVERIFY2(got.is_object(), got.dump().c_str());
        const json &w = expectedNode(path.toStdString());
        JCOMPARE(got["path"], w["path"]);
        JCOMPARE(got["kind"], w["kind"]);
        JCOMPARE(got["zarr_format"], json(2));
        QVERIFY(got.contains("attributes"));
        QVERIFY2(got["attributes"] == w["attrs"], got["attributes"].dump().c_str());
        if (w["kind"] == "array") {
            JCOMPARE(got["shape"], w["shape"]);
            JCOMPARE(got["chunks"], w["chunks"]);
            JCOMPARE(got["dtype"], w["dtype"]);
            QVERIFY2(got["fill_value"] == w["fill_value"], got.dump().c_str());
            JCOMPARE(got["order"], w["order"]);
            QVERIFY(got.contains("codecs") && got["codecs"].is_array());
            if (!w["compressor"].is_null())
                QVERIFY2(got["codecs"].dump().find(w["compressor"].get<std::string>()) != std::string::npos,
                         got["codecs"].dump().c_str());
        }
        // The text form works for the same node.
        args.removeLast();
        const Run text = cli(args);
        QVERIFY2(!text.crashed && text.code == 0, qPrintable(describe(args, text)));
        QVERIFY(!text.out.isEmpty());
    }

    void get_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("select");
        QTest::addColumn<QString>("npy");
        // The directory store, and the same store as a zip archive (zarr-python's ZipStore).
        for (const char *suffix : {"", ".zip"})
            for (const auto &g : m_expected["gets"])
                QTest::addRow("%s%s[%s]", *suffix ? "zip " : "", g["array"].get<std::string>().c_str(),
                              g["select"].get<std::string>().c_str())
                    << m_store + QLatin1String(suffix)
                    << QString::fromStdString(g["array"].get<std::string>())
                    << QString::fromStdString(g["select"].get<std::string>())
                    << QString::fromStdString(g["npy"].get<std::string>());
    }

    void get()
    {
        QFETCH(QString, store);
        QFETCH(QString, array);
        QFETCH(QString, select);
        QFETCH(QString, npy);
        const auto want = zstest::readNpy(m_dir.filePath(npy));
        QVERIFY(want);
        // Both spellings of the option, so a selection starting with '-' is a value, not an option.
        const QList<QStringList> forms = {
            {QStringLiteral("--select"), select},
            {QStringLiteral("--select=") + select},
        };
        int n = 0;
        for (const QStringList &form : forms) {
            const QString out =
                m_dir.filePath(QStringLiteral("get-%1-%2.npy")
                                   .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'))
                                   .arg(n++)
                                   .replace(u'/', u'_'));
            QStringList args{QStringLiteral("get"), store, array};
            if (!select.isEmpty()) args << form;
            args << QStringLiteral("-o") << out;
            const Run r = cli(args);
            QVERIFY2(!r.crashed && r.code == 0, qPrintable(describe(args, r)));
            QString error;
            const auto got = zstest::readNpy(out, &error);
            QVERIFY2(got, qPrintable(error));
            QCOMPARE(got->descr, want->descr);
            QCOMPARE(got->fortranOrder, false);
            QCOMPARE(got->shape, want->shape);
            QVERIFY2(got->data == want->data, "bytes differ from zarr-python's");
            // Format 1.0, header padded so the data starts on a 64-byte boundary.
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray head = f.read(10);
            QCOMPARE(head.left(8), QByteArray("\x93NUMPY\x01\x00", 8));
            const int headerLen = quint8(head[8]) | (quint8(head[9]) << 8);
            QCOMPARE((10 + headerLen) % 64, 0);
        }
    }

    void bench_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<QString>("select");
        QTest::newRow("bench-both") << "bench"
                                    << "both" << 64 << QString();
        QTest::newRow("bench-default") << "bench" << QString() << 0 << QString();
        QTest::newRow("bench-sequential") << "bench"
                                          << "sequential" << 8 << QString();
        QTest::newRow("bench-concurrent-4") << "bench"
                                            << "concurrent" << 4 << QString();
        QTest::newRow("bench-concurrent-100") << "bench"
                                              << "concurrent" << 100 << QString();
        QTest::newRow("bench-concurrent-512") << "bench"
                                              << "concurrent" << 512 << QString();
        QTest::newRow("sparse-concurrent") << "g/sparse"
                                           << "concurrent" << 3 << QString();
        QTest::newRow("a-select") << "a"
                                  << "both" << 2 << "0:7,0:6";
    }

    void bench()
    {
        QFETCH(QString, array);
        QFETCH(QString, mode);
        QFETCH(int, concurrency);
        QFETCH(QString, select);
        QStringList args{QStringLiteral("bench"), m_store, array, QStringLiteral("--json")};
        if (!mode.isEmpty()) args << QStringLiteral("--mode") << mode;
        if (concurrency) args << QStringLiteral("--concurrency") << QString::number(concurrency);
        if (!select.isEmpty()) args << QStringLiteral("--select") << select;
        const json got = runJson(args);
        QVERIFY2(got.is_object(), got.dump().c_str());
        std::set<std::string> keys;
        for (auto it = got.begin(); it != got.end(); ++it)
            keys.insert(it.key());
        const std::set<std::string> want{"array",         "chunks",         "requests", "bytes",
                                         "sequential_s",  "concurrent_s",   "speedup",  "concurrency",
                                         "max_in_flight", "range_requests", "managers", "http2_responses"};
        QVERIFY2(keys == want, got.dump().c_str());

        const int limit = concurrency ? concurrency : 64; // the documented default
        const bool seq = mode != u"concurrent";
        const bool conc = mode != u"sequential";
        JCOMPARE(got["array"], json(array.toStdString()));
        JCOMPARE(got["concurrency"], json(limit));
        QCOMPARE(got["sequential_s"].is_null(), !seq);
        QCOMPARE(got["concurrent_s"].is_null(), !conc);
        QCOMPARE(got["speedup"].is_null(), !(seq && conc));
        for (const char *k : {"sequential_s", "concurrent_s", "speedup"})
            if (!got[k].is_null()) QVERIFY2(got[k].is_number() && got[k].get<double>() >= 0, k);
        if (seq && conc && got["concurrent_s"].get<double>() > 0)
            QVERIFY(qAbs(got["speedup"].get<double>() -
                         got["sequential_s"].get<double>() / got["concurrent_s"].get<double>()) < 1e-6);

        // Counts checked against the store on disk.
        const std::uint64_t chunks = got["chunks"].get<std::uint64_t>();
        qint64 present = 0;
        const qint64 bytes = chunkBytesOnDisk(array, &present);
        if (select.isEmpty()) {
            const json &node = expectedNode(array.toStdString());
            std::uint64_t grid = 1;
            for (std::size_t d = 0; d < node["shape"].size(); ++d)
                grid *= (node["shape"][d].get<std::uint64_t>() + node["chunks"][d].get<std::uint64_t>() - 1) /
                        node["chunks"][d].get<std::uint64_t>();
            QCOMPARE(chunks, grid);
            QCOMPARE(got["bytes"].get<qint64>(), bytes); // absent chunks cost a request but no bytes
        } else {
            QCOMPARE(chunks, std::uint64_t(1)); // "0:7,0:6" is exactly chunk 0.0
        }
        QCOMPARE(got["requests"].get<std::uint64_t>(), chunks);

        // max_in_flight: the reader issues up to min(concurrency, chunks) reads at once, but a local
        // read may complete (and be counted off) before the next is issued, so only the bound is
        // guaranteed. Sequential is exactly one at a time.
        const int maxInFlight = got["max_in_flight"].get<int>();
        if (!conc) {
            QCOMPARE(maxInFlight, 1);
        } else {
            QVERIFY2(maxInFlight >= 1 && std::uint64_t(maxInFlight) <= std::min<std::uint64_t>(limit, chunks),
                     got.dump().c_str());
            if (std::uint64_t(maxInFlight) != std::min<std::uint64_t>(limit, chunks))
                qInfo("max_in_flight %d < min(concurrency %d, chunks %llu)", maxInFlight, limit,
                      (unsigned long long)chunks);
        }
    }

    void benchText()
    {
        const QStringList args{QStringLiteral("bench"), m_store, QStringLiteral("a")};
        const Run r = cli(args);
        QVERIFY2(!r.crashed && r.code == 0, qPrintable(describe(args, r)));
        QVERIFY(r.out.contains("sequential"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        const QString S = QStringLiteral("@STORE@"), B = QStringLiteral("@BAD@"), O = QStringLiteral("@OUT@");
        // Usage errors: 1.
        QTest::newRow("no-args") << QStringList{} << 1;
        QTest::newRow("unknown-command") << QStringList{"frobnicate", S} << 1;
        QTest::newRow("ls-no-store") << QStringList{"ls"} << 1;
        QTest::newRow("ls-extra-arg") << QStringList{"ls", S, "extra"} << 1;
        QTest::newRow("ls-unknown-option") << QStringList{"ls", S, "--bogus"} << 1;
        QTest::newRow("ls-json-with-value") << QStringList{"ls", S, "--json=yes"} << 1;
        QTest::newRow("get-missing-o") << QStringList{"get", S, "a"} << 1;
        QTest::newRow("get-o-without-value") << QStringList{"get", S, "a", "-o"} << 1;
        QTest::newRow("get-empty-o") << QStringList{"get", S, "a", "-o", ""} << 1;
        QTest::newRow("get-missing-array") << QStringList{"get", S, "-o", O} << 1;
        QTest::newRow("bench-bad-mode") << QStringList{"bench", S, "a", "--mode", "parallel"} << 1;
        QTest::newRow("bench-concurrency-0") << QStringList{"bench", S, "a", "--concurrency", "0"} << 1;
        QTest::newRow("bench-concurrency-600") << QStringList{"bench", S, "a", "--concurrency", "600"} << 1;
        QTest::newRow("bench-concurrency-negative")
            << QStringList{"bench", S, "a", "--concurrency", "-4"} << 1;
        QTest::newRow("bench-concurrency-text") << QStringList{"bench", S, "a", "--concurrency", "many"} << 1;
        QTest::newRow("bench-concurrency-huge")
            << QStringList{"bench", S, "a", "--concurrency", "99999999999999999999"} << 1;
        // Data errors: 2.
        QTest::newRow("ls-missing-store") << QStringList{"ls", S + "/does-not-exist"} << 2;
        QTest::newRow("ls-store-is-file") << QStringList{"ls", S + "/.zgroup"} << 2; // and not a zip
        QTest::newRow("ls-zip-missing-folder") << QStringList{"ls", S + ".zip/nope"} << 2;
        QTest::newRow("get-zip-missing-array") << QStringList{"get", S + ".zip", "nope", "-o", O} << 2;
        QTest::newRow("ls-unsupported-scheme") << QStringList{"ls", "ftp://example.org/x.zarr"} << 2;
        QTest::newRow("info-missing-node") << QStringList{"info", S, "nope"} << 2;
        QTest::newRow("info-unknown-codec") << QStringList{"info", B, "unknown_codec"} << 2;
        QTest::newRow("info-bad-json") << QStringList{"info", B, "badjson"} << 2;
        QTest::newRow("get-missing-store") << QStringList{"get", S + "/nope", "a", "-o", O} << 2;
        QTest::newRow("get-missing-array") << QStringList{"get", S, "nope", "-o", O} << 2;
        QTest::newRow("get-group") << QStringList{"get", S, "g", "-o", O} << 2;
        QTest::newRow("get-root-group") << QStringList{"get", S, "", "-o", O} << 2;
        QTest::newRow("get-bad-selection") << QStringList{"get", S, "a", "--select", "1:x", "-o", O} << 2;
        QTest::newRow("get-zero-step") << QStringList{"get", S, "a", "--select", "::0", "-o", O} << 2;
        QTest::newRow("get-negative-step") << QStringList{"get", S, "a", "--select", "::-1", "-o", O} << 2;
        QTest::newRow("get-two-ellipses") << QStringList{"get", S, "a", "--select", "...,...", "-o", O} << 2;
        QTest::newRow("get-too-many-indices")
            << QStringList{"get", S, "a", "--select", "1,2,3", "-o", O} << 2;
        QTest::newRow("get-out-of-bounds") << QStringList{"get", S, "a", "--select", "30", "-o", O} << 2;
        QTest::newRow("get-out-of-bounds-negative")
            << QStringList{"get", S, "a", "--select", "0,-21", "-o", O} << 2;
        QTest::newRow("get-huge-index")
            << QStringList{"get", S, "a", "--select", "99999999999999999999", "-o", O} << 2;
        QTest::newRow("get-index-0d") << QStringList{"get", S, "s", "--select", "0", "-o", O} << 2;
        QTest::newRow("get-unknown-codec") << QStringList{"get", B, "unknown_codec", "-o", O} << 2;
        QTest::newRow("get-corrupt-chunk") << QStringList{"get", B, "corrupt", "-o", O} << 2;
        QTest::newRow("get-structured") << QStringList{"get", B, "structured", "-o", O} << 2;
        QTest::newRow("get-bad-json") << QStringList{"get", B, "badjson", "-o", O} << 2;
        QTest::newRow("get-unwritable-output")
            << QStringList{"get", S, "a", "-o", S + "/no/such/dir/out.npy"} << 2;
        QTest::newRow("get-huge-1e11-chunks") << QStringList{"get", B, "huge_1e11", "-o", O} << 2;
        QTest::newRow("get-huge-2d") << QStringList{"get", B, "huge_2d", "-o", O} << 2;
        QTest::newRow("bench-huge-1e11-chunks") << QStringList{"bench", B, "huge_1e11", "--json"} << 2;
        QTest::newRow("get-max-u64-shape") << QStringList{"get", B, "max_u64_shape", "-o", O} << 2;
        QTest::newRow("get-bad-datetime-unit") << QStringList{"get", B, "bad_datetime_unit", "-o", O} << 2;
        QTest::newRow("bench-group") << QStringList{"bench", S, "g"} << 2;
        QTest::newRow("bench-corrupt-chunk")
            << QStringList{"bench", B, "corrupt", "--mode", "concurrent"} << 2;
        QTest::newRow("bench-bad-selection") << QStringList{"bench", S, "a", "--select", "0,0,0"} << 2;
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const QString out = m_dir.filePath(QStringLiteral("exit-%1.npy").arg(QTest::currentDataTag()));
        for (QString &a : args) {
            a.replace(QStringLiteral("@STORE@"), m_store);
            a.replace(QStringLiteral("@BAD@"), m_bad);
            a.replace(QStringLiteral("@OUT@"), out);
        }
        const Run r = cli(args);
        QVERIFY2(!r.crashed, qPrintable(describe(args, r)));
        QVERIFY2(r.code == code, qPrintable(describe(args, r)));
        QVERIFY2(!QFileInfo::exists(out), "a failed get left an output file");
        if (code == 2) {
            // Exactly one line: "error: <what> (<where>)".
            QVERIFY2(r.err.startsWith("error: ") && r.err.endsWith('\n') && r.err.count('\n') == 1,
                     qPrintable(describe(args, r)));
            QVERIFY2(r.err.trimmed().endsWith(')'), qPrintable(describe(args, r)));
            QVERIFY(r.out.isEmpty());
        } else {
            QVERIFY2(!r.err.isEmpty(), "a usage error says why");
            QVERIFY2(!r.err.startsWith("error: "), "usage errors are not data errors");
        }
    }

    // Error messages name the culprit.
    void errorMessages()
    {
        Run r = cli({QStringLiteral("get"), m_bad, QStringLiteral("unknown_codec"), QStringLiteral("-o"),
                     m_dir.filePath("x.npy")});
        QVERIFY2(r.err.contains("nosuchcodec"), r.err.constData());
        r = cli({QStringLiteral("get"), m_bad, QStringLiteral("corrupt"), QStringLiteral("-o"),
                 m_dir.filePath("x.npy")});
        QVERIFY2(r.err.contains("corrupt/1.1"), r.err.constData());
        r = cli({QStringLiteral("get"), m_store, QStringLiteral("a"), QStringLiteral("--select"),
                 QStringLiteral("30"), QStringLiteral("-o"), m_dir.filePath("x.npy")});
        QVERIFY2(r.err.contains("out of bounds"), r.err.constData());
        r = cli({QStringLiteral("get"), m_bad, QStringLiteral("structured"), QStringLiteral("-o"),
                 m_dir.filePath("x.npy")});
        QVERIFY2(r.err.toLower().contains("unsupported data type"), r.err.constData());
    }

    void version()
    {
        const Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("zarrscope-cli "));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
