// Variable-length strings, bytes and json2 against the real writers: zarr-python 2.13 object
// arrays, an xarray Dataset with a string variable, and v3 string/bytes arrays (plain and
// sharded) in zarr-python 3's spelling with numcodecs-encoded chunks (make_string_fixtures.py).
// Every read is written the way `get` writes it (.npy <U{n}/|S{n}) and compared byte for byte
// with what zarr-python reads; hostile chunks must fail with an error naming what and where;
// zarrita reads the v3 string arrays back independently.

#include "NpyFile.h"

#include "array/ArrayReader.h"
#include "array/VarLengthValues.h"
#include "hierarchy/Hierarchy.h"
#include "io/NpyWriter.h"
#include "selection/Selection.h"
#include "store/StoreFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace zs;

class TestStrings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QJsonObject m_manifest;

    QString fixture(const QString &rel) const { return m_dir.filePath(rel); }

    Result<NdArray> read(const QString &store, const QString &array, const QString &select,
                         ReadOptions options = {})
    {
        ZS_TRY(auto s, openStore(fixture(store)));
        ZS_TRY(NodeMetadata node, loadNode(*s, array));
        if (!node.isArray()) return makeError(QStringLiteral("not an array"), array);
        ZS_TRY(Selection sel, parseSelection(select, node.array->shape));
        return readSelection(s, array, *node.array, sel, options);
    }

    struct Run
    {
        int code = -1;
        QByteArray out, err;
    };
    static Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(ZS_CLI), args);
        Run r;
        if (!p.waitForFinished(60000)) p.kill();
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static void compareNpy(const QString &gotPath, const QString &wantPath)
    {
        QString error;
        const auto got = zstest::readNpy(gotPath, &error);
        QVERIFY2(got, qPrintable(error));
        const auto want = zstest::readNpy(wantPath, &error);
        QVERIFY2(want, qPrintable(error));
        QCOMPARE(got->descr, want->descr);
        QCOMPARE(got->shape, want->shape);
        QCOMPARE(got->data, want->data);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString python = QStringLiteral(ZS_DEBIAN_PYTHON);
        QVERIFY2(
            !python.isEmpty() && QFileInfo(python).isExecutable(),
            "Debian's /usr/bin/python3 is required: apt install python3-zarr python3-xarray python3-pandas");
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(python,
                  {QStringLiteral(ZS_SOURCE_DIR "/tests/core/make_string_fixtures.py"), m_dir.path()});
        QVERIFY2(gen.waitForFinished(120000), "fixture generator did not finish");
        const QByteArray log = gen.readAll();
        QVERIFY2(gen.exitStatus() == QProcess::NormalExit && gen.exitCode() == 0,
                 qPrintable(QStringLiteral("make_string_fixtures.py failed (apt install python3-zarr "
                                           "python3-numcodecs python3-xarray python3-pandas):\n") +
                            QString::fromUtf8(log)));
        QFile f(fixture(QStringLiteral("manifest.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_manifest = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(m_manifest.value(QStringLiteral("reads")).toArray().size() > 50);
    }

    void reads_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("select");
        QTest::addColumn<QString>("expected");
        for (const auto &v : m_manifest.value(QStringLiteral("reads")).toArray()) {
            const QJsonObject o = v.toObject();
            QTest::addRow("%s", qPrintable(o[QStringLiteral("id")].toString()))
                << o[QStringLiteral("store")].toString() << o[QStringLiteral("array")].toString()
                << o[QStringLiteral("select")].toString() << o[QStringLiteral("expected")].toString();
        }
    }

    // What zarr-python reads, written as `get` writes it, one chunk at a time and 64 at once.
    void reads()
    {
        QFETCH(QString, store);
        QFETCH(QString, array);
        QFETCH(QString, select);
        QFETCH(QString, expected);
        for (int concurrency : {1, 64}) {
            auto got = read(store, array, select, ReadOptions{concurrency});
            QVERIFY2(got, qPrintable(got ? QString() : got.error().toString()));
            const QString out = m_dir.filePath(QStringLiteral("got.npy"));
            const auto written = writeNpy(*got, out);
            QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
            compareNpy(out, fixture(expected));
            if (QTest::currentTestFailed()) return;
        }
    }

    void errors_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("contains");
        for (const auto &v : m_manifest.value(QStringLiteral("errors")).toArray()) {
            const QJsonObject o = v.toObject();
            QTest::addRow("%s", qPrintable(o[QStringLiteral("id")].toString()))
                << o[QStringLiteral("store")].toString() << o[QStringLiteral("array")].toString()
                << o[QStringLiteral("contains")].toString();
        }
    }

    // Hostile chunks and refused object codecs: an error naming what and where, never a crash.
    void errors()
    {
        QFETCH(QString, store);
        QFETCH(QString, array);
        QFETCH(QString, contains);
        auto got = read(store, array, QString());
        QVERIFY2(!got, "a broken array read without error");
        const QString message = got.error().toString();
        qInfo("%s", qPrintable(message));
        QVERIFY2(message.contains(contains, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("\"%1\" does not mention \"%2\"").arg(message, contains)));
        QVERIFY2(message.contains(array),
                 qPrintable(QStringLiteral("\"%1\" does not name %2").arg(message, array)));
    }

    // 8 strings of 1 MiB compress to almost nothing: the result limit counts their bytes.
    void resultLimitCountsStrings()
    {
        const QString store = QStringLiteral("v2.zarr"), array = QStringLiteral("long_strings");
        auto all = read(store, array, QString());
        QVERIFY2(all, qPrintable(all ? QString() : all.error().toString()));
        QCOMPARE(all->item(7).size(), qsizetype(1) << 20);
        QCOMPARE(all->item(7).front(), 'h');
        ReadOptions small;
        small.maxResultBytes = std::uint64_t(3) << 20;
        auto refused = read(store, array, QString(), small);
        QVERIFY(!refused);
        QVERIFY2(refused.error().toString().contains(QStringLiteral("limit")),
                 qPrintable(refused.error().toString()));
        // One chunk's strings obey the chunk limit too (they decompress to 4 MiB here).
        ReadOptions smallChunks;
        smallChunks.maxChunkBytes = std::uint64_t(1) << 20;
        auto chunkRefused = read(store, array, QString(), smallChunks);
        QVERIFY(!chunkRefused);
        QVERIFY2(chunkRefused.error().toString().contains(QStringLiteral("chunk limits let one chunk")),
                 qPrintable(chunkRefused.error().toString()));
        // A strided selection keeps only the items it selects, not the chunks they came from.
        auto strided = read(store, array, QStringLiteral("::4"));
        QVERIFY(strided);
        QCOMPARE(strided->elementCount(), std::uint64_t(2));
        QCOMPARE(strided->item(1).front(), 'e');
        QVERIFY(strided->strings->byteSize() < (std::uint64_t(2) << 20) + 4096);
    }

    // The user's view of an xarray dataset: ls and info name the string type, get writes <U{n}.
    void cliOnXarrayDataset()
    {
        QVERIFY2(QFileInfo(QStringLiteral(ZS_CLI)).isExecutable(), ZS_CLI " was not built");
        const QString store = fixture(QStringLiteral("xarray.zarr"));
        Run ls = cli({QStringLiteral("ls"), store, QStringLiteral("--json")});
        QVERIFY2(ls.code == 0, ls.err.constData());
        bool sawStation = false;
        for (const auto &n : QJsonDocument::fromJson(ls.out).array()) {
            if (n.toObject()[QStringLiteral("path")].toString() == u"station") {
                sawStation = true;
                QCOMPARE(n.toObject()[QStringLiteral("dtype")].toString(), QStringLiteral("string"));
            }
        }
        QVERIFY2(sawStation, ls.out.constData());
        Run info = cli({QStringLiteral("info"), store, QStringLiteral("station"), QStringLiteral("--json")});
        QVERIFY2(info.code == 0, info.err.constData());
        const QJsonObject details = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(details[QStringLiteral("dtype")].toString(), QStringLiteral("string"));
        QCOMPARE(details[QStringLiteral("numpy_dtype")].toString(), QStringLiteral("|O"));
        const QString out = m_dir.filePath(QStringLiteral("station.npy"));
        Run get = cli({QStringLiteral("get"), store, QStringLiteral("station"), QStringLiteral("-o"), out});
        QVERIFY2(get.code == 0, get.err.constData());
        for (const auto &v : m_manifest.value(QStringLiteral("reads")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o[QStringLiteral("store")].toString() == u"xarray.zarr" &&
                o[QStringLiteral("array")].toString() == u"station" &&
                o[QStringLiteral("select")].toString().isEmpty())
                compareNpy(out, fixture(o[QStringLiteral("expected")].toString()));
        }
    }

    void cliNamesTheTypes_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("dtype");
        QTest::addRow("v2 vlen-utf8") << "v2.zarr"
                                      << "utf8_1d"
                                      << "string";
        QTest::addRow("v2 vlen-bytes") << "v2.zarr"
                                       << "bytes_1d_zstd"
                                       << "bytes";
        QTest::addRow("v2 json2") << "v2.zarr"
                                  << "json_mixed_1d"
                                  << "json2";
        QTest::addRow("v3 string") << "v3.zarr"
                                   << "string_1d"
                                   << "string";
        QTest::addRow("v3 bytes sharded") << "v3.zarr"
                                          << "bytes_sharded_start"
                                          << "bytes";
    }

    void cliNamesTheTypes()
    {
        QFETCH(QString, store);
        QFETCH(QString, array);
        QFETCH(QString, dtype);
        Run info = cli({QStringLiteral("info"), fixture(store), array, QStringLiteral("--json")});
        QVERIFY2(info.code == 0, info.err.constData());
        QCOMPARE(QJsonDocument::fromJson(info.out).object()[QStringLiteral("dtype")].toString(), dtype);
    }

    // A hostile chunk through the CLI: "error: <what> (<where>)", exit 2.
    void cliHostileChunk()
    {
        const QString out = m_dir.filePath(QStringLiteral("bad.npy"));
        Run get = cli({QStringLiteral("get"), fixture(QStringLiteral("bad.zarr")),
                       QStringLiteral("huge_count_many"), QStringLiteral("-o"), out});
        QCOMPARE(get.code, 2);
        QVERIFY2(get.err.startsWith("error: ") && get.err.contains("huge_count_many/0") &&
                     get.err.contains("items"),
                 get.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

    // Export does not write variable-length items yet: it says so, naming the array.
    void exportIsRefused()
    {
        const QString out = m_dir.filePath(QStringLiteral("exported.zarr"));
        Run r = cli({QStringLiteral("export"), fixture(QStringLiteral("xarray.zarr")),
                     QStringLiteral("station"), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("error: exporting string arrays is not supported (station)"),
                 r.err.constData());
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/zarr.json")) &&
                !QFileInfo::exists(out + QStringLiteral("/.zarray")));
    }

    // zarrita, an independent reader, gets the same strings from our v3 fixtures.
    void zarritaAgrees()
    {
        const QString node = QStringLiteral(ZS_NODE);
        QVERIFY2(!node.isEmpty() && QFileInfo(node).isExecutable(), "node is required (apt install nodejs)");
        const QString js = QStringLiteral(ZS_SOURCE_DIR "/tests/js");
        QVERIFY2(QFileInfo::exists(js + QStringLiteral("/node_modules/zarrita/package.json")),
                 "zarrita is not installed: run `npm ci` in tests/js");
        // zarrita 0.7 decodes vlen-utf8 but not vlen-bytes, and reads a vlen chunk from the start
        // of its buffer, which inner chunks of a shard are not: the plain string arrays only.
        const QStringList arrays = {QStringLiteral("string_1d"), QStringLiteral("string_2d_missing")};
        QProcess p;
        p.setWorkingDirectory(js);
        p.start(node,
                QStringList{js + QStringLiteral("/read_strings.mjs"), fixture(QStringLiteral("v3.zarr"))} +
                    arrays);
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), arrays.size());
        for (qsizetype i = 0; i < arrays.size(); ++i) {
            const QJsonObject theirs = QJsonDocument::fromJson(lines[i]).object();
            auto ours = read(QStringLiteral("v3.zarr"), arrays[i], QString());
            QVERIFY2(ours, qPrintable(ours ? QString() : ours.error().toString()));
            const QJsonArray values = theirs[QStringLiteral("values")].toArray();
            QCOMPARE(std::uint64_t(values.size()), ours->elementCount());
            const VarLengthValues text(*ours);
            for (qsizetype k = 0; k < values.size(); ++k)
                QCOMPARE(text.text(std::uint64_t(k)), values[k].toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestStrings)
#include "tst_strings.moc"
