// MeasuredStore, the measurement wrapper: what it records for a store without a wire (a directory,
// a zip file on disk), timed call by call, and for one with a wire (HTTP on our server, a zip
// archive over HTTP), exchange by exchange with statuses and retries. That it answers as the store
// it wears does is the contract suite's measured rows.

#include "ContractFixture.h"
#include "ServerThread.h"
#include "store/LocalStore.h"
#include "store/MeasuredStore.h"
#include "store/StoreFactory.h"
#include "store/zip/ZipStore.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace zs;
using zs::server::FaultRule;
using Outcome = FetchRecord::Outcome;

Q_DECLARE_METATYPE(FetchRecord::Outcome)

namespace {

// The log emits on whatever thread a request ended on; receivers connect queued, as the bench
// does, so the records are only touched on the test's thread.
class Records : public QObject
{
public:
    explicit Records(const RequestLog *log)
    {
        connect(
            log, &RequestLog::requestRecorded, this, [this](const FetchRecord &r) { m_records << r; },
            Qt::QueuedConnection);
    }
    qsizetype size() const { return m_records.size(); }
    const FetchRecord &at(qsizetype i) const { return m_records.at(i); }

private:
    QList<FetchRecord> m_records;
};

} // namespace

class TstMeasuredStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerThread> m_server;

    QString fixtureDir() const { return m_dir.filePath(QStringLiteral("fixture")); }
    server::StoreServer *srv() const { return m_server->server(); }

    std::shared_ptr<Store> openOrFail(const QString &location)
    {
        StoreOptions o;
        o.fetch.retry.baseDelayMs = 10;
        auto opened = openStore(location, o);
        if (!opened) {
            qWarning().noquote() << location << opened.error().toString();
            return nullptr;
        }
        if (auto *zip = dynamic_cast<ZipStore *>(opened->get())) {
            const Status open = zip->waitUntilOpen(); // its directory read comes before the wrapper
            if (!open) qWarning().noquote() << location << open.error().toString();
        }
        return *opened;
    }

    static bool timesInOrder(const FetchRecord &r)
    {
        return r.queuedNs >= 0 && r.queuedNs <= r.sentNs && r.sentNs <= r.firstByteNs &&
               r.firstByteNs <= r.doneNs;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<zs::FetchRecord>();
        QVERIFY(m_dir.isValid());
        QString problem;
        QVERIFY2(zstest::writeFixtureTree(fixtureDir(), &problem), qPrintable(problem));
        QVERIFY2(
            zstest::zipFixtureTree(fixtureDir(), m_dir.filePath(QStringLiteral("fixture.zip")), &problem),
            qPrintable(problem));
        m_server = std::make_unique<server::ServerThread>(m_dir.path());
        QVERIFY(m_server->start() != 0);
    }

    void init()
    {
        srv()->clearFaults();
        srv()->resetStats();
    }

    // One record per call, in the order answered here (each call is awaited), with the outcome,
    // bytes and range the caller saw; no status, since there is no wire.
    void callsWithoutAWire_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addRow("directory") << fixtureDir();
        QTest::addRow("zip-file") << m_dir.filePath(QStringLiteral("fixture.zip"));
    }
    void callsWithoutAWire()
    {
        QFETCH(QString, location);
        const auto inner = openOrFail(location);
        QVERIFY(inner);
        MeasuredStore store(inner);
        QVERIFY(!store.recordsExchanges());
        Records records(store.log().get());

        const QByteArray a = zstest::fixtureBytes(QStringLiteral("a.bin"));
        QCOMPARE(await(store.get(QStringLiteral("a.bin"))).value(), std::optional<QByteArray>(a));
        QVERIFY(!await(store.get(QStringLiteral("nope.bin"))).value().has_value());
        QCOMPARE(await(store.getRange(QStringLiteral("dir/b.txt"), ByteRange::lastBytes(3))).value()->size(),
                 3);
        QVERIFY(!await(store.getRange(QStringLiteral("a.bin"), ByteRange::fromStart(2000, 5))));
        QVERIFY(await(store.list(QStringLiteral("dir"))));
        QVERIFY(await(store.list(QString())));

        struct Expected
        {
            QString key;
            Outcome outcome;
            std::uint64_t bytes;
            bool range;
        };
        const std::vector<Expected> expected = {
            {QStringLiteral("a.bin"), Outcome::Ok, std::uint64_t(a.size()), false},
            {QStringLiteral("nope.bin"), Outcome::Missing, 0, false},
            {QStringLiteral("dir/b.txt"), Outcome::Ok, 3, true},
            {QStringLiteral("a.bin"), Outcome::Failed, 0, true},
            {QStringLiteral("dir/"), Outcome::Ok, 0, false},
            {QStringLiteral("/"), Outcome::Ok, 0, false},
        };
        QTRY_COMPARE_WITH_TIMEOUT(records.size(), qsizetype(expected.size()), 5000);
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const FetchRecord &r = records.at(qsizetype(i));
            QCOMPARE(r.key, expected[i].key);
            QCOMPARE(r.outcome, expected[i].outcome);
            QCOMPARE(r.bytes, expected[i].bytes);
            QCOMPARE(r.range, expected[i].range);
            QCOMPARE(r.status, 0);
            QCOMPARE(r.attempt, 1);
            QVERIFY(timesInOrder(r));
            QVERIFY(r.doneNs <= store.log()->elapsedNs());
        }
    }

    // A call cancelled while it waits for the store's one slot is recorded as cancelled at once
    // and finishes for its caller; the cancel reaches the store, which drops the queued read
    // without running it when its turn comes.
    void cancelledCall()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("fixture/slow.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const auto cleanup = qScopeGuard([&] { QFile::remove(fifo); });
        auto local = std::make_shared<LocalStore>(fixtureDir(), 1);
        MeasuredStore store(local);
        Records records(store.log().get());
        QFuture<GetResult> slow = store.get(QStringLiteral("slow.fifo")); // holds the slot: open() blocks
        QTRY_COMPARE_WITH_TIMEOUT(local->limiterStats()->running, 1, 5000);
        QFuture<GetResult> queued = store.get(QStringLiteral("a.bin"));
        QTRY_COMPARE_WITH_TIMEOUT(local->limiterStats()->queued, 1, 5000);
        queued.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(records.size(), qsizetype(1), 5000);
        QCOMPARE(records.at(0).key, QStringLiteral("a.bin"));
        QCOMPARE(records.at(0).outcome, Outcome::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(queued.isFinished(), 5000); // nobody waits on it
        QVERIFY(queued.isCanceled());

        // A writer lets the slow read go on; a pipe cannot be read as a file (no seeking), so it
        // fails, and is recorded so.
        // qWaitFor, not QTRY_VERIFY: the open has a side effect, and QTRY evaluates it once more.
        int writer = -1;
        const bool opened = QTest::qWaitFor(
            [&] {
                return (writer = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK)) >= 0;
            },
            5000);
        QVERIFY2(opened, "the blocked read never opened the pipe");
        ::close(writer);
        QTRY_COMPARE_WITH_TIMEOUT(records.size(), qsizetype(2), 5000);
        QCOMPARE(records.at(1).key, QStringLiteral("slow.fifo"));
        QCOMPARE(records.at(1).outcome, Outcome::Failed);
        QTRY_VERIFY_WITH_TIMEOUT(slow.isFinished(), 5000);
        QVERIFY(!slow.isCanceled());
        QTest::qWait(50); // the dropped read is not recorded a second time
        QCOMPARE(records.size(), qsizetype(2));
        QTRY_COMPARE_WITH_TIMEOUT(local->limiterStats()->dropped, std::uint64_t(1), 5000);
        QCOMPARE(local->limiterStats()->started, std::uint64_t(1)); // the cancelled read never ran
    }

    // Over HTTP the records are the exchanges: each retry its own record with the status that
    // caused it, keys relative to the store root, and no second record for the call.
    void exchangesOverHttp()
    {
        const auto inner = openOrFail(m_server->url().toString() + QStringLiteral("fixture"));
        QVERIFY(inner);
        MeasuredStore store(inner);
        QVERIFY(store.recordsExchanges());
        Records records(store.log().get());
        srv()->addFault(FaultRule::withStatus(QStringLiteral("fixture/a.bin"), 503, 1));
        QCOMPARE(await(store.get(QStringLiteral("a.bin"))).value(),
                 std::optional<QByteArray>(zstest::fixtureBytes(QStringLiteral("a.bin"))));
        QVERIFY(!await(store.get(QStringLiteral("dir/nope"))).value().has_value());
        QTRY_COMPARE_WITH_TIMEOUT(records.size(), qsizetype(3), 5000);
        QTest::qWait(50);
        QCOMPARE(records.size(), qsizetype(3));
        QCOMPARE(qint64(records.size()), srv()->totalRequests());

        const FetchRecord &retried = records.at(0), &ok = records.at(1), &missing = records.at(2);
        QCOMPARE(retried.key, QStringLiteral("a.bin"));
        QCOMPARE(retried.outcome, Outcome::Retried);
        QCOMPARE(retried.status, 503);
        QCOMPARE(retried.attempt, 1);
        QCOMPARE(ok.key, QStringLiteral("a.bin"));
        QCOMPARE(ok.outcome, Outcome::Ok);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.attempt, 2);
        QCOMPARE(ok.bytes, std::uint64_t(1000));
        QCOMPARE(missing.key, QStringLiteral("dir/nope"));
        QCOMPARE(missing.outcome, Outcome::Missing);
        QCOMPARE(missing.status, 404);
        for (const FetchRecord &r : {retried, ok, missing})
            QVERIFY(timesInOrder(r) && r.doneNs <= store.log()->elapsedNs());
        QVERIFY(ok.queuedNs >= retried.doneNs); // the retry waited for its backoff
    }

    // A zip archive over HTTP: the wire's exchanges are range reads of the archive object.
    void zipOverHttpRecordsArchiveRanges()
    {
        const auto inner = openOrFail(m_server->url().toString() + QStringLiteral("fixture.zip"));
        QVERIFY(inner);
        srv()->resetStats();
        MeasuredStore store(inner);
        QVERIFY(store.recordsExchanges());
        Records records(store.log().get());
        QCOMPARE(await(store.get(QStringLiteral("a.bin"))).value(),
                 std::optional<QByteArray>(zstest::fixtureBytes(QStringLiteral("a.bin"))));
        QTRY_COMPARE_WITH_TIMEOUT(records.size(), qsizetype(srv()->totalRequests()), 5000);
        QVERIFY(records.size() >= 1);
        for (qsizetype i = 0; i < records.size(); ++i) {
            QCOMPARE(records.at(i).key, QStringLiteral("fixture.zip"));
            QVERIFY(records.at(i).range);
            QCOMPARE(records.at(i).status, 206);
        }
    }
};

QTEST_MAIN(TstMeasuredStore)
#include "tst_measured_store.moc"
