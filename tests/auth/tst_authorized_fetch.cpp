// The fetch scheduler with credentials (issue 17) against the embedded server demanding them:
// headers go only to the store's host, a redirect elsewhere is followed without them, a refusal
// is asked about once (no retry storm), and requests wait for credentials that take a while.

#include "ServerThread.h"
#include "auth/HeaderAuthorizer.h"
#include "net/FetchScheduler.h"

#include <QFile>
#include <QPromise>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <atomic>
#include <memory>

using namespace zs;

namespace {

const QByteArray kObject = QByteArray("private bytes ").repeated(40);

// An authorizer whose credentials take `delayMs` to arrive (a token exchange, a
// credential_process) and whose advice on a refusal is chosen by the test.
class DelayedAuthorizer final : public RequestAuthorizer
{
public:
    DelayedAuthorizer(const QUrl &store, QByteArray header, int delayMs, const Status &outcome = Ok{})
        : m_headers(store, {{"Authorization", std::move(header)}}, QStringLiteral("test credentials"))
    {
        m_promise->start();
        m_ready = m_promise->future();
        QTimer::singleShot(delayMs, [promise = m_promise, outcome] {
            promise->addResult(outcome);
            promise->finish();
        });
    }
    QFuture<Status> ready() override { return m_ready; }
    Status authorize(OutgoingRequest &request) override { return m_headers.authorize(request); }
    RefusalAdvice adviseOn(const Refusal &) override
    {
        ++advised;
        return advice;
    }
    QString explain(const Refusal &refusal) const override { return m_headers.explain(refusal); }
    QString describe() const override { return m_headers.describe(); }
    bool mayAuthorize(const QUrl &url) const override { return m_headers.mayAuthorize(url); }

    RefusalAdvice advice = RefusalAdvice::GiveUp;
    std::atomic<int> advised{0};

private:
    HeaderAuthorizer m_headers;
    std::shared_ptr<QPromise<Status>> m_promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> m_ready;
};

GetResult fetchNow(FetchScheduler &scheduler, const QUrl &url)
{
    QFuture<GetResult> f = scheduler.fetch(url);
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 20000))
        return makeError(QStringLiteral("timed out"));
    return f.result();
}

std::unique_ptr<FetchScheduler, void (*)(FetchScheduler *)>
makeScheduler(std::shared_ptr<RequestAuthorizer> a)
{
    FetchOptions o;
    o.authorizer = std::move(a);
    o.retry.baseDelayMs = 10;
    return {new FetchScheduler(o), [](FetchScheduler *s) { s->deleteLater(); }};
}

} // namespace

class TestAuthorizedFetch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerThread> m_private; // demands "Authorization: Bearer good"
    std::unique_ptr<server::ServerThread> m_other;   // another host: localhost, not 127.0.0.1

    server::StoreServer *priv() const { return m_private->server(); }
    QUrl privateUrl(const QString &key) const { return m_private->url().resolved(QUrl(key)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath(QStringLiteral("a.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(kObject) == kObject.size());
        f.close();
        m_private = std::make_unique<server::ServerThread>(m_dir.path());
        priv()->setRequiredHeader("Authorization", "Bearer good");
        QVERIFY(m_private->start() != 0);
        m_other = std::make_unique<server::ServerThread>(m_dir.path());
        QVERIFY(m_other->start() != 0);
    }

    void init()
    {
        priv()->clearFaults();
        priv()->resetStats();
        m_other->server()->resetStats();
    }

    void headerReachesTheStore()
    {
        auto s = makeScheduler(
            std::make_shared<HeaderAuthorizer>(m_private->url(), HeaderList{{"Authorization", "Bearer good"}},
                                               QStringLiteral("headers from --header")));
        const GetResult r = fetchNow(*s, privateUrl(QStringLiteral("a.bin")));
        QVERIFY2(r && *r, r ? "missing" : qPrintable(r.error().toString()));
        QCOMPARE(**r, kObject);
        QCOMPARE(priv()->requestLog().size(), 1);
        QCOMPARE(priv()->requestLog().front().authorization, QByteArray("Bearer good"));
    }

    // Without credentials a 401 says they are needed; with wrong ones, that they were refused.
    // Either way one request: a refusal is not retried as a server fault would be.
    void refusedOnce_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("message");
        QTest::addRow("none") << QByteArray() << QStringLiteral("credentials are needed (HTTP 401)");
        QTest::addRow("wrong") << QByteArray("Bearer bad")
                               << QStringLiteral("access denied: the server did not accept the credentials "
                                                 "(HTTP 401; headers from --header)");
    }
    void refusedOnce()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, message);
        std::shared_ptr<RequestAuthorizer> a;
        if (!header.isEmpty())
            a = std::make_shared<HeaderAuthorizer>(m_private->url(), HeaderList{{"Authorization", header}},
                                                   QStringLiteral("headers from --header"));
        auto s = makeScheduler(a);
        const GetResult r = fetchNow(*s, privateUrl(QStringLiteral("a.bin")));
        QVERIFY(!r);
        QVERIFY2(r.error().what.startsWith(message), qPrintable(r.error().toString()));
        QVERIFY(!r.error().what.contains("bad"));
        QCOMPARE(r.error().where, privateUrl(QStringLiteral("a.bin")).toString());
        QTest::qWait(100);
        QCOMPARE(priv()->totalRequests(), qint64(1));
    }

    // A redirect to another host is followed without the credentials; one on the same host keeps them.
    void redirects_data()
    {
        QTest::addColumn<bool>("otherHost");
        QTest::addRow("to another host") << true;
        QTest::addRow("on the same host") << false;
    }
    void redirects()
    {
        QFETCH(bool, otherHost);
        const QByteArray target =
            otherHost ? QStringLiteral("http://localhost:%1/a.bin").arg(m_other->server()->port()).toLatin1()
                      : privateUrl(QStringLiteral("a.bin")).toEncoded();
        priv()->addFault(server::FaultRule::redirectTo(QStringLiteral("moved.bin"), target, -1, 307));
        auto s = makeScheduler(
            std::make_shared<HeaderAuthorizer>(m_private->url(), HeaderList{{"Authorization", "Bearer good"}},
                                               QStringLiteral("headers from --header")));
        const GetResult r = fetchNow(*s, privateUrl(QStringLiteral("moved.bin")));
        QVERIFY2(r && *r, r ? "missing" : qPrintable(r.error().toString()));
        QCOMPARE(**r, kObject);
        const QList<server::RequestRecord> here = priv()->requestLog();
        const QList<server::RequestRecord> there = m_other->server()->requestLog();
        QCOMPARE(here.front().key, QStringLiteral("moved.bin"));
        QCOMPARE(here.front().authorization, QByteArray("Bearer good"));
        if (otherHost) {
            QCOMPARE(here.size(), 1);
            QCOMPARE(there.size(), 1);
            QCOMPARE(there.front().authorization, QByteArray()); // not sent to localhost
        } else {
            QCOMPARE(here.size(), 2);
            QCOMPARE(here.back().authorization, QByteArray("Bearer good"));
            QCOMPARE(there.size(), 0);
        }
    }

    // Requests wait for credentials that are on their way; none goes out before them.
    void waitsForCredentials()
    {
        auto a = std::make_shared<DelayedAuthorizer>(m_private->url(), "Bearer good", 400);
        auto s = makeScheduler(a);
        QList<QFuture<GetResult>> fs;
        for (int i = 0; i < 8; ++i)
            fs << s->fetch(privateUrl(QStringLiteral("a.bin")));
        QTest::qWait(250);
        QCOMPARE(priv()->totalRequests(), qint64(0));
        QVERIFY(QTest::qWaitFor(
            [&] { return std::all_of(fs.begin(), fs.end(), [](auto &f) { return f.isFinished(); }); },
            20000));
        for (auto &f : fs)
            QVERIFY(f.result() && *f.result());
        QCOMPARE(priv()->totalRequests(), qint64(8));
    }

    // Credentials that cannot be had fail the requests with that reason, and nothing is sent.
    void credentialErrorFailsRequests()
    {
        auto a = std::make_shared<DelayedAuthorizer>(
            m_private->url(), "Bearer good", 50,
            makeError(QStringLiteral("credential_process failed"), QStringLiteral("profile research")));
        auto s = makeScheduler(a);
        const GetResult r = fetchNow(*s, privateUrl(QStringLiteral("a.bin")));
        QVERIFY(!r);
        QCOMPARE(r.error().what, QStringLiteral("credential_process failed"));
        QCOMPARE(priv()->totalRequests(), qint64(0));
    }

    // An authorizer that re-reads its credentials gets exactly one more try per request.
    void refusalAskedOnce()
    {
        auto a = std::make_shared<DelayedAuthorizer>(m_private->url(), "Bearer stale", 0);
        a->advice = RefusalAdvice::RetryWithNewCredentials;
        auto s = makeScheduler(a);
        const GetResult r = fetchNow(*s, privateUrl(QStringLiteral("a.bin")));
        QVERIFY(!r);
        QVERIFY2(r.error().what.startsWith(QStringLiteral("access denied")),
                 qPrintable(r.error().toString()));
        QCOMPARE(a->advised.load(), 1);
        QTest::qWait(100);
        QCOMPARE(priv()->totalRequests(), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestAuthorizedFetch)
#include "tst_authorized_fetch.moc"
