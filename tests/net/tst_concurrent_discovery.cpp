// The concurrent discovery walk (HierarchyWalk, behind discoverHierarchy) against real servers
// on loopback, nothing mocked:
//  - it finds exactly what the sequential walk of before (SequentialDiscovery, the oracle) finds,
//    entry by entry, and the node paths the writer knows it wrote, for nested v2, v3, mixed,
//    broken, consolidated and too-deep stores, on disk, behind the embedded server's and nginx's
//    autoindex pages, and through S3 listing on s3rver;
//  - requests really overlap (the server sees many pending at once) and the store's own limit
//    bounds them (FetchOptions::concurrency 3: exactly 3 pending at most);
//  - cancelling mid-walk sends nothing more, reports nothing more and lets the store go at once;
//  - HttpStore listings run concurrently and a pending listing keeps its store alive.

#include "NginxFront.h"
#include "S3rverProcess.h"
#include "SequentialDiscovery.h"
#include "ServerThread.h"
#include "hierarchy/EntryJson.h"
#include "hierarchy/Hierarchy.h"
#include "hierarchy/HierarchyWalk.h"
#include "store/StoreFactory.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>

using namespace zs;

namespace {

const QString kBucket = QStringLiteral("zs-walk");
const QStringList kStores = {QStringLiteral("nested_v2"),    QStringLiteral("v3"),
                             QStringLiteral("mixed"),        QStringLiteral("errors"),
                             QStringLiteral("consolidated"), QStringLiteral("deep")};

QString describe(const HierarchyEntry &e)
{
    nlohmann::ordered_json j = entrySummary(e);
    j["error_text"] = e.error.toStdString();
    if (e.node) j["attributes"] = e.node->attributes;
    return QString::fromStdString(j.dump());
}

QStringList describeAll(const HierarchyEntries &entries)
{
    QStringList out;
    for (const auto &e : entries)
        out << describe(e);
    return out;
}

QStringList pathsOf(const HierarchyEntries &entries)
{
    QStringList out;
    for (const auto &e : entries)
        out << e.path;
    return out;
}

} // namespace

class TstConcurrentDiscovery : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_fixtures;
    QJsonObject m_expected;
    std::unique_ptr<server::ServerThread> m_server;
    server::NginxFront m_nginx;
    zstest::S3rverProcess m_s3;
    bool m_s3Started = false;

    server::StoreServer *srv() const { return m_server->server(); }

    bool ensureS3()
    {
        if (m_s3Started) return true;
        QStringList uploads;
        for (const QString &s : kStores)
            uploads << m_fixtures + u'/' + s << s;
        QDir().mkpath(m_dir.filePath(QStringLiteral("s3data")));
        m_s3Started = m_s3.start(m_dir.filePath(QStringLiteral("s3data")), kBucket, uploads);
        return m_s3Started;
    }

    std::shared_ptr<Store> open(const QString &server, const QString &store, FetchOptions fetch = {})
    {
        StoreOptions o;
        o.fetch = fetch;
        QString location;
        if (server == u"local") location = m_fixtures + u'/' + store;
        if (server == u"embedded") location = m_server->url().toString() + store;
        if (server == u"nginx")
            location = QStringLiteral("http://127.0.0.1:%1/%2").arg(m_nginx.port()).arg(store);
        if (server == u"s3rver") {
            o.s3Endpoint = m_s3.endpoint();
            location = QStringLiteral("s3://%1/%2").arg(kBucket, store);
        }
        auto s = openStore(location, o);
        return s ? *s : nullptr;
    }

    QStringList expectedPaths(const QString &store) const
    {
        QStringList out;
        for (const auto &v : m_expected[store].toArray())
            out << v.toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_fixtures = m_dir.filePath(QStringLiteral("fixtures"));
        QProcess p;
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON), {QStringLiteral(ZS_WALK_FIXTURES), m_fixtures});
        QVERIFY2(p.waitForFinished(120000) && p.exitCode() == 0,
                 qPrintable(QStringLiteral("apt install python3-zarr: ") + p.readAllStandardError()));
        QFile f(m_fixtures + QStringLiteral("/expected.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expected = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(m_expected.size(), kStores.size());
        m_server = std::make_unique<server::ServerThread>(m_fixtures);
        QVERIFY(m_server->start() != 0);
        srv()->setAutoIndex(true);
        QVERIFY2(!server::NginxFront::nginxPath().isEmpty(), "nginx is missing: apt install nginx-light");
        QString problem;
        QVERIFY2(m_nginx.startStatic(m_fixtures, &problem), qPrintable(problem));
    }

    void walkEqualsSequential_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("store");
        for (const QString &server : {QStringLiteral("local"), QStringLiteral("embedded"),
                                      QStringLiteral("nginx"), QStringLiteral("s3rver")})
            for (const QString &store : kStores)
                QTest::addRow("%s %s", qPrintable(server), qPrintable(store)) << server << store;
    }
    void walkEqualsSequential()
    {
        QFETCH(QString, server);
        QFETCH(QString, store);
        if (server == u"s3rver") QVERIFY2(ensureS3(), qPrintable(m_s3.problem()));
        // The embedded server cannot list errors/unlistable: that child is shown with why.
        const bool unlistable = server == u"embedded" && store == u"errors";
        if (unlistable)
            srv()->addFault(server::FaultRule::withStatus(QStringLiteral("errors/unlistable"), 404));
        auto cleanup = qScopeGuard([&] { srv()->clearFaults(); });
        auto s = open(server, store);
        QVERIFY(s);
        const auto sequential = zstest::discoverSequentially(*s);
        QVERIFY2(sequential, qPrintable(sequential ? QString() : sequential.error().toString()));
        const auto concurrent = discoverHierarchy(*s);
        QVERIFY2(concurrent, qPrintable(concurrent ? QString() : concurrent.error().toString()));
        QCOMPARE(describeAll(*concurrent), describeAll(*sequential));

        QStringList expected = expectedPaths(store);
        if (unlistable) expected.removeAll(QStringLiteral("unlistable/x"));
        QCOMPARE(pathsOf(*concurrent), expected);
        int failed = 0;
        for (const auto &e : *concurrent)
            failed += e.failed() ? 1 : 0;
        const int failures = store == u"errors" ? 4 + (unlistable ? 1 : 0) : store == u"deep" ? 1 : 0;
        QCOMPARE(failed, failures);
    }

    // Without a listing: an array at the root is the store, a group there is an error.
    void unlistableStoreRoot_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("found");
        QTest::addRow("array") << QStringLiteral("nested_v2/g0/s0/a0") << true;
        QTest::addRow("group") << QStringLiteral("nested_v2/g0") << false;
        QTest::addRow("nothing") << QStringLiteral("nested_v2/notes") << false;
    }
    void unlistableStoreRoot()
    {
        QFETCH(QString, path);
        QFETCH(bool, found);
        srv()->setAutoIndex(false);
        auto restore = qScopeGuard([&] { srv()->setAutoIndex(true); });
        auto s = openStore(m_server->url().toString() + path);
        QVERIFY(s);
        const auto sequential = zstest::discoverSequentially(**s);
        const auto concurrent = discoverHierarchy(**s);
        QCOMPARE(concurrent.ok(), found);
        QCOMPARE(sequential.ok(), found);
        if (found)
            QCOMPARE(describeAll(*concurrent), describeAll(*sequential));
        else
            QCOMPARE(concurrent.error().toString(), sequential.error().toString());
    }

    void requestsOverlapWithinTheStoreLimit_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::addRow("default limit") << 0;
        QTest::addRow("limit 3") << 3;
    }
    void requestsOverlapWithinTheStoreLimit()
    {
        QFETCH(int, concurrency);
        FetchOptions o;
        if (concurrency > 0) o.concurrency = concurrency;
        auto s = open(QStringLiteral("embedded"), QStringLiteral("nested_v2"), o);
        srv()->setLatencyMs(40);
        auto restore = qScopeGuard([&] { srv()->setLatencyMs(0); });
        srv()->resetStats();
        const auto entries = discoverHierarchy(*s);
        QVERIFY(entries);
        QCOMPARE(pathsOf(*entries), expectedPaths(QStringLiteral("nested_v2")));
        qInfo("%lld requests, at most %d pending at the server", srv()->totalRequests(),
              srv()->maxPendingRequests());
        if (concurrency == 0)
            QVERIFY2(srv()->maxPendingRequests() >= 20,
                     qPrintable(QString::number(srv()->maxPendingRequests())));
        else
            QCOMPARE(srv()->maxPendingRequests(), concurrency);
        if (concurrency > 0) QCOMPARE(s->transferStats()->maxInFlight, concurrency);
    }

    // Nodes are reported as they are found, each group before its children.
    void nodesArriveGroupsFirst()
    {
        auto s = open(QStringLiteral("embedded"), QStringLiteral("nested_v2"));
        srv()->setLatencyMs(30);
        auto restore = qScopeGuard([&] { srv()->setLatencyMs(0); });
        QMutex mutex;
        std::vector<HierarchyEntries> batches;
        HierarchyWalk walk(s, [&](const HierarchyEntries &batch) {
            QMutexLocker lock(&mutex);
            batches.push_back(batch);
        });
        auto future = walk.result();
        future.waitForFinished();
        QVERIFY(future.result());
        QMutexLocker lock(&mutex);
        QVERIFY2(batches.size() >= 4, qPrintable(QString::number(batches.size()))); // one per level at least
        QSet<QString> seen;
        QStringList all;
        for (const auto &batch : batches)
            for (const auto &e : batch) {
                if (!e.path.isEmpty())
                    QVERIFY2(seen.contains(e.path.section(u'/', 0, -2)),
                             qPrintable(e.path + " before its group"));
                seen.insert(e.path);
                all << e.path;
            }
        all.sort();
        QCOMPARE(all, pathsOf(*future.result()));
    }

    void cancelMidWalkSendsNothingMore()
    {
        auto s = open(QStringLiteral("embedded"), QStringLiteral("nested_v2"));
        std::weak_ptr<Store> weak = s;
        srv()->setLatencyMs(150);
        auto restore = qScopeGuard([&] { srv()->setLatencyMs(0); });
        srv()->resetStats();
        std::atomic<bool> cancelled{false};
        std::atomic<int> lateBatches{0}, batches{0};
        auto walk = std::make_unique<HierarchyWalk>(std::move(s), [&](const HierarchyEntries &) {
            ++batches;
            if (cancelled) ++lateBatches;
        });
        const auto future = walk->result();
        // Wait until the first groups are in and their children's requests are out.
        QTRY_VERIFY_WITH_TIMEOUT(batches >= 1 && srv()->pendingRequests() >= 10, 10000);
        QElapsedTimer t;
        t.start();
        walk->cancel();
        cancelled = true;
        QVERIFY2(t.elapsed() < 100, qPrintable(QString::number(t.elapsed())));
        QVERIFY(future.isCanceled());
        // The store is let go at once: aborted, not waited for (latency 150 ms).
        QTRY_VERIFY_WITH_TIMEOUT(weak.expired(), 100);
        const qint64 sent = srv()->totalRequests();
        QTest::qWait(600); // four latencies: a walk still going would have gone a level deeper
        QCOMPARE(srv()->totalRequests(), sent);
        QCOMPARE(lateBatches.load(), 0);
        QVERIFY(sent < 60); // the walk had 110 requests to send
        walk.reset();
    }

    // Listings of one HttpStore are not serialised: all eight are at the server at once.
    void listingsRunConcurrently()
    {
        auto s = open(QStringLiteral("embedded"), QStringLiteral("nested_v2"));
        QVERIFY(await(s->list(QString()))); // the one-time choice of listing mode
        srv()->setLatencyMs(200);
        auto restore = qScopeGuard([&] { srv()->setLatencyMs(0); });
        srv()->resetStats();
        QList<QFuture<ListResult>> listings;
        for (const QString &dir : {QStringLiteral("g0"), QStringLiteral("g1"), QStringLiteral("g2"),
                                   QStringLiteral("g0/s0"), QStringLiteral("g0/s1"), QStringLiteral("g1/s0"),
                                   QStringLiteral("g1/s1"), QStringLiteral("g2/s0")})
            listings << s->list(dir);
        for (auto &l : listings)
            QVERIFY(await(l));
        QCOMPARE(srv()->maxPendingRequests(), 8);
        QStringList g1 = await(listings[1])->prefixes;
        g1.sort();
        QCOMPARE(g1, (QStringList{QStringLiteral("empty"), QStringLiteral("s0"), QStringLiteral("s1")}));
    }

    // A pending listing owns its store: dropping the caller's pointer does not destroy it under
    // the listing, and the store goes once the listing has answered.
    void pendingListingKeepsStoreAlive()
    {
        auto s = open(QStringLiteral("embedded"), QStringLiteral("nested_v2"));
        QVERIFY(await(s->list(QString())));
        srv()->setLatencyMs(300);
        auto restore = qScopeGuard([&] { srv()->setLatencyMs(0); });
        std::weak_ptr<Store> weak = s;
        QFuture<ListResult> listing = s->list(QStringLiteral("g2"));
        s.reset();
        QVERIFY(!weak.expired());
        const ListResult r = await(listing);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QStringList prefixes = r->prefixes;
        prefixes.sort();
        QCOMPARE(prefixes, (QStringList{QStringLiteral("s0"), QStringLiteral("s1")}));
        QTRY_VERIFY_WITH_TIMEOUT(weak.expired(), 1000);
    }
};

QTEST_GUILESS_MAIN(TstConcurrentDiscovery)
#include "tst_concurrent_discovery.moc"
