// The decoded-chunk cache on its own: LRU order, the byte budget, admission of what fits,
// invalidation when an array's metadata changes, and many threads using it at once.

#include "array/ChunkCache.h"

#include <QtConcurrent>
#include <QtTest>
#include <atomic>

using namespace zs;

namespace {

const ChunkCache::ArrayId kArray{QStringLiteral("/data/a.zarr"), QStringLiteral("t"), QByteArray("fp1")};

// A chunk of `n` bytes whose every byte says which chunk it is.
ChunkCache::Chunk chunkOf(int n, char tag)
{
    return ChunkCache::Chunk{QByteArray(n, tag), false};
}

// Room for exactly `entries` chunks of `n` bytes.
std::uint64_t budgetFor(int entries, int n)
{
    return std::uint64_t(entries) * (std::uint64_t(n) + ChunkCache::kEntryOverheadBytes);
}

} // namespace

class TstChunkCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void leastRecentlyUsedGoesFirst()
    {
        ChunkCache cache(budgetFor(3, 100));
        QVERIFY(cache.insert(kArray, QStringLiteral("0"), chunkOf(100, 'a')));
        QVERIFY(cache.insert(kArray, QStringLiteral("1"), chunkOf(100, 'b')));
        QVERIFY(cache.insert(kArray, QStringLiteral("2"), chunkOf(100, 'c')));
        QVERIFY(cache.find(kArray, QStringLiteral("0"))); // "1" is now the oldest
        QVERIFY(cache.insert(kArray, QStringLiteral("3"), chunkOf(100, 'd')));
        QVERIFY(!cache.contains(kArray, QStringLiteral("1")));
        QVERIFY(cache.contains(kArray, QStringLiteral("0")));
        QVERIFY(cache.contains(kArray, QStringLiteral("2")));
        QVERIFY(cache.contains(kArray, QStringLiteral("3")));
        QCOMPARE(cache.counters().evictions, 1u);
        // contains() does not count as a use: "2" goes next.
        QVERIFY(cache.contains(kArray, QStringLiteral("2")));
        QVERIFY(cache.insert(kArray, QStringLiteral("4"), chunkOf(100, 'e')));
        QVERIFY(!cache.contains(kArray, QStringLiteral("2")));
    }

    void hitReturnsTheCachedBufferItself()
    {
        ChunkCache cache;
        const ChunkCache::Chunk in = chunkOf(4096, 'x');
        QVERIFY(cache.insert(kArray, QStringLiteral("0.0"), in));
        const auto hit = cache.find(kArray, QStringLiteral("0.0"));
        QVERIFY(hit);
        QCOMPARE(hit->decoded.constData(), in.decoded.constData()); // shared, not copied
        QCOMPARE(hit->decoded, in.decoded);
        QVERIFY(!cache.find(kArray, QStringLiteral("0.1")));
        QCOMPARE(cache.counters().hits, 1u);
        QCOMPARE(cache.counters().misses, 1u);
    }

    void missingChunksAreRemembered()
    {
        ChunkCache cache;
        QVERIFY(cache.insert(kArray, QStringLiteral("9"), ChunkCache::Chunk{{}, true}));
        const auto hit = cache.find(kArray, QStringLiteral("9"));
        QVERIFY(hit && hit->missing && hit->decoded.isEmpty());
        QCOMPARE(cache.bytes(), ChunkCache::kEntryOverheadBytes);
    }

    void budgetIsNeverExceeded_data()
    {
        QTest::addColumn<int>("budgetBytes");
        QTest::addColumn<int>("chunkBytes");
        QTest::addColumn<int>("inserts");
        QTest::addColumn<int>("kept"); // entries left at the end
        QTest::addRow("room for 4") << int(budgetFor(4, 1000)) << 1000 << 50 << 4;
        QTest::addRow("room for 4 and a bit") << int(budgetFor(4, 1000)) + 999 << 1000 << 50 << 4;
        QTest::addRow("exactly one") << int(budgetFor(1, 1000)) << 1000 << 10 << 1;
        QTest::addRow("not even one") << int(budgetFor(1, 1000)) - 1 << 1000 << 10 << 0;
        QTest::addRow("off") << 0 << 1000 << 10 << 0;
    }
    void budgetIsNeverExceeded()
    {
        QFETCH(int, budgetBytes);
        QFETCH(int, chunkBytes);
        QFETCH(int, inserts);
        QFETCH(int, kept);
        ChunkCache cache{std::uint64_t(budgetBytes)};
        for (int i = 0; i < inserts; ++i) {
            cache.insert(kArray, QString::number(i), chunkOf(chunkBytes, char('a' + i % 26)));
            QVERIFY(cache.bytes() <= cache.budget());
        }
        QCOMPARE(int(cache.size()), kept);
        // The newest ones are the ones kept.
        for (int i = inserts - kept; i < inserts; ++i)
            QVERIFY(cache.contains(kArray, QString::number(i)));
    }

    void admitsWhatFits()
    {
        ChunkCache cache(budgetFor(2, 1000));
        QVERIFY(cache.insert(kArray, QStringLiteral("small"), chunkOf(1000, 's')));
        // Larger than the whole budget: refused, and it does not flush what is there.
        QVERIFY(!cache.insert(kArray, QStringLiteral("huge"), chunkOf(5000, 'h')));
        QVERIFY(cache.contains(kArray, QStringLiteral("small")));
        QVERIFY(!cache.contains(kArray, QStringLiteral("huge")));
        QCOMPARE(cache.counters().refused, 1u);
        // Shrinking the budget evicts down to it.
        QVERIFY(cache.insert(kArray, QStringLiteral("other"), chunkOf(1000, 'o')));
        cache.setBudget(budgetFor(1, 1000));
        QCOMPARE(cache.size(), std::size_t(1));
        QVERIFY(cache.contains(kArray, QStringLiteral("other")));
    }

    void otherMetadataDropsTheArraysChunks()
    {
        ChunkCache cache;
        const ChunkCache::ArrayId other{kArray.store, QStringLiteral("u"), QByteArray("fpU")};
        const ChunkCache::ArrayId elsewhere{QStringLiteral("http://h/a.zarr"), kArray.path,
                                            kArray.fingerprint};
        QVERIFY(cache.insert(kArray, QStringLiteral("0"), chunkOf(10, 'a')));
        QVERIFY(cache.insert(kArray, QStringLiteral("1"), chunkOf(10, 'b')));
        QVERIFY(cache.insert(other, QStringLiteral("0"), chunkOf(10, 'u')));
        QVERIFY(cache.insert(elsewhere, QStringLiteral("0"), chunkOf(10, 'e')));
        // The same chunk key of another array or another store is another chunk.
        QCOMPARE(cache.find(other, QStringLiteral("0"))->decoded, QByteArray(10, 'u'));
        QCOMPARE(cache.find(elsewhere, QStringLiteral("0"))->decoded, QByteArray(10, 'e'));

        ChunkCache::ArrayId reopened = kArray;
        reopened.fingerprint = "fp2";
        QVERIFY(!cache.contains(reopened, QStringLiteral("0")));
        QVERIFY(!cache.find(reopened, QStringLiteral("0")));
        QCOMPARE(cache.counters().invalidated, 2u);
        QCOMPARE(cache.size(), std::size_t(2)); // the other arrays' chunks stay
        QVERIFY(cache.contains(other, QStringLiteral("0")));
        // ... and the old metadata's chunks do not come back.
        QVERIFY(!cache.find(kArray, QStringLiteral("1")));
    }

    void fingerprintFollowsWhatShapesTheBytes()
    {
        ArrayMetadata a;
        a.shape = {10, 20};
        a.chunks = {5, 5};
        ArrayMetadata b = a;
        QCOMPARE(metadataFingerprint(a), metadataFingerprint(b));
        b.chunks = {5, 10};
        QVERIFY(metadataFingerprint(a) != metadataFingerprint(b));
        b = a;
        b.fill = QByteArray(4, '\1');
        QVERIFY(metadataFingerprint(a) != metadataFingerprint(b));
        b = a;
        b.order = 'F';
        QVERIFY(metadataFingerprint(a) != metadataFingerprint(b));
        b = a;
        b.keyEncoding.separator = u'/';
        QVERIFY(metadataFingerprint(a) != metadataFingerprint(b));
    }

    void manyThreadsAtOnce()
    {
        // 8 threads, each inserting and looking up chunks of 64 arrays-worth of keys; every hit must
        // hold the bytes of its own key, and the books must balance.
        ChunkCache cache(budgetFor(40, 512));
        std::atomic<int> wrong{0};
        std::atomic<std::uint64_t> finds{0};
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        QList<QFuture<void>> runs;
        for (int t = 0; t < 8; ++t) {
            runs << QtConcurrent::run(&pool, [&, t] {
                for (int i = 0; i < 4000; ++i) {
                    const int k = (i * 7 + t * 13) % 97;
                    const QString key = QString::number(k);
                    if (i % 3 == 0) {
                        cache.insert(kArray, key, chunkOf(512, char(k)));
                    } else {
                        ++finds;
                        if (auto hit = cache.find(kArray, key);
                            hit && hit->decoded != QByteArray(512, char(k)))
                            ++wrong;
                    }
                    if (cache.bytes() > cache.budget()) ++wrong;
                }
            });
        }
        for (auto &r : runs)
            r.waitForFinished();
        QCOMPARE(wrong.load(), 0);
        const auto c = cache.counters();
        QCOMPARE(c.hits + c.misses, finds.load());
        QVERIFY(c.hits > 0);
        QVERIFY(c.evictions > 0);
        QVERIFY(c.insertions >= c.evictions + cache.size()); // the rest were replaced by newer copies
        QVERIFY(cache.size() <= 40);
    }
};

QTEST_GUILESS_MAIN(TstChunkCache)
#include "tst_chunk_cache.moc"
