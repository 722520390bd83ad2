// Export to a local directory store. Sources are written at test time by the real zarr-python
// 2.13 (v2) and by the independent v3 fixture writer; exports are read back by zarr-python (v2)
// and zarrita (v3) and compared with the source. Resume is measured in requests on a real HTTP
// server (StoreServer over loopback).

#include "NpyFile.h"
#include "ServerThread.h"
#include "export/GroupExporter.h"
#include "store/StoreFactory.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <functional>
#include <sys/resource.h>

using namespace zs;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 120000,
        const std::function<void()> &inChild = {})
{
    QProcess p;
    if (inChild) p.setChildProcessModifier(inChild);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run cli(const QStringList &args)
{
    return run(QStringLiteral(ZS_CLI), args);
}

Run python(const QStringList &args)
{
    return run(QStringLiteral(ZS_DEBIAN_PYTHON), args);
}

Run check(const QStringList &args)
{
    return python(QStringList{QStringLiteral(ZS_EXPORT_DIR "/check_export.py")} + args);
}

QJsonObject readJson(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

QByteArray fileBytes(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TstExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_outputs = 0;

    QString fx(const QString &name) const { return m_dir.path() + QStringLiteral("/fx/") + name; }
    QString v3(const QString &name) const { return m_dir.path() + QStringLiteral("/v3/") + name; }
    QString newOut() { return m_dir.path() + QStringLiteral("/out%1").arg(++m_outputs); }

    struct ZarritaCheck
    {
        QString outPath; // array in the export
        QString srcPath; // array in src.zarr
        QString sel;
    };
    // zarrita reads the exported arrays; their bytes must equal zarr-python's reading of the source.
    // One python and one node process for all of them (start-up dominates on small arrays).
    void compareWithZarrita(const QString &out, const QList<ZarritaCheck> &checks)
    {
        QStringList dumpArgs{QStringLiteral("dump"), fx("src.zarr")};
        QStringList readArgs{QStringLiteral(ZS_JS_DIR "/read_v3.mjs"), out};
        for (int i = 0; i < checks.size(); ++i) {
            dumpArgs << checks[i].srcPath << checks[i].sel << out + QStringLiteral(".%1.expected").arg(i);
            readArgs << checks[i].outPath << out + QStringLiteral(".%1.zarrita").arg(i);
        }
        const Run dumped = check(dumpArgs);
        QVERIFY2(dumped.exitCode == 0, dumped.err.constData());
        const Run read = run(QStringLiteral(ZS_NODE), readArgs);
        QVERIFY2(read.exitCode == 0, read.err.constData());
        for (int i = 0; i < checks.size(); ++i)
            QVERIFY2(fileBytes(out + QStringLiteral(".%1.zarrita").arg(i)) ==
                         fileBytes(out + QStringLiteral(".%1.expected").arg(i)),
                     qPrintable(checks[i].outPath));
    }

    static QStringList partialFiles(const QString &dir)
    {
        return filesUnder(dir).filter(QStringLiteral(".partial"));
    }

    // The chunk files of a 2-d v2 array exported to `dir` ("0.0", "1.2", ...).
    static QStringList chunkFiles(const QString &dir)
    {
        return filesUnder(dir).filter(QRegularExpression(QStringLiteral("^\\d+\\.\\d+$")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Run made =
            python({QStringLiteral(ZS_EXPORT_DIR "/make_export_fixtures.py"), m_dir.path() + "/fx"});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const Run v3made = python({QStringLiteral(ZS_V3_GENERATOR), m_dir.path() + "/v3"});
        QVERIFY2(v3made.exitCode == 0, v3made.err.constData());
    }

    // A v2 hierarchy to v2: every array and attribute read back equal by zarr-python.
    void groupToV2()
    {
        const QString out = newOut();
        const Run r = cli({QStringLiteral("export"), fx("src.zarr"), QString(), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Run c = check({QStringLiteral("compare"), fx("src.zarr"), QString(), out});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QCOMPARE(QJsonDocument::fromJson(c.out).object()[u"arrays"].toInt(), 6);
        // Chunks missing in the source stay missing; "/" separators are kept.
        QVERIFY(QFileInfo::exists(out + "/a/1.2"));
        QVERIFY(!QFileInfo::exists(out + "/a/2.0"));
        QVERIFY(QFileInfo::exists(out + "/g/h/d/1/2/1"));
        QVERIFY(partialFiles(out).isEmpty());
        QVERIFY2(r.out.contains("6 array(s) and 3 group(s)"), r.out.constData());
        // zarr-python opens the consolidated metadata and finds the same tree, attributes included.
        const Run consolidated = python({QStringLiteral("-c"), QStringLiteral(R"PY(
import sys, zarr
c = zarr.open_consolidated(sys.argv[1], mode="r")
o = zarr.open(sys.argv[1], mode="r")
def tree(g):
    out = []
    g.visit(lambda name: out.append((name, dict(g[name].attrs))))
    return sorted(out, key=lambda t: t[0])
assert tree(c) == tree(o) and len(tree(c)) == 8, (tree(c), tree(o))
assert dict(c.attrs) == dict(o.attrs)
)PY"),
                                         out});
        QVERIFY2(consolidated.exitCode == 0, consolidated.err.constData());
    }

    void subtreeToV2_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("group g") << QStringLiteral("g");
        QTest::addRow("group g/h") << QStringLiteral("g/h");
        QTest::addRow("array g/b (F order, big endian)") << QStringLiteral("g/b");
        QTest::addRow("array g/c (shuffle filter, NaN fill)") << QStringLiteral("g/c");
        QTest::addRow("0-d array s") << QStringLiteral("s");
    }
    void subtreeToV2()
    {
        QFETCH(QString, path);
        const QString out = newOut();
        const Run r = cli({QStringLiteral("export"), fx("src.zarr"), path, QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Run c = check({QStringLiteral("compare"), fx("src.zarr"), path, out});
        QVERIFY2(c.exitCode == 0, c.err.constData());
    }

    // The v2 hierarchy to v3: zarrita reads every array as zarr-python reads the source.
    void v2ToV3()
    {
        const QString out = newOut();
        const Run r = cli({QStringLiteral("export"), fx("src.zarr"), QString(), QStringLiteral("-o"), out,
                           QStringLiteral("--zarr-format"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("note: zlib"), r.err.constData()); // g/c: zlib written as gzip, and said so
        QList<ZarritaCheck> checks;
        for (const char *path : {"a", "g/b", "g/c", "g/h/d", "s", "big"})
            checks.append({path, path, QString()});
        compareWithZarrita(out, checks);
        const QJsonObject b = readJson(out + "/g/b/zarr.json");
        QCOMPARE(b[u"dimension_names"].toArray(), (QJsonArray{"y", "x"}));
        QCOMPARE(b[u"attributes"].toObject()[u"units"].toString(), QStringLiteral("m"));
        QCOMPARE(readJson(out + "/zarr.json")[u"attributes"].toObject()[u"title"].toString(),
                 QStringLiteral("export source"));
        // Consolidated in the root zarr.json: every other node, each as its own zarr.json says.
        const QJsonObject consolidated = readJson(out + "/zarr.json")[u"consolidated_metadata"].toObject();
        QCOMPARE(consolidated[u"kind"].toString(), QStringLiteral("inline"));
        const QJsonObject inlined = consolidated[u"metadata"].toObject();
        QCOMPARE(inlined.keys(), (QStringList{"a", "big", "g", "g/b", "g/c", "g/h", "g/h/d", "s"}));
        QCOMPARE(inlined[u"g/b"].toObject(), b);
        QVERIFY(!QFileInfo::exists(out + "/a/c/2/0")); // never written in the source
    }

    // Every v3 fixture (codecs, sharding, fills, key encodings) exported v3 to v3 and read by zarrita.
    void v3ToV3()
    {
        const QString out = newOut();
        const Run r = cli({QStringLiteral("export"), v3("walk.zarr"), QString(), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray entries = readJson(v3("manifest.json"))[u"entries"].toArray();
        QStringList readArgs{QStringLiteral(ZS_JS_DIR "/read_v3.mjs"), out};
        QList<QJsonObject> compared;
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            if (e[u"store"].toString() != u"walk.zarr" || !e[u"select"].toString().isEmpty() ||
                !e[u"zarrita"].toBool())
                continue;
            readArgs << e[u"array"].toString() << out + QStringLiteral(".%1.bin").arg(compared.size());
            compared << e;
        }
        const Run read = run(QStringLiteral(ZS_NODE), readArgs);
        QVERIFY2(read.exitCode == 0, read.err.constData());
        for (int i = 0; i < compared.size(); ++i) {
            auto npy = zstest::readNpy(v3(compared[i][u"expected"].toString()));
            QVERIFY(npy);
            QVERIFY2(fileBytes(out + QStringLiteral(".%1.bin").arg(i)) == npy->data,
                     qPrintable(compared[i][u"array"].toString()));
        }
        QVERIFY(compared.size() > 40);
    }

    // The v3 fixtures to v2 (sharding, crc32c, transposes mapped or dropped with a note), read by
    // zarr-python.
    void v3ToV2()
    {
        const QString out = newOut();
        const Run r = cli({QStringLiteral("export"), v3("walk.zarr"), QString(), QStringLiteral("-o"), out,
                           QStringLiteral("--zarr-format"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("note: Zarr v2 has no sharding"), r.err.constData());
        const Run c = check({QStringLiteral("expected"), v3("manifest.json"), out});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY(QJsonDocument::fromJson(c.out).object()[u"arrays"].toInt() > 60);
    }

    void rechunked_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("chunks");
        QTest::addRow("v2 larger chunks") << "2" << QString() << "64,100";
        QTest::addRow("v2 smaller, uneven, gzip") << "2"
                                                  << "gzip"
                                                  << "13,17";
        QTest::addRow("v3 one row band, zstd") << "3"
                                               << "zstd"
                                               << "1,300";
        QTest::addRow("v3 blosc-lz4") << "3"
                                      << "blosc-lz4"
                                      << "200,7";
        QTest::addRow("v2 none") << "2"
                                 << "none"
                                 << "40,40";
    }
    void rechunked()
    {
        QFETCH(QString, format);
        QFETCH(QString, codec);
        QFETCH(QString, chunks);
        const QString out = newOut();
        QStringList args{QStringLiteral("export"),
                         fx("src.zarr"),
                         QStringLiteral("big"),
                         QStringLiteral("-o"),
                         out,
                         QStringLiteral("--zarr-format"),
                         format,
                         QStringLiteral("--chunks"),
                         chunks};
        if (!codec.isEmpty()) args << QStringLiteral("--codec") << codec;
        const Run r = cli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonArray want;
        for (const QString &c : chunks.split(u','))
            want << c.toInt();
        if (format == u"2") {
            QCOMPARE(readJson(out + "/.zarray")[u"chunks"].toArray(), want);
            const Run c = check({QStringLiteral("compare"), fx("src.zarr"), QStringLiteral("big"), out});
            QVERIFY2(c.exitCode == 0, c.err.constData());
        } else {
            const QJsonObject grid = readJson(out + "/zarr.json")[u"chunk_grid"].toObject();
            QCOMPARE(grid[u"configuration"].toObject()[u"chunk_shape"].toArray(), want);
            compareWithZarrita(out, {{QString(), QStringLiteral("big"), QString()}});
        }
    }

    // --shards: v3 sharding_indexed output (crc32c-checked index at the end), read back by zarrita.
    void sharded_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<QString>("shards");
        QTest::addColumn<int>("shardFiles");
        QTest::addRow("source chunks inside, v3 picked") << QStringList() << "25,30"
                                                         << "50,60" << 4 * 5;
        QTest::addRow("new chunks, uneven edge shards, zstd")
            << QStringList{"--chunks", "10,7", "--codec", "zstd"} << "10,7"
            << "40,21" << 5 * 15;
        QTest::addRow("one shard holds everything") << QStringList{"--zarr-format", "3"} << "25,30"
                                                    << "200,300" << 1;
    }
    void sharded()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, inner);
        QFETCH(QString, shards);
        QFETCH(int, shardFiles);
        const QString out = newOut();
        const Run r = cli(QStringList{QStringLiteral("export"), fx("src.zarr"), QStringLiteral("big"),
                                      QStringLiteral("-o"), out, QStringLiteral("--shards"), shards} +
                          extra);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto shape = [](const QString &csv) {
            QJsonArray a;
            for (const QString &c : csv.split(u','))
                a << c.toInt();
            return a;
        };
        const QJsonObject meta = readJson(out + "/zarr.json");
        QCOMPARE(meta[u"chunk_grid"].toObject()[u"configuration"].toObject()[u"chunk_shape"].toArray(),
                 shape(shards));
        const QJsonArray codecs = meta[u"codecs"].toArray();
        QCOMPARE(codecs.size(), 1);
        const QJsonObject sharding = codecs[0].toObject();
        QCOMPARE(sharding[u"name"].toString(), QStringLiteral("sharding_indexed"));
        const QJsonObject config = sharding[u"configuration"].toObject();
        QCOMPARE(config[u"chunk_shape"].toArray(), shape(inner));
        QCOMPARE(config[u"index_codecs"].toArray().last().toObject()[u"name"].toString(),
                 QStringLiteral("crc32c"));
        QCOMPARE(filesUnder(out).filter(QRegularExpression(QStringLiteral("^c/\\d+/\\d+$"))).size(),
                 shardFiles);
        compareWithZarrita(out, {{QString(), QStringLiteral("big"), QString()}});
        // And this program reads its own shards back.
        const QString npy = out + QStringLiteral(".own.npy");
        const Run got = cli({QStringLiteral("get"), out, QString(), QStringLiteral("-o"), npy});
        QVERIFY2(got.exitCode == 0, got.err.constData());
        const Run dumped = check({QStringLiteral("dump"), fx("src.zarr"), QStringLiteral("big"), QString(),
                                  out + QStringLiteral(".src")});
        QVERIFY2(dumped.exitCode == 0, dumped.err.constData());
        auto own = zstest::readNpy(npy);
        QVERIFY(own);
        QVERIFY(own->data == fileBytes(out + QStringLiteral(".src")));
    }

    void shardsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("not a multiple of the chunks")
            << QStringList{"big", "--shards", "50,50"} << 2
            << "shard shape 50,50 is not a multiple of the chunk shape 25,30";
        QTest::addRow("wrong rank") << QStringList{"big", "--shards", "50"} << 2 << "--shards gives 1 sizes";
        QTest::addRow("v2 output") << QStringList{"big", "--shards", "50,60", "--zarr-format", "2"} << 1
                                   << "--shards needs Zarr v3 output";
        QTest::addRow("a group") << QStringList{"", "--shards", "50,60"} << 2 << "applies to one array";
        QTest::addRow("not numbers") << QStringList{"big", "--shards", "50,x"} << 1
                                     << "--shards must be positive integers";
    }
    void shardsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString out = newOut();
        const Run r = cli(QStringList{QStringLiteral("export"), fx("src.zarr")} + args +
                          QStringList{QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(!QFileInfo::exists(out) || filesUnder(out).isEmpty()); // nothing written
    }

    void selection_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("select");
        QTest::addRow("v2 strided box") << "2"
                                        << "big"
                                        << "10:190:3,17:250:2";
        QTest::addRow("v2 one row drops a dimension") << "2"
                                                      << "big"
                                                      << "57";
        QTest::addRow("v2 F order column") << "2"
                                           << "g/b"
                                           << "...,3";
        QTest::addRow("v3 strided box") << "3"
                                        << "big"
                                        << "10:190:3,17:250:2";
        QTest::addRow("v3 3-d middle slab") << "3"
                                            << "g/h/d"
                                            << "1:3,2,::2";
    }
    void selection()
    {
        QFETCH(QString, format);
        QFETCH(QString, path);
        QFETCH(QString, select);
        const QString out = newOut();
        const Run r = cli({QStringLiteral("export"), fx("src.zarr"), path, QStringLiteral("-o"), out,
                           QStringLiteral("--zarr-format"), format, QStringLiteral("--select"), select});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        if (format == u"2") {
            const Run c = check({QStringLiteral("compare"), fx("src.zarr"), path, out, select});
            QVERIFY2(c.exitCode == 0, c.err.constData());
        } else {
            compareWithZarrita(out, {{QString(), path, select}});
        }
    }

    // A small batch budget: the array streams through in batches no larger than the budget.
    void boundedBatches()
    {
        auto store = openStore(fx("src.zarr"));
        QVERIFY(store);
        ExportOptions options;
        options.chunks = {20, 30};
        options.batchBytes = 20 * 30 * 4 * 3; // three output chunks
        const QString out = newOut();
        auto stats = exportNode(*store, QStringLiteral("big"), out, options);
        QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().toString()));
        QCOMPARE(stats->chunksTotal, quint64(100));
        QCOMPARE(stats->chunksWritten, quint64(100));
        QVERIFY2(stats->maxBatchBytes <= options.batchBytes,
                 qPrintable(QString::number(stats->maxBatchBytes)));
        QVERIFY(stats->maxBatchBytes > 0);
        const Run c = check({QStringLiteral("compare"), fx("src.zarr"), QStringLiteral("big"), out});
        QVERIFY2(c.exitCode == 0, c.err.constData());
    }

    // Cancel part way over HTTP, then resume: chunks already written are not requested again.
    void cancelThenResume()
    {
        server::ServerThread server(fx(QString()));
        QVERIFY(server.start() != 0);
        server.server()->setLatencyMs(5);
        const QString url = server.url().toString() + QStringLiteral("src.zarr");
        const QString out = newOut();
        ExportOptions options;
        options.batchBytes = 25 * 30 * 4 * 4; // 4 chunks a batch: 20 batches for the 80 chunks
        {
            auto store = openStore(url, StoreOptions::limitedTo(4));
            QVERIFY(store);
            GroupExporter exporter(*store, QStringLiteral("big"), out, options);
            QSignalSpy failed(&exporter, &GroupExporter::failed);
            QSignalSpy finished(&exporter, &GroupExporter::finished);
            connect(&exporter, &GroupExporter::progress, &exporter, [&](quint64 done, quint64, quint64) {
                if (done >= 20) exporter.cancel();
            });
            exporter.start();
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
            QCOMPARE(failed.first().first().value<Error>().what, QStringLiteral("export cancelled"));
            QCOMPARE(finished.size(), 0);
        }
        QStringList written = chunkFiles(out);
        QVERIFY2(written.size() >= 20 && written.size() < 80, qPrintable(QString::number(written.size())));
        QVERIFY(partialFiles(out).isEmpty());

        // Not resuming into a non-empty directory is refused.
        auto store = openStore(url);
        QVERIFY(store);
        auto refused = exportNode(*store, QStringLiteral("big"), out, options);
        QVERIFY(!refused);
        QVERIFY2(refused.error().toString().contains(u"--resume"), qPrintable(refused.error().toString()));

        // A killed process leaves its temporary files; resuming removes them, and only them.
        const QStringList strays{QStringLiteral("/.0.1.00c0ffee00c0ffee.partial"),
                                 QStringLiteral("/.zarray.0123456789abcdef.partial")};
        for (const QString &stray : strays) {
            QFile f(out + stray);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("half a chunk") > 0);
        }
        QFile mine(out + QStringLiteral("/notes.partial")); // not a name the writer makes
        QVERIFY(mine.open(QIODevice::WriteOnly) && mine.write("user's own file") > 0);
        mine.close();

        server.server()->resetStats();
        options.resume = true;
        auto resumed = exportNode(*store, QStringLiteral("big"), out, options);
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().toString()));
        QCOMPARE(resumed->chunksExisting, quint64(written.size()));
        QCOMPARE(resumed->chunksWritten, quint64(80 - written.size()));
        for (const QString &key : written)
            QCOMPARE(server.server()->requestCount(QStringLiteral("src.zarr/big/") + key), 0);
        qint64 chunkRequests = 0;
        const auto perPath = server.server()->requestsPerPath();
        for (auto it = perPath.begin(); it != perPath.end(); ++it)
            if (QRegularExpression(QStringLiteral("big/\\d+\\.\\d+$")).match(it.key()).hasMatch())
                chunkRequests += it.value();
        QCOMPARE(chunkRequests, qint64(80 - written.size()));
        QCOMPARE(partialFiles(out), QStringList{QStringLiteral("notes.partial")});
        QVERIFY(QFile::remove(out + QStringLiteral("/notes.partial")));
        const Run c = check({QStringLiteral("compare"), fx("src.zarr"), QStringLiteral("big"), out});
        QVERIFY2(c.exitCode == 0, c.err.constData());
    }

    // Consolidated metadata naming paths outside the store: refused, nothing written anywhere.
    void hostileConsolidated_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addRow("../evil") << "hostile_dotdot.zarr";
        QTest::addRow("absolute") << "hostile_absolute.zarr";
        QTest::addRow("empty segment") << "hostile_empty_segment.zarr";
        QTest::addRow("ok/../../evil") << "hostile_inner_dotdot.zarr";
    }
    void hostileConsolidated()
    {
        QFETCH(QString, store);
        const QString parent = newOut();
        QVERIFY(QDir().mkpath(parent));
        const QString out = parent + QStringLiteral("/inner/out");
        for (const char *format : {"2", "3"}) {
            const Run r = cli({QStringLiteral("export"), fx(store), QString(), QStringLiteral("-o"), out,
                               QStringLiteral("--zarr-format"), format});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.startsWith("error: refusing"), r.err.constData());
            QVERIFY2(filesUnder(parent).isEmpty(), qPrintable(filesUnder(parent).join(u' ')));
            QVERIFY(!QFileInfo::exists(out));
            QVERIFY(!QFileInfo::exists(m_dir.path() + "/evil") && !QFileInfo::exists(parent + "/evil"));
            QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/zarrscope-evil")));
        }
    }

    // Writes that cannot happen stop with a clear error (exit 2).
    void failedWrite_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::addRow("target is a file") << "file" << QStringList() << "not a directory";
        QTest::addRow("non-empty without --resume") << "export" << QStringList() << "--resume";
        QTest::addRow("file in the way of a group")
            << "file-in-way" << QStringList{"--resume"} << "a file is in the way of a directory";
        QTest::addRow("symlink out of the target")
            << "symlink" << QStringList{"--resume"} << "refusing to write through a symbolic link";
        QTest::addRow("resume with other options")
            << "export" << QStringList{"--resume", "--codec", "gzip"} << "existing metadata differs";
    }
    void failedWrite()
    {
        QFETCH(QString, setup);
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const QString out = newOut();
        const QString outside = out + QStringLiteral(".outside");
        if (setup == u"file") {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else {
            const Run first = cli(
                {QStringLiteral("export"), fx("src.zarr"), QStringLiteral("g"), QStringLiteral("-o"), out});
            QVERIFY2(first.exitCode == 0, first.err.constData());
            if (setup == u"file-in-way" || setup == u"symlink") {
                QVERIFY(QDir(out + "/h").removeRecursively());
                QDir().mkpath(outside);
                if (setup == u"symlink")
                    QVERIFY(QFile::link(outside, out + "/h"));
                else
                    QVERIFY(QFile(out + "/h").open(QIODevice::WriteOnly));
            }
        }
        const Run r = cli(QStringList{QStringLiteral("export"), fx("src.zarr"), QStringLiteral("g"),
                                      QStringLiteral("-o"), out} +
                          extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: ") && r.err.contains(message.toUtf8()), r.err.constData());
        if (setup == u"symlink") QVERIFY(filesUnder(outside).isEmpty());
    }

    // A write that fails part way (a file size limit stands in for a full disk: write() stores
    // what fits, then fails, as it does with ENOSPC). The export stops with an error naming the
    // chunk, leaves no temporary or half-written chunk file, and a resume completes it.
    void writeFailsPartWay()
    {
        const QString out = newOut();
        const QStringList args{QStringLiteral("export"),
                               fx("src.zarr"),
                               QStringLiteral("big"),
                               QStringLiteral("-o"),
                               out,
                               QStringLiteral("--codec"),
                               QStringLiteral("none"),
                               QStringLiteral("--chunks"),
                               QStringLiteral("25,300")}; // 30000-byte chunk files
        const Run limited = run(QStringLiteral(ZS_CLI), args, 120000, [] {
            const rlimit limit{16384, 16384};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            std::signal(SIGXFSZ, SIG_IGN); // the write then fails with EFBIG instead of killing
        });
        QCOMPARE(limited.exitCode, 2);
        QVERIFY2(limited.err.startsWith("error: cannot write: ") &&
                     limited.err.contains(QFile::encodeName(out + u'/')) && limited.err.count('\n') == 1,
                 limited.err.constData());
        QVERIFY(partialFiles(out).isEmpty());
        for (const QString &file : chunkFiles(out))
            QCOMPARE(QFileInfo(out + u'/' + file).size(), qint64(30000)); // whole, or not there
        const Run resumed = cli(args + QStringList{QStringLiteral("--resume")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const Run c = check({QStringLiteral("compare"), fx("src.zarr"), QStringLiteral("big"), out});
        QVERIFY2(c.exitCode == 0, c.err.constData());
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("no -o") << QStringList{"big"} << 1;
        QTest::addRow("format 4") << QStringList{"big", "-o", "X", "--zarr-format", "4"} << 1;
        QTest::addRow("unknown codec") << QStringList{"big", "-o", "X", "--codec", "lzma"} << 1;
        QTest::addRow("zero chunk") << QStringList{"big", "-o", "X", "--chunks", "0,5"} << 1;
        QTest::addRow("chunks of the wrong rank") << QStringList{"big", "-o", "X", "--chunks", "5"} << 2;
        QTest::addRow("selection of a group") << QStringList{"g", "-o", "X", "--select", "0"} << 2;
        QTest::addRow("no such node") << QStringList{"nope", "-o", "X"} << 2;
    }
    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const QString out = newOut();
        args.replaceInStrings(QRegularExpression(QStringLiteral("^X$")), out);
        const Run r = cli(QStringList{QStringLiteral("export"), fx("src.zarr")} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_GUILESS_MAIN(TstExport)
#include "tst_export.moc"
