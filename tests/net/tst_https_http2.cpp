// HTTP/2 over TLS against nginx (ALPN): an https store takes HTTP/2 when the server offers it and
// then multiplexes up to Qt's 100 streams on each connection instead of opening six connections
// per manager; `http2 = false` (the CLI's --http1) keeps HTTP/1.1; a certificate the store does
// not trust is one clear error, not a retried one; an unreadable CA file names itself.

#include "NginxFront.h"
#include "store/StoreFactory.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace zs;

namespace {
constexpr int kObjects = 300;

QByteArray objectBytes(int i)
{
    return QByteArray::number(i).repeated(7);
}
} // namespace

class TstHttpsHttp2 : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    server::NginxFront m_nginx;

    QString url() const { return QStringLiteral("https://127.0.0.1:%1/objects").arg(m_nginx.port()); }

    std::shared_ptr<Store> open(FetchOptions fetch)
    {
        StoreOptions o;
        o.fetch = std::move(fetch);
        auto store = openStore(url(), o);
        if (!store) qWarning().noquote() << store.error().toString();
        return store ? *store : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(QStringLiteral("objects")));
        for (int i = 0; i < kObjects; ++i) {
            QFile f(m_dir.filePath(QStringLiteral("objects/%1").arg(i)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(objectBytes(i));
        }
        QString problem;
        QVERIFY2(m_nginx.startStaticTls(m_dir.path(), &problem), qPrintable(problem));
    }

    void protocolAndConnections_data()
    {
        QTest::addColumn<bool>("http2");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<int>("perConnection"); // streams (HTTP/2) or connections (HTTP/1.1) per manager
        QTest::addRow("h2, 64 in flight") << true << 64 << 100;
        QTest::addRow("h2, 256 in flight") << true << 256 << 100;
        QTest::addRow("http/1.1, 64 in flight") << false << 64 << 6;
    }
    void protocolAndConnections()
    {
        QFETCH(bool, http2);
        QFETCH(int, concurrency);
        QFETCH(int, perConnection);
        FetchOptions fetch;
        fetch.http2 = http2;
        fetch.concurrency = concurrency;
        fetch.caCertificatesFile = m_nginx.certificatePath();
        const auto store = open(fetch);
        QVERIFY(store);
        QStringList keys;
        for (int i = 0; i < kObjects; ++i)
            keys << QString::number(i);
        std::vector<QFuture<GetResult>> futures = store->getMany(keys);
        for (int i = 0; i < kObjects; ++i) {
            const GetResult r = await(futures[std::size_t(i)]);
            QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
            QVERIFY(r->has_value());
            QCOMPARE(**r, objectBytes(i));
        }
        const auto stats = store->transferStats();
        QVERIFY(stats);
        QCOMPARE(stats->requests, std::uint64_t(kObjects));
        QCOMPARE(stats->http2Responses, http2 ? std::uint64_t(kObjects) : 0);
        QVERIFY(stats->maxInFlight <= concurrency);
        // One manager is one connection for HTTP/2: 64 in flight share one, 256 need three.
        const int most = (concurrency + perConnection - 1) / perConnection;
        QVERIFY2(
            stats->managers <= most,
            qPrintable(QStringLiteral("%1 managers for %2 in flight").arg(stats->managers).arg(concurrency)));
        if (!http2)
            QVERIFY2(stats->managers > 1, "HTTP/1.1 with 64 in flight used one manager's six connections");
    }

    void untrustedCertificateIsOneError()
    {
        FetchOptions fetch; // the system's CAs only
        const auto store = open(fetch);
        QVERIFY(store);
        const GetResult r = await(store->get(QStringLiteral("1")));
        QVERIFY(!r);
        QVERIFY2(r.error().toString().contains(QStringLiteral("SSL handshake failed")),
                 qPrintable(r.error().toString()));
        QVERIFY2(r.error().toString().contains(url() + QStringLiteral("/1")),
                 qPrintable(r.error().toString()));
        QCOMPARE(store->transferStats()->requests, std::uint64_t(1)); // not retried
    }

    void unreadableCaFileNamesItself()
    {
        FetchOptions fetch;
        fetch.caCertificatesFile = m_dir.filePath(QStringLiteral("objects/1")); // not a certificate
        const auto store = open(fetch);
        QVERIFY(store);
        const GetResult r = await(store->get(QStringLiteral("1")));
        QVERIFY(!r);
        QVERIFY2(r.error().toString().contains(QStringLiteral("no PEM certificate")),
                 qPrintable(r.error().toString()));
        QVERIFY2(r.error().toString().contains(fetch.caCertificatesFile), qPrintable(r.error().toString()));
        QCOMPARE(store->transferStats()->requests, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TstHttpsHttp2)
#include "tst_https_http2.moc"
