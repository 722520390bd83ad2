// Hierarchy discovery and reads over real servers on loopback, nothing mocked:
//  - S3 ListObjectsV2 against s3rver (npm, started by the test with node) holding a store
//    written by Debian's zarr-python, including a directory of 1101 keys (two pages);
//  - v3 consolidated metadata from the embedded server with no listing at all;
//  - HTML directory listings from nginx's autoindex and Python's http.server, serving the same
//    zarr-python store without .zmetadata;
//  - h2c (HTTP/2 with prior knowledge) through `zarrscope-cli serve --http2` (nginx in front);
//  - absent keys (404 NoSuchKey) and refused requests (403) from s3rver.

#include "NginxFront.h"
#include "NpyFile.h"
#include "ServerThread.h"
#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"
#include "store/http/HttpStore.h"
#include "store/http/S3Listing.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace zs;

namespace {

const QString kBucket = QStringLiteral("zs-discovery");
// A space and a '+': S3 decodes a query's '+' as a space, so the listing prefix must encode it.
const QString kPrefix = QStringLiteral("stores/v2 src+1");

QString err(const Error &e)
{
    return e.toString();
}

// ESTABLISHED TCP connections whose remote end is 127.0.0.1:port (IPv4 and IPv6 tables).
int establishedTo(quint16 port)
{
    int n = 0;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly)) continue;
        f.readLine(); // header
        while (!f.atEnd()) {
            const QStringList cols = QString::fromLatin1(f.readLine()).simplified().split(u' ');
            if (cols.size() < 4) continue;
            const QString remote = cols[2];
            const bool ok = remote.section(u':', -1).toUShort(nullptr, 16) == port && cols[3] == u"01";
            n += ok ? 1 : 0;
        }
    }
    return n;
}

// What a server started as `p` prints up to its first newline (its address), or all it printed
// before exiting or `ms` passing.
QByteArray firstLine(QProcess &p, int ms)
{
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms && !out.contains('\n') && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(200);
        out += p.readAllStandardOutput();
    }
    return out;
}

} // namespace

class TstHttpDiscovery : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_fixtures;
    QJsonObject m_expected;
    std::unique_ptr<server::ServerThread> m_server;
    QProcess m_s3;
    QString m_s3Endpoint; // http://127.0.0.1:PORT once s3rver is up
    QString m_s3Problem;  // why it is not

    static QStringList strings(const QJsonValue &v)
    {
        QStringList out;
        for (const auto &s : v.toArray())
            out << s.toString();
        return out;
    }

    // s3rver with the zarr-python store uploaded under kPrefix; started once, on first use.
    bool ensureS3()
    {
        if (!m_s3Endpoint.isEmpty()) return true;
        if (!m_s3Problem.isEmpty()) return false;
        const QString node = QStringLiteral(ZS_NODE);
        const QString js = QStringLiteral(ZS_SOURCE_DIR "/tests/js");
        if (node.isEmpty() || !QFileInfo(node).isExecutable())
            m_s3Problem = QStringLiteral("node is required (ZS_NODE not found)");
        else if (!QFileInfo::exists(js + QStringLiteral("/node_modules/s3rver/package.json")))
            m_s3Problem =
                QStringLiteral("s3rver is not installed: run `npm ci` in %1 (scripts/setup-deps.sh)").arg(js);
        if (!m_s3Problem.isEmpty()) return false;
        const QString data = m_dir.filePath(QStringLiteral("s3rver-data"));
        QDir().mkpath(data);
        // --openssl-legacy-provider: s3rver 3.7 encrypts continuation tokens with DES (see the helper).
        m_s3.start(node, {QStringLiteral("--openssl-legacy-provider"),
                          QStringLiteral(ZS_SOURCE_DIR "/tests/net/s3rver_start.mjs"), data, kBucket,
                          m_fixtures + QStringLiteral("/src"), kPrefix});
        QElapsedTimer t;
        t.start();
        const QByteArray out = firstLine(m_s3, 30000);
        const QList<QByteArray> words = out.trimmed().split(' ');
        if (words.size() != 3 || words[0] != "READY") {
            m_s3Problem = QStringLiteral("s3rver did not start: %1 %2")
                              .arg(QString::fromUtf8(out), QString::fromUtf8(m_s3.readAllStandardError()));
            return false;
        }
        m_s3Endpoint = QString::fromLatin1(words[1]);
        qInfo("s3rver at %s, %s objects uploaded in %lld ms", words[1].constData(), words[2].constData(),
              t.elapsed());
        return true;
    }

    std::shared_ptr<Store> openS3(FetchOptions fetch = {})
    {
        StoreOptions o;
        o.fetch = fetch;
        o.s3Endpoint = m_s3Endpoint;
        auto s = openStore(QStringLiteral("s3://%1/%2").arg(kBucket, kPrefix), o);
        return s ? *s : nullptr;
    }

    static Result<NdArray> readAll(const std::shared_ptr<Store> &store, const QString &path)
    {
        ZS_TRY(NodeMetadata node, loadNode(*store, path));
        if (!node.isArray()) return makeError(QStringLiteral("not an array"), path);
        return readSelection(store, path, *node.array, Selection::all(node.array->shape), ReadOptions{});
    }

    // The array read through `store` must equal what zarr-python (or numpy) saved for it.
    void compareWithNpy(const std::shared_ptr<Store> &store, const QString &path, const QString &npyFile)
    {
        QString problem;
        const auto expected = zstest::readNpy(m_fixtures + QStringLiteral("/npy/") + npyFile, &problem);
        QVERIFY2(expected, qPrintable(problem));
        auto r = readAll(store, path);
        QVERIFY2(r, qPrintable(path + QStringLiteral(": ") + (r ? QString() : err(r.error()))));
        QCOMPARE(r->shape, expected->shape);
        QVERIFY2(r->data == expected->data,
                 qPrintable(QStringLiteral("%1: data differs from %2").arg(path, npyFile)));
    }

    static QStringList pathsOf(const std::vector<NodeMetadata> &nodes)
    {
        QStringList paths;
        for (const auto &n : nodes)
            paths << n.path;
        return paths;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_fixtures = m_dir.filePath(QStringLiteral("fixtures"));
        QProcess p;
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON),
                {QStringLiteral(ZS_SOURCE_DIR "/tests/net/make_discovery_fixtures.py"), m_fixtures});
        QVERIFY2(p.waitForFinished(60000) && p.exitCode() == 0, p.readAllStandardError().constData());
        QFile f(m_fixtures + QStringLiteral("/expected.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expected = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(!m_expected.isEmpty());
        m_server = std::make_unique<server::ServerThread>(m_fixtures);
        QVERIFY(m_server->start() != 0);
    }

    void cleanupTestCase()
    {
        if (m_s3.state() != QProcess::NotRunning) {
            m_s3.terminate();
            if (!m_s3.waitForFinished(5000)) m_s3.kill();
        }
        m_server.reset();
    }

    // --- S3 ListObjectsV2 against s3rver -------------------------------------------------

    void s3ListingFindsEveryNode_data()
    {
        QTest::addColumn<bool>("viaS3Url");
        QTest::addRow("s3:// with s3Endpoint") << true;
        QTest::addRow("http:// path-style URL") << false;
    }
    void s3ListingFindsEveryNode()
    {
        QFETCH(bool, viaS3Url);
        QVERIFY2(ensureS3(), qPrintable(m_s3Problem));
        std::shared_ptr<Store> store = openS3();
        if (!viaS3Url) {
            QUrl url(m_s3Endpoint);
            url.setPath(QStringLiteral("/%1/%2").arg(kBucket, kPrefix));
            auto s = openStore(url.toString());
            QVERIFY(s);
            store = *s;
        }
        QVERIFY(store);
        auto nodes = listNodes(*store);
        QVERIFY2(nodes, qPrintable(nodes ? QString() : err(nodes.error())));
        QCOMPARE(pathsOf(*nodes), strings(m_expected[QStringLiteral("v2_paths")]));
        const QJsonObject arrays = m_expected[QStringLiteral("v2_arrays")].toObject();
        for (auto it = arrays.begin(); it != arrays.end(); ++it) {
            compareWithNpy(store, it.key(), it.value().toString());
            if (QTest::currentTestFailed()) return;
        }
    }

    // s3rver answers at most 1000 keys per page; the 1101 keys of wide/many take two pages.
    void s3ListingFollowsContinuationTokens()
    {
        QVERIFY2(ensureS3(), qPrintable(m_s3Problem));
        auto store = openS3();
        auto *http = dynamic_cast<HttpStore *>(store.get());
        QVERIFY(http);

        // The server really truncates: the first page, fetched by hand, carries a token.
        const QString dir = kPrefix + QStringLiteral("/wide/many");
        const QUrl bucketUrl(QStringLiteral("%1/%2").arg(m_s3Endpoint, kBucket));
        auto first = await(http->scheduler()->fetch(s3ListUrl(bucketUrl, dir, QString())));
        QVERIFY(first && first->has_value());
        auto page = parseS3ListPage(**first, dir, QStringLiteral("first page"));
        QVERIFY2(page, qPrintable(page ? QString() : err(page.error())));
        QCOMPARE(page->listing.keys.size(), 1000);
        QVERIFY(!page->continuationToken.isEmpty());

        auto listing = await(store->list(QStringLiteral("wide/many")));
        QVERIFY2(listing, qPrintable(listing ? QString() : err(listing.error())));
        QStringList keys = listing->keys;
        keys.sort();
        QCOMPARE(keys, strings(m_expected[QStringLiteral("wide_keys")]));
        QVERIFY(listing->prefixes.isEmpty());
        QCOMPARE(http->transferStats()->requests, std::uint64_t(3)); // the page by hand, then two pages
    }

    // Tokens are base64 ('+', '/', '='), prefixes are paths: each character must reach the server
    // as itself ('+' unencoded would be read as a space).
    void s3ContinuationTokenIsEncoded()
    {
        const QUrl url = s3ListUrl(QUrl(QStringLiteral("http://h/b")), QStringLiteral("p q+r&s"),
                                   QStringLiteral("a+b/c=="));
        const QByteArray wire = url.toEncoded();
        QVERIFY2(wire.contains("continuation-token=a%2Bb%2Fc%3D%3D"), wire.constData());
        QVERIFY2(wire.contains("prefix=p%20q%2Br%26s/&"), wire.constData());
        const QByteArray xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Prefix>p/</Prefix>"
            "<IsTruncated>true</IsTruncated><NextContinuationToken>a+b/c==</NextContinuationToken>"
            "<Contents><Key>p/k1</Key></Contents><Contents><Key>p/k2</Key></Contents>"
            "<CommonPrefixes><Prefix>p/sub/</Prefix></CommonPrefixes></ListBucketResult>";
        auto page = parseS3ListPage(xml, QStringLiteral("p"), QStringLiteral("test"));
        QVERIFY(page);
        QCOMPARE(page->continuationToken, QStringLiteral("a+b/c=="));
        QCOMPARE(page->listing.keys, (QStringList{QStringLiteral("k1"), QStringLiteral("k2")}));
        QCOMPARE(page->listing.prefixes, QStringList{QStringLiteral("sub")});
    }

    // --- Absent and refused keys from s3rver -----------------------------------------------

    void s3AbsentKeyIsFill()
    {
        QVERIFY2(ensureS3(), qPrintable(m_s3Problem));
        auto store = openS3(); // forbiddenAsMissing off: only 404 may read as fill
        auto *http = dynamic_cast<HttpStore *>(store.get());
        QVERIFY(http);
        QMutex mutex;
        QHash<QString, int> statusOf;
        const auto conn = QObject::connect(
            http->scheduler(), &FetchScheduler::requestFinished, http->scheduler(),
            [&](const FetchRecord &rec) {
                QMutexLocker lock(&mutex);
                statusOf.insert(rec.key.section(u'/', -2), rec.status);
            },
            Qt::DirectConnection);
        auto r = readAll(store, QStringLiteral("sparse"));
        QVERIFY2(r, qPrintable(r ? QString() : err(r.error())));
        const auto *v = reinterpret_cast<const double *>(r->data.constData());
        for (int i = 0; i < 12; ++i)
            QCOMPARE(v[i], i < 4 ? i + 0.5 : -1.0);
        QObject::disconnect(conn);
        QMutexLocker lock(&mutex);
        QCOMPARE(statusOf.value(QStringLiteral("sparse/0")), 200);
        QCOMPARE(statusOf.value(QStringLiteral("sparse/1")), 404); // s3rver: NoSuchKey
        QCOMPARE(statusOf.value(QStringLiteral("sparse/2")), 404);
    }

    // s3rver has no ACLs: anonymous requests are allowed everything, and it answers 403 only to a
    // request that claims credentials it does not know. A URL carrying a presigned-style query with
    // an unknown key gets 403 InvalidAccessKeyId for every object: an error by default; with
    // forbiddenAsMissing, silently all fill (the trap the option's name warns about).
    void s3ForbiddenIsAnErrorUnlessAskedOtherwise()
    {
        QVERIFY2(ensureS3(), qPrintable(m_s3Problem));
        auto good = openS3();
        auto node = loadNode(*good, QStringLiteral("a"));
        QVERIFY(node && node->isArray());
        QUrl url(m_s3Endpoint);
        url.setPath(QStringLiteral("/%1/%2").arg(kBucket, kPrefix));
        url.setQuery(QStringLiteral(
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=NOBODY/20240101/us-east-1/s3/aws4_request"
            "&X-Amz-Date=20240101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=00"));
        for (bool asMissing : {false, true}) {
            StoreOptions o;
            o.fetch.forbiddenAsMissing = asMissing;
            auto s = openStore(url.toString(), o);
            QVERIFY(s);
            auto r = readSelection(*s, QStringLiteral("a"), *node->array, Selection::all(node->array->shape));
            if (!asMissing) {
                QVERIFY(!r);
                QVERIFY2(err(r.error()).contains(QStringLiteral("HTTP 403")), qPrintable(err(r.error())));
            } else {
                QVERIFY2(r, qPrintable(r ? QString() : err(r.error())));
                QCOMPARE(r->data, QByteArray(40 * 4, '\0')); // fill_value 0 everywhere
            }
        }
    }

    // --- v3 consolidated metadata from the embedded server --------------------------------

    void v3ConsolidatedNeedsNoListing_data()
    {
        QTest::addColumn<bool>("autoIndex");
        QTest::addRow("autoindex off") << false;
        QTest::addRow("autoindex on") << true; // listing possible, still not used
    }
    void v3ConsolidatedNeedsNoListing()
    {
        QFETCH(bool, autoIndex);
        auto *srv = m_server->server();
        srv->setAutoIndex(autoIndex);
        srv->resetStats();
        auto s = openStore(m_server->url().toString() + QStringLiteral("v3cons"));
        QVERIFY(s);
        auto nodes = listNodes(**s);
        QVERIFY2(nodes, qPrintable(nodes ? QString() : err(nodes.error())));
        QCOMPARE(pathsOf(*nodes), strings(m_expected[QStringLiteral("v3_paths")]));
        const auto log = srv->requestLog();
        QStringList requested;
        for (const auto &rec : log)
            requested << rec.key;
        // One document, no directory requests, no S3 listing attempt.
        QCOMPARE(requested, QStringList{QStringLiteral("v3cons/zarr.json")});
        for (const auto &n : *nodes)
            if (n.path == u"grp") QCOMPARE(n.attributes.value("k", 0), 1);
        const QJsonObject arrays = m_expected[QStringLiteral("v3_arrays")].toObject();
        for (auto it = arrays.begin(); it != arrays.end(); ++it) {
            compareWithNpy(*s, it.key(), it.value().toString());
            if (QTest::currentTestFailed()) return;
        }
        srv->setAutoIndex(false);
    }

    // --- HTML directory listings from the web servers users actually run --------------------

    void htmlIndexFromRealServers_data()
    {
        QTest::addColumn<QString>("serverName");
        QTest::addRow("nginx autoindex") << QStringLiteral("nginx");
        QTest::addRow("python http.server") << QStringLiteral("python");
    }
    void htmlIndexFromRealServers()
    {
        QFETCH(QString, serverName);
        const QString root = m_fixtures + QStringLiteral("/src");
        server::NginxFront nginx;
        QProcess python;
        auto stopPython = qScopeGuard([&] {
            python.kill();
            python.waitForFinished(5000);
        });
        QString base;
        if (serverName == u"nginx") {
            if (server::NginxFront::nginxPath().isEmpty())
                QSKIP("nginx is not installed (apt install nginx-light)");
            QString problem;
            QVERIFY2(nginx.startStatic(root, &problem), qPrintable(problem));
            base = QStringLiteral("http://127.0.0.1:%1/").arg(nginx.port());
        } else {
            // Port 0: the OS picks one, and http.server prints it.
            python.start(QStringLiteral(ZS_DEBIAN_PYTHON),
                         {QStringLiteral("-u"), QStringLiteral("-m"), QStringLiteral("http.server"),
                          QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                          QStringLiteral("--directory"), root});
            const QByteArray out = firstLine(python, 15000);
            const auto m = QRegularExpression(QStringLiteral(" port (\\d+)")).match(QString::fromUtf8(out));
            QVERIFY2(m.hasMatch(), qPrintable(QString::fromUtf8(out + python.readAllStandardError())));
            base = QStringLiteral("http://127.0.0.1:%1/").arg(m.captured(1));
        }
        auto s = openStore(base);
        QVERIFY(s);
        auto nodes = listNodes(**s);
        QVERIFY2(nodes, qPrintable(nodes ? QString() : err(nodes.error())));
        // Only a listing can find g/empty (an empty group) and skip notes/ (not zarr).
        QCOMPARE(pathsOf(*nodes), strings(m_expected[QStringLiteral("v2_paths")]));
        const QJsonObject arrays = m_expected[QStringLiteral("v2_arrays")].toObject();
        for (auto it = arrays.begin(); it != arrays.end(); ++it) {
            compareWithNpy(*s, it.key(), it.value().toString());
            if (QTest::currentTestFailed()) return;
        }
    }

    // --- h2c through `zarrscope-cli serve --http2` -----------------------------------------

    void h2cThroughServeHttp2()
    {
        if (server::NginxFront::nginxPath().isEmpty())
            QSKIP("nginx is not installed (apt install nginx-light): serve --http2 needs it");
        QProcess serve;
        serve.start(QStringLiteral(ZS_CLI),
                    {QStringLiteral("serve"), m_fixtures + QStringLiteral("/src"), QStringLiteral("--http2"),
                     QStringLiteral("--latency-ms"), QStringLiteral("20")});
        const QByteArray out = firstLine(serve, 15000);
        const auto m = QRegularExpression(QStringLiteral(" at (http://127\\.0\\.0\\.1:(\\d+)/)"))
                           .match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), qPrintable(QString::fromUtf8(out + serve.readAllStandardError())));
        const QString base = m.captured(1);
        const quint16 port = m.captured(2).toUShort();
        auto stopServe = qScopeGuard([&] {
            serve.terminate();
            if (!serve.waitForFinished(5000)) serve.kill();
        });

        StoreOptions o;
        o.fetch.http2Cleartext = true;
        o.fetch.concurrency = 64;
        auto s = openStore(base, o);
        QVERIFY(s);
        auto node = loadNode(**s, QStringLiteral("wide/many"));
        QVERIFY2(node, qPrintable(node ? QString() : err(node.error())));
        auto r =
            readSelection(*s, QStringLiteral("wide/many"), *node->array, Selection::all(node->array->shape));
        QVERIFY2(r, qPrintable(r ? QString() : err(r.error())));
        QString problem;
        const auto expected =
            zstest::readNpy(m_fixtures + QStringLiteral("/npy/v2_wide__many.npy"), &problem);
        QVERIFY2(expected, qPrintable(problem));
        QVERIFY(r->data == expected->data);

        // 64 requests on the wire at once over ONE TCP connection is only possible multiplexed,
        // i.e. over HTTP/2 (HTTP/1.1 carries one request per connection at a time).
        const auto stats = (*s)->transferStats();
        QVERIFY(stats);
        QCOMPARE(stats->maxInFlight, 64);
        QCOMPARE(stats->managers, 1);
        QCOMPARE(establishedTo(port), 1);
        QCOMPARE(stats->http2Responses, stats->requests); // Qt says each answer came over HTTP/2

        // And nginx's port speaks nothing but h2c: an HTTP/1.1 client fails there.
        StoreOptions h1;
        h1.fetch.retry.maxAttempts = 1;
        auto plain = openStore(base, h1);
        QVERIFY(plain);
        auto refused = await((*plain)->get(QStringLiteral("wide/many/.zarray")));
        QVERIFY2(!refused, "nginx answered HTTP/1.1 on its h2c port");
        qInfo("HTTP/1.1 on the h2c port: %s", qPrintable(err(refused.error())));

        stopServe.dismiss();
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        const QByteArray summary = serve.readAllStandardError();
        const auto served =
            QRegularExpression(QStringLiteral("served (\\d+) requests")).match(QString::fromUtf8(summary));
        QVERIFY2(served.hasMatch(), summary.constData());
        QVERIFY2(served.captured(1).toInt() >= 1100, summary.constData()); // every chunk reached the backend
    }
};

QTEST_GUILESS_MAIN(TstHttpDiscovery)
#include "tst_http_discovery.moc"
