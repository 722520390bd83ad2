// Zip archives as stores, read from disk, from our embedded server and from nginx: archives
// written by zarr-python 2.13's ZipStore (stored, deflated, Zip64, zipped from the parent
// folder, a group inside) compared value for value with what zarr-python reads from them,
// request counts that show the design (the directory is the listing, one range request per
// entry, one request in all to a server that ignores Range), and hostile archives by Python's
// zipfile that must end in an error naming what and where.

#include "NginxFront.h"
#include "NpyFile.h"
#include "S3rverProcess.h"
#include "ServerThread.h"
#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace zs;

class TstZipStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QJsonObject m_expected;
    std::unique_ptr<server::ServerThread> m_server;
    server::NginxFront m_nginx;
    zstest::S3rverProcess m_s3;
    bool m_s3Tried = false;

    // s3rver with deflated.zip at the bucket's top and stored.zip under zips/; started on first use.
    bool ensureS3()
    {
        if (m_s3Tried) return !m_s3.endpoint().isEmpty();
        m_s3Tried = true;
        QStringList uploads;
        for (const auto &[archive, prefix] :
             {std::pair{"deflated.zip", ""}, std::pair{"stored.zip", "zips"}}) {
            const QString dir = m_dir.filePath(QStringLiteral("s3-upload/") + QString::fromLatin1(archive));
            QDir().mkpath(dir);
            QFile::copy(m_dir.filePath(QString::fromLatin1(archive)),
                        dir + u'/' + QString::fromLatin1(archive));
            uploads << dir << QString::fromLatin1(prefix);
        }
        return m_s3.start(m_dir.filePath(QStringLiteral("s3rver-data")), QStringLiteral("zarrscope"),
                          uploads);
    }

    server::StoreServer *srv() { return m_server->server(); }

    QString locationOf(const QString &transport, const QString &archive) const
    {
        if (transport == u"disk") return m_dir.filePath(archive);
        if (transport == u"server") return m_server->url().toString() + archive;
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_nginx.port()).arg(archive);
    }

    static QString err(const Error &e) { return e.toString(); }

    void compareWithNpy(const std::shared_ptr<Store> &store, const QString &array, const QString &npy)
    {
        const auto want = zstest::readNpy(m_dir.filePath(npy));
        QVERIFY2(want, qPrintable(npy));
        auto node = loadNode(*store, array);
        QVERIFY2(node, qPrintable(node ? QString() : err(node.error())));
        QVERIFY(node->isArray());
        auto got = readSelection(store, array, *node->array, Selection::all(node->array->shape));
        QVERIFY2(got, qPrintable(got ? QString() : err(got.error())));
        QCOMPARE(got->dtype.numpyTypeString(), want->descr);
        QCOMPARE(got->shape, want->shape);
        QVERIFY2(got->data == want->data,
                 qPrintable(array + QStringLiteral(": values differ from zarr-python's")));
    }

    static QStringList pathsOf(const HierarchyEntries &entries)
    {
        QStringList out;
        for (const auto &e : entries)
            out << e.path;
        return out;
    }

    static QStringList strings(const QJsonValue &v)
    {
        QStringList out;
        for (const auto &s : v.toArray())
            out << s.toString();
        return out;
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
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(QStringLiteral(ZS_DEBIAN_PYTHON), {QStringLiteral(ZS_ZIP_FIXTURES), m_dir.path()});
        QVERIFY(gen.waitForFinished(120000));
        QVERIFY2(gen.exitCode() == 0, qPrintable(QStringLiteral("make_zip_fixtures.py failed (apt install "
                                                                "python3-zarr python3-numcodecs):\n") +
                                                 QString::fromUtf8(gen.readAll())));
        QFile f(m_dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expected = QJsonDocument::fromJson(f.readAll()).object();
        m_server = std::make_unique<server::ServerThread>(m_dir.path());
        QVERIFY(m_server->start() != 0);
        QVERIFY2(!server::NginxFront::nginxPath().isEmpty(), "nginx is missing: apt install nginx-light");
        QString problem;
        QVERIFY2(m_nginx.startStatic(m_dir.path(), &problem), qPrintable(problem));
    }

    void init()
    {
        srv()->clearFaults();
        srv()->resetStats();
    }

    // Every node zarr-python finds, and every array's values, from each archive over each transport.
    void readsZarrPythonArchives_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("archive");
        for (const QString &transport :
             {QStringLiteral("disk"), QStringLiteral("server"), QStringLiteral("nginx")})
            for (const QString &archive : m_expected[QStringLiteral("nodes")].toObject().keys())
                QTest::addRow("%s %s", qPrintable(transport), qPrintable(archive)) << transport << archive;
    }
    void readsZarrPythonArchives()
    {
        QFETCH(QString, transport);
        QFETCH(QString, archive);
        auto store = openStore(locationOf(transport, archive));
        QVERIFY2(store, qPrintable(store ? QString() : err(store.error())));
        QVERIFY((*store)->canList());
        auto listed = (*store)->list(QString()).result();
        QVERIFY2(listed, qPrintable(listed ? QString() : err(listed.error())));
        QVERIFY(!listed->mayOmitDotFiles);
        auto entries = discoverHierarchy(**store);
        QVERIFY2(entries, qPrintable(entries ? QString() : err(entries.error())));
        for (const auto &e : *entries)
            QVERIFY2(e.error.isEmpty(), qPrintable(e.path + QStringLiteral(": ") + e.error));
        QCOMPARE(pathsOf(*entries), strings(m_expected[QStringLiteral("nodes")][archive]));
        for (const auto &a : m_expected[QStringLiteral("arrays")][archive].toArray()) {
            compareWithNpy(*store, a[QStringLiteral("path")].toString(), a[QStringLiteral("npy")].toString());
            if (QTest::currentTestFailed()) return;
        }
    }

    // The directory is the listing: the first range request reads the archive's last 64 KiB,
    // which holds the end record and, unless the archive has very many entries, the whole
    // directory; a larger directory takes one more. A walk of the hierarchy then reads each
    // metadata document once (no probes of absent keys: the directory answers those) and each
    // chunk costs one range request of the archive.
    void requestCounts_data()
    {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<qint64>("listingRequests");
        QTest::addRow("stored.zip, 140 KB, 52 entries") << QStringLiteral("stored.zip") << qint64(1);
        QTest::addRow("many.zip, 1600 chunks") << QStringLiteral("many.zip") << qint64(2);
    }
    void requestCounts()
    {
        QFETCH(QString, archive);
        QFETCH(qint64, listingRequests);
        auto store = openStore(locationOf(QStringLiteral("server"), archive));
        QVERIFY(store);
        QVERIFY((*store)->list(QString()).result());
        QCOMPARE(srv()->requestCount(archive), listingRequests);
        QCOMPARE(srv()->totalRequests(), listingRequests);
        const auto stats = (*store)->transferStats();
        QVERIFY(stats);
        QCOMPARE(stats->rangeRequests, std::uint64_t(listingRequests));
        QVERIFY2(stats->bytes < std::uint64_t(QFileInfo(m_dir.filePath(archive)).size()) / 2,
                 "listing downloaded the whole archive");

        srv()->resetStats();
        auto nodes = listNodes(**store);
        QVERIFY(nodes);
        QCOMPARE(srv()->totalRequests(),
                 qint64(m_expected[QStringLiteral("metadata_entries")][archive].toInt()));

        const QString array = archive == u"many.zip" ? QStringLiteral("m") : QStringLiteral("big");
        auto node = loadNode(**store, array);
        QVERIFY(node && node->isArray());
        srv()->resetStats();
        auto got = readSelection(*store, array, *node->array, Selection::all(node->array->shape));
        QVERIFY(got);
        QCOMPARE(srv()->totalRequests(), qint64(archive == u"many.zip" ? 1600 : 4)); // one per chunk
    }

    // Ranges of a stored entry (a shard in a zip) are range requests of the archive: the first
    // also reads the entry's local header, later ones cost one request each. Deflated entries
    // are inflated whole and cut. Either way the bytes are those of the entry.
    void entryRanges_data()
    {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<qint64>("firstRequests");
        QTest::addColumn<qint64>("laterRequests");
        QTest::addRow("stored") << QStringLiteral("stored.zip") << qint64(2) << qint64(1);
        QTest::addRow("deflated") << QStringLiteral("deflated.zip") << qint64(1) << qint64(1);
    }
    void entryRanges()
    {
        QFETCH(QString, archive);
        QFETCH(qint64, firstRequests);
        QFETCH(qint64, laterRequests);
        auto store = openStore(locationOf(QStringLiteral("server"), archive));
        QVERIFY(store);
        QVERIFY((*store)->list(QString()).result());
        const QString key = QStringLiteral("big/1.0");
        const auto whole = (*store)->get(key).result();
        QVERIFY(whole && *whole);
        QCOMPARE((*whole)->size(), qsizetype(16 * 512 * 4));
        srv()->resetStats();
        const auto tail = (*store)->getRange(key, ByteRange::lastBytes(100)).result();
        QVERIFY2(tail && *tail, qPrintable(tail ? QString() : err(tail.error())));
        QCOMPARE(**tail, (*whole)->right(100));
        QCOMPARE(srv()->totalRequests(), firstRequests);
        const auto mid = (*store)->getRange(key, ByteRange::fromStart(1000, 3000)).result();
        QVERIFY(mid && *mid);
        QCOMPARE(**mid, (*whole)->mid(1000, 3000));
        QCOMPARE(srv()->totalRequests(), firstRequests + laterRequests);
        const auto outside = (*store)->getRange(key, ByteRange::fromStart(30000, 10000)).result();
        QVERIFY(!outside);
        QVERIFY2(outside.error().what.contains(QStringLiteral("outside the object of 32768 bytes")),
                 qPrintable(err(outside.error())));
    }

    // A server that ignores Range answers the first range request (the archive's tail) with the
    // whole archive: that one download is kept and the directory, every entry and every range
    // of an entry are cut from it. One request reaches the server for listing and reading all.
    // many.zip's directory is beyond the tail; zip64.zip's Zip64 record is read from the copy.
    void serverIgnoringRange_data()
    {
        QTest::addColumn<QString>("archive");
        for (const char *a : {"deflated.zip", "stored.zip", "many.zip", "zip64.zip"})
            QTest::newRow(a) << QString::fromLatin1(a);
    }
    void serverIgnoringRange()
    {
        QFETCH(QString, archive);
        srv()->addFault(server::FaultRule::of(archive, server::FaultRule::Kind::IgnoreRange));
        auto store = openStore(locationOf(QStringLiteral("server"), archive));
        QVERIFY(store);
        auto entries = discoverHierarchy(**store);
        QVERIFY2(entries, qPrintable(entries ? QString() : err(entries.error())));
        QCOMPARE(pathsOf(*entries), strings(m_expected[QStringLiteral("nodes")][archive]));
        const QJsonArray arrays = m_expected[QStringLiteral("arrays")][archive].toArray();
        QVERIFY(!arrays.isEmpty());
        for (const auto &a : arrays) {
            compareWithNpy(*store, a[QStringLiteral("path")].toString(), a[QStringLiteral("npy")].toString());
            if (QTest::currentTestFailed()) return;
        }
        // A range of an entry (how sharded arrays read) comes from the same copy.
        const QString key = archive == u"many.zip" ? QStringLiteral("m/0.0.0") : QStringLiteral("big/1.0");
        const auto whole = (*store)->get(key).result();
        QVERIFY2(whole && *whole, qPrintable(whole ? key : err(whole.error())));
        const auto tail = (*store)->getRange(key, ByteRange::lastBytes(100)).result();
        QVERIFY2(tail && *tail, qPrintable(tail ? key : err(tail.error())));
        QCOMPARE(**tail, (*whole)->right(100));

        QCOMPARE(srv()->faultsFired(), 1);
        QCOMPARE(srv()->requestCount(archive), qint64(1));
        QCOMPARE(srv()->totalRequests(), qint64(1));
        const auto stats = (*store)->transferStats();
        QVERIFY(stats);
        QCOMPARE(stats->requests, std::uint64_t(1));
        QCOMPARE(stats->bytes, std::uint64_t(QFileInfo(m_dir.filePath(archive)).size())); // one copy
    }

    // s3://bucket/[prefix/]archive.zip against s3rver: the S3 path (bucket endpoint, no listing
    // requests: the directory is the listing) reads the archive by range requests like any HTTP
    // server and gives zarr-python's values.
    void readsFromS3_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("archive");
        QTest::newRow("s3://zarrscope/deflated.zip")
            << QStringLiteral("deflated.zip") << QStringLiteral("deflated.zip");
        QTest::newRow("s3://zarrscope/zips/stored.zip")
            << QStringLiteral("zips/stored.zip") << QStringLiteral("stored.zip");
    }
    void readsFromS3()
    {
        QFETCH(QString, key);
        QFETCH(QString, archive);
        QVERIFY2(ensureS3(), qPrintable(m_s3.problem()));
        StoreOptions options;
        options.s3Endpoint = m_s3.endpoint();
        auto store = openStore(QStringLiteral("s3://zarrscope/") + key, options);
        QVERIFY2(store, qPrintable(store ? QString() : err(store.error())));
        const auto listed = (*store)->list(QString()).result();
        QVERIFY2(listed, qPrintable(listed ? QString() : err(listed.error())));
        auto stats = (*store)->transferStats();
        QVERIFY(stats);
        // The tail holds the directory. s3rver 3.7 (pinned in tests/js) answers the suffix range
        // bytes=-N with bytes 0-N, giving the archive's size: the tail is asked for again by offset.
        QCOMPARE(stats->requests, std::uint64_t(2));
        QCOMPARE(stats->rangeRequests, std::uint64_t(2));
        QCOMPARE(stats->retries, std::uint64_t(1));
        auto entries = discoverHierarchy(**store);
        QVERIFY2(entries, qPrintable(entries ? QString() : err(entries.error())));
        QCOMPARE(pathsOf(*entries), strings(m_expected[QStringLiteral("nodes")][archive]));
        for (const auto &a : m_expected[QStringLiteral("arrays")][archive].toArray()) {
            compareWithNpy(*store, a[QStringLiteral("path")].toString(), a[QStringLiteral("npy")].toString());
            if (QTest::currentTestFailed()) return;
        }
        stats = (*store)->transferStats();
        QCOMPARE(stats->rangeRequests, stats->requests);
        QCOMPARE(stats->retries, std::uint64_t(1));
        QVERIFY2(stats->bytes < 2 * std::uint64_t(QFileInfo(m_dir.filePath(archive)).size()),
                 "the archive was downloaded more than once");
        qInfo("%s: %llu range requests, %llu bytes", qPrintable(key), qulonglong(stats->requests),
              qulonglong(stats->bytes));
    }

    // Hostile archives end in a clear error: the archive's problems when it is opened (on disk)
    // or first read (over HTTP), an entry's problems when that entry is read, naming it.
    void hostileArchives_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("error");
        for (const QString &transport : {QStringLiteral("disk"), QStringLiteral("server")})
            for (const auto &h : m_expected[QStringLiteral("hostile")].toArray())
                QTest::addRow("%s %s", qPrintable(transport),
                              qPrintable(h[QStringLiteral("archive")].toString()))
                    << transport << h[QStringLiteral("archive")].toString()
                    << h[QStringLiteral("key")].toString() << h[QStringLiteral("error")].toString();
    }
    void hostileArchives()
    {
        QFETCH(QString, transport);
        QFETCH(QString, archive);
        QFETCH(QString, key);
        QFETCH(QString, error);
        auto store = openStore(locationOf(transport, archive));
        Error e;
        if (!store) {
            QVERIFY2(transport == u"disk", "over HTTP the archive is read when first used");
            QVERIFY2(key.isEmpty(), qPrintable(err(store.error())));
            e = store.error();
        } else if (key.isEmpty()) {
            auto listed = (*store)->list(QString()).result();
            QVERIFY2(!listed, "a hostile archive was listed");
            e = listed.error();
        } else {
            auto listed = (*store)->list(QString()).result();
            QVERIFY2(listed, qPrintable(listed ? QString() : err(listed.error())));
            auto got = (*store)->get(key).result();
            QVERIFY2(!got, "a hostile entry was read");
            e = got.error();
            QVERIFY2(e.where.endsWith(key), qPrintable(err(e))); // names the entry
        }
        QVERIFY2(e.what.contains(error) || e.toString().contains(error), qPrintable(err(e)));
        QVERIFY2(e.where.contains(archive), qPrintable(err(e)));
    }

    // zarrscope-cli against `zarrscope-cli serve` (another process): ls, info and get of a zip URL.
    void cliOverServe()
    {
        QProcess serve;
        serve.start(QStringLiteral(ZS_CLI), {QStringLiteral("serve"), m_dir.path()});
        QVERIFY(serve.waitForReadyRead(15000));
        const QByteArray line = serve.readLine();
        auto stop = qScopeGuard([&] {
            serve.terminate();
            if (!serve.waitForFinished(5000)) serve.kill();
        });
        const auto m = QRegularExpression(QStringLiteral(" at (http://127\\.0\\.0\\.1:\\d+/)"))
                           .match(QString::fromUtf8(line));
        QVERIFY2(m.hasMatch(), line.constData());
        const QString url = m.captured(1) + QStringLiteral("deflated.zip");

        const Run ls = cli({QStringLiteral("ls"), url, QStringLiteral("--json")});
        QVERIFY2(ls.code == 0, ls.err.constData());
        QStringList paths;
        for (const auto &n : QJsonDocument::fromJson(ls.out).array())
            paths << n[QStringLiteral("path")].toString();
        QCOMPARE(paths, strings(m_expected[QStringLiteral("nodes")][QStringLiteral("deflated.zip")]));

        const Run info = cli({QStringLiteral("info"), url, QStringLiteral("g/b"), QStringLiteral("--json")});
        QVERIFY2(info.code == 0, info.err.constData());
        QCOMPARE(QJsonDocument::fromJson(info.out)[QStringLiteral("dtype")].toString(),
                 QStringLiteral(">f8"));

        const QString out = m_dir.filePath(QStringLiteral("cli-a.npy"));
        const Run get = cli({QStringLiteral("get"), url, QStringLiteral("a"), QStringLiteral("-o"), out});
        QVERIFY2(get.code == 0, get.err.constData());
        const auto got = zstest::readNpy(out),
                   want = zstest::readNpy(m_dir.filePath(QStringLiteral("npy/deflated.zip-a.npy")));
        QVERIFY(got && want);
        QVERIFY(got->data == want->data);

        const Run bad = cli({QStringLiteral("ls"), m.captured(1) + QStringLiteral("dotdot.zip")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.startsWith("error: zip entry name with \"..\" is refused ("), bad.err.constData());
        QVERIFY2(bad.err.contains("dotdot.zip: ../evil/.zgroup)"), bad.err.constData());
    }
};

QTEST_GUILESS_MAIN(TstZipStore)
#include "tst_zip_store.moc"
