// Sharded v3 arrays over HTTP against the project's own server: the shard index is read with
// one range request and cached, inner chunks are fetched by coalesced range requests, and
// every request is counted by the server. Fixtures: make_sharded_fixtures.py (the project's
// spec-based v3 writer, run with Debian's python3); zarrita reads the same store as a check.

#include "NpyFile.h"
#include "ServerThread.h"
#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "store/LocalStore.h"
#include "store/StoreFactory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace zs;
using zs::server::FaultRule;

class TstShardedHttp : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerThread> m_server;
    int m_indexBytes = 0;

    server::StoreServer *srv() { return m_server->server(); }
    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    std::shared_ptr<Store> open(FetchOptions fetch = {})
    {
        StoreOptions o;
        o.fetch = fetch;
        auto s = openStore(m_server->url().toString() + QStringLiteral("sharded.zarr"), o);
        return s ? *s : nullptr;
    }

    static ArrayMetadata meta(Store &store, const QString &array)
    {
        auto node = loadNode(store, array);
        return node && node->isArray() ? *node->array : ArrayMetadata{};
    }

    QByteArray expected(const QString &array, const QString &select = {})
    {
        QString err;
        auto npy = zstest::readNpy(path(QStringLiteral("expected/%1.npy").arg(array)), &err);
        if (!npy) return QByteArray();
        if (select.isEmpty()) return npy->data;
        // The window's rows and columns, cut from the whole array: "r0:r1, c0:c1".
        const QStringList parts = select.split(u',');
        const QStringList rows = parts[0].trimmed().split(u':'), cols = parts[1].trimmed().split(u':');
        QByteArray out;
        const int width = int(npy->shape[1]);
        for (int r = rows[0].toInt(); r < rows[1].toInt(); ++r)
            out += npy->data.mid((qsizetype(r) * width + cols[0].toInt()) * 4,
                                 (cols[1].toInt() - cols[0].toInt()) * 4);
        return out;
    }

    // Requests the server saw for the array's chunk objects (metadata aside).
    QList<server::RequestRecord> chunkRequests(const QString &array)
    {
        QList<server::RequestRecord> out;
        for (const auto &r : srv()->requestLog())
            if (r.key.startsWith(QStringLiteral("sharded.zarr/%1/c/").arg(array))) out << r;
        return out;
    }

    Result<NdArray> read(const std::shared_ptr<Store> &store, const QString &array, const QString &select,
                         ReadStats *stats = nullptr, ReadOptions options = {})
    {
        const ArrayMetadata m = meta(*store, array);
        ZS_TRY(Selection sel, parseSelection(select, m.shape));
        srv()->resetStats();
        return readSelection(store, array, m, sel, options, stats);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON), {QStringLiteral(ZS_SHARDED_FIXTURES), m_dir.path()});
        QVERIFY2(p.waitForFinished(60000) && p.exitCode() == 0, p.readAllStandardError().constData());
        QFile manifest(path(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        m_indexBytes = QJsonDocument::fromJson(manifest.readAll()).object()[u"index_bytes"].toInt();
        QCOMPARE(m_indexBytes, 16 * 50 + 4);
        m_server = std::make_unique<server::ServerThread>(m_dir.path());
        QVERIFY(m_server->start() != 0);
    }

    void init()
    {
        srv()->clearFaults();
        srv()->setLatencyMs(0);
        srv()->resetStats();
    }

    // Whole array and windows: exact data, and no more requests than the targets allow.
    void readsWithFewRequests_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("select");
        QTest::addColumn<int>("maxRequests");
        QTest::addColumn<int>("indexReads");
        for (const char *a : {"end", "start"}) {
            QTest::addRow("%s whole", a) << QString::fromLatin1(a) << QString() << 20 << 6;
            QTest::addRow("%s 4 inner chunks, 1 shard", a)
                << QString::fromLatin1(a) << QStringLiteral("5:15, 5:15") << 8 << 1;
            QTest::addRow("%s 4 inner chunks, 4 shards", a)
                << QString::fromLatin1(a) << QStringLiteral("95:105, 45:55") << 8 << 4;
        }
    }
    void readsWithFewRequests()
    {
        QFETCH(QString, array);
        QFETCH(QString, select);
        QFETCH(int, maxRequests);
        QFETCH(int, indexReads);
        auto store = open();
        ReadStats stats;
        auto r = read(store, array, select, &stats);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->data, expected(array, select));

        const auto requests = chunkRequests(array);
        qInfo("%s [%s]: %lld requests (%llu index reads), %llu range requests", qPrintable(array),
              qPrintable(select), qlonglong(requests.size()), qulonglong(stats.indexReads),
              qulonglong(stats.rangeRequests));
        QVERIFY2(requests.size() <= maxRequests, qPrintable(QString::number(requests.size())));
        QCOMPARE(qsizetype(stats.requests), requests.size());
        QCOMPARE(stats.rangeRequests, stats.requests);
        QCOMPARE(int(stats.indexReads), indexReads);
        // Every request is a range: the index with one suffix (or prefix) read per shard.
        const QByteArray indexRange = array == u"end" ? "bytes=-" + QByteArray::number(m_indexBytes)
                                                      : "bytes=0-" + QByteArray::number(m_indexBytes - 1);
        int indexRequests = 0;
        QSet<QString> indexedShards;
        for (const auto &rec : requests) {
            QVERIFY2(!rec.range.isEmpty(), qPrintable(rec.key));
            if (rec.range == indexRange) {
                ++indexRequests;
                indexedShards.insert(rec.key);
            }
        }
        QCOMPARE(indexRequests, indexReads);
        QCOMPARE(indexedShards.size(), indexReads);
    }

    void emptyInnerChunksAndAbsentShardReadAsFill()
    {
        auto store = open();
        ReadStats stats;
        auto r = read(store, QStringLiteral("sparse"), QString(), &stats);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->data, expected(QStringLiteral("sparse")));
        QCOMPARE(int(stats.missing), 50 + 4); // the absent shard's 50 inner chunks, 4 empty entries
        QCOMPARE(srv()->requestCount(QStringLiteral("sharded.zarr/sparse/c/1/2")), 1); // the 404, not retried
        const qint32 fill = -5;
        QCOMPARE(std::memcmp(r->data.constData(), &fill, 4), 0); // element (0, 0): an empty inner chunk
    }

    void corruptIndexChecksumIsAnError()
    {
        auto r = read(open(), QStringLiteral("bad_crc"), QString());
        QVERIFY(!r);
        const QString message = r.error().toString();
        qInfo("%s", qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("shard index")) &&
                     message.contains(QStringLiteral("crc32c")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("bad_crc/c/0/1")), qPrintable(message));
    }

    void indexEntryPastTheObjectIsAnError_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<bool>("ignoreRange");
        // past_end: the range runs over the end (206 with less); far_past_end: it starts beyond it (416).
        for (const char *a : {"past_end", "far_past_end"}) {
            QTest::addRow("%s, server honours Range", a) << QString::fromLatin1(a) << false;
            QTest::addRow("%s, server ignores Range", a) << QString::fromLatin1(a) << true;
        }
    }
    void indexEntryPastTheObjectIsAnError()
    {
        QFETCH(QString, array);
        QFETCH(bool, ignoreRange);
        if (ignoreRange)
            srv()->addFault(
                FaultRule::of(QStringLiteral("sharded.zarr/%1/*").arg(array), FaultRule::Kind::IgnoreRange));
        auto r = read(open(), array, QString());
        QVERIFY(!r);
        const QString message = r.error().toString();
        qInfo("%s", qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("outside the object")), qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral("(%1/c/1/1)").arg(array)), qPrintable(message));
    }

    void serverIgnoringRangeStillGivesExactData_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addRow("end") << QStringLiteral("end");
        QTest::addRow("start") << QStringLiteral("start");
        QTest::addRow("sparse") << QStringLiteral("sparse");
    }
    void serverIgnoringRangeStillGivesExactData()
    {
        QFETCH(QString, array);
        srv()->addFault(
            FaultRule::of(QStringLiteral("sharded.zarr/%1/*").arg(array), FaultRule::Kind::IgnoreRange));
        auto r = read(open(), array, QString());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->data, expected(array));
        QVERIFY(srv()->faultsFired() > 0);
    }

    // A zoom reads the same shards again: the reader's cache answers for the index.
    void secondReadUsesTheCachedIndex()
    {
        auto store = open();
        const ArrayMetadata m = meta(*store, QStringLiteral("end"));
        ArrayReader reader(store, QStringLiteral("end"), m);
        const auto window = [&](const QString &select, ReadStats *stats) -> Result<NdArray> {
            ZS_TRY(Selection sel, parseSelection(select, m.shape));
            QSignalSpy finished(&reader, &ArrayReader::readFinished);
            reader.start(sel);
            if (!finished.wait(10000)) return makeError(QStringLiteral("read did not finish"));
            *stats = reader.stats();
            return reader.result();
        };
        srv()->resetStats();
        ReadStats first, second;
        auto a = window(QStringLiteral("95:105, 45:55"), &first);
        QVERIFY2(a, qPrintable(a ? QString() : a.error().toString()));
        const auto firstRequests = chunkRequests(QStringLiteral("end")).size();
        srv()->resetStats();
        auto b = window(QStringLiteral("98:102, 48:52"), &second);
        QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
        QCOMPARE(b->data, expected(QStringLiteral("end"), QStringLiteral("98:102, 48:52")));
        const auto secondRequests = chunkRequests(QStringLiteral("end")).size();
        QCOMPARE(int(first.indexReads), 4);
        QCOMPARE(int(second.indexReads), 0);
        QCOMPARE(int(second.indexCacheHits), 4);
        QCOMPARE(secondRequests, firstRequests - 4);

        // A cache handed in through ReadOptions is shared by separate reads (the CLI, bands).
        ReadOptions options;
        options.shardIndexCache = std::make_shared<ShardIndexCache>();
        ReadStats one, two;
        QVERIFY(read(store, QStringLiteral("start"), QString(), &one, options));
        QVERIFY(read(store, QStringLiteral("start"), QStringLiteral("0:30, 0:30"), &two, options));
        QCOMPARE(int(one.indexReads), 6);
        QCOMPARE(int(two.indexReads), 0);
        QCOMPARE(qsizetype(two.requests), chunkRequests(QStringLiteral("start")).size());
    }

    // The gap threshold decides whether two inner chunks with others between them share a request.
    void coalescingFollowsTheLimits_data()
    {
        QTest::addColumn<quint64>("maxGap");
        QTest::addColumn<quint64>("maxMerged");
        QTest::addColumn<int>("rangeReads");
        // Inner chunks (0,0) and (1,0) of shard c/0/0: entries 0 and 5, four chunks apart.
        QTest::addRow("default gap: one request") << quint64(64 << 10) << quint64(16 << 20) << 1;
        QTest::addRow("gap 100 bytes: two") << quint64(100) << quint64(16 << 20) << 2;
        QTest::addRow("merged at most 1 KiB: two") << quint64(64 << 10) << quint64(1024) << 2;
    }
    void coalescingFollowsTheLimits()
    {
        QFETCH(quint64, maxGap);
        QFETCH(quint64, maxMerged);
        QFETCH(int, rangeReads);
        ReadOptions options;
        options.coalesce.maxGap = maxGap;
        options.coalesce.maxMerged = maxMerged;
        ReadStats stats;
        auto r = read(open(), QStringLiteral("end"), QStringLiteral("0:20, 0:10"), &stats, options);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->data, expected(QStringLiteral("end"), QStringLiteral("0:20, 0:10")));
        QCOMPARE(int(stats.requests - stats.indexReads), rangeReads);
        QCOMPARE(chunkRequests(QStringLiteral("end")).size(), qsizetype(1 + rangeReads));
    }

    void concurrencyLimitHolds_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::addRow("sequential") << 1;
        QTest::addRow("3") << 3;
    }
    void concurrencyLimitHolds()
    {
        QFETCH(int, concurrency);
        srv()->setLatencyMs(30);
        ReadOptions options;
        options.coalesce.maxMerged = 4096; // many small requests, so the limit is reached
        ReadStats stats;
        FetchOptions limit;
        limit.concurrency = concurrency;
        auto store = open(limit);
        auto r = read(store, QStringLiteral("start"), QString(), &stats, options);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->data, expected(QStringLiteral("start")));
        // The reader asks for more than the limit at once; the store's limiter holds it.
        QVERIFY2(stats.maxInFlight > concurrency, qPrintable(QString::number(stats.maxInFlight)));
        QCOMPARE(store->transferStats()->maxInFlight, concurrency);
        QCOMPARE(srv()->maxPendingRequests(), concurrency);
    }

    // The same path on disk: LocalStore reads the ranges, not whole shard files.
    void localStoreReadsTheSameWay()
    {
        auto store = std::make_shared<LocalStore>(path(QStringLiteral("sharded.zarr")));
        const ArrayMetadata m = meta(*store, QStringLiteral("sparse"));
        ReadStats stats;
        auto r = readSelection(store, QStringLiteral("sparse"), m, Selection::all(m.shape), {}, &stats);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->data, expected(QStringLiteral("sparse")));
        QCOMPARE(stats.rangeRequests, stats.requests);

        const ArrayMetadata e = meta(*store, QStringLiteral("end"));
        auto sel = parseSelection(QStringLiteral("5:15, 5:15"), e.shape);
        QVERIFY(sel);
        auto w = readSelection(store, QStringLiteral("end"), e, *sel, {}, &stats);
        QVERIFY(w);
        QCOMPARE(w->data, expected(QStringLiteral("end"), QStringLiteral("5:15, 5:15")));
        // The index and a few neighbouring inner chunks, far less than the 21 kB shard.
        const qint64 shard = QFileInfo(path(QStringLiteral("sharded.zarr/end/c/0/0"))).size();
        QVERIFY2(qint64(stats.bytes) < shard / 4,
                 qPrintable(QStringLiteral("%1 of %2").arg(stats.bytes).arg(shard)));
        QCOMPARE(int(stats.requests), 2);
    }

    // zarrita, an independent v3 reader, agrees with what we read over HTTP.
    void zarritaAgrees_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addRow("end") << QStringLiteral("end");
        QTest::addRow("sparse") << QStringLiteral("sparse");
    }
    void zarritaAgrees()
    {
        QFETCH(QString, array);
        const QString node = QStringLiteral(ZS_NODE);
        QVERIFY2(!node.isEmpty() && QFileInfo(node).isExecutable(), "node is required");
        const QString bin = path(array + QStringLiteral(".zarrita.bin"));
        QProcess p;
        p.start(node, {QStringLiteral(ZS_SOURCE_DIR "/tests/js/read_v3.mjs"),
                       path(QStringLiteral("sharded.zarr")), array, bin});
        QVERIFY2(p.waitForFinished(60000) && p.exitCode() == 0, p.readAllStandardError().constData());
        QFile f(bin);
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto r = read(open(), array, QString());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->data, f.readAll());
    }
};

QTEST_GUILESS_MAIN(TstShardedHttp)
#include "tst_sharded_http.moc"
