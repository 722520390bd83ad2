// The pieces of the sharded read path that need no server: which byte ranges share a
// request, and which shard indexes the cache keeps.

#include "array/RangeCoalescer.h"
#include "array/ShardIndexCache.h"

#include <QtTest>

using namespace zs;

using Spans = QList<QPair<quint64, quint64>>; // (offset, length) of each request

class TstShardReadParts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void coalesce_data()
    {
        QTest::addColumn<Spans>("wanted");
        QTest::addColumn<quint64>("maxGap");
        QTest::addColumn<quint64>("maxMerged");
        QTest::addColumn<Spans>("requests");
        QTest::addRow("adjacent, any order")
            << Spans{{200, 100}, {0, 100}, {100, 100}} << quint64(0) << quint64(1000) << Spans{{0, 300}};
        QTest::addRow("gap within limit")
            << Spans{{0, 10}, {30, 10}} << quint64(20) << quint64(1000) << Spans{{0, 40}};
        QTest::addRow("gap over limit")
            << Spans{{0, 10}, {31, 10}} << quint64(20) << quint64(1000) << Spans{{0, 10}, {31, 10}};
        QTest::addRow("merged size capped") << Spans{{0, 400}, {400, 400}, {800, 400}} << quint64(0)
                                            << quint64(800) << Spans{{0, 800}, {800, 400}};
        QTest::addRow("one range larger than the cap")
            << Spans{{0, 5000}, {5000, 10}} << quint64(0) << quint64(1000) << Spans{{0, 5000}, {5000, 10}};
        QTest::addRow("overlapping and duplicate entries")
            << Spans{{0, 100}, {50, 100}, {0, 100}} << quint64(0) << quint64(1000) << Spans{{0, 150}};
        QTest::addRow("nothing") << Spans{} << quint64(0) << quint64(1000) << Spans{};
    }
    void coalesce()
    {
        QFETCH(Spans, wanted);
        QFETCH(quint64, maxGap);
        QFETCH(quint64, maxMerged);
        QFETCH(Spans, requests);
        std::vector<WantedRange> in;
        for (qsizetype i = 0; i < wanted.size(); ++i)
            in.push_back(WantedRange{wanted[i].first, wanted[i].second, std::size_t(i)});
        const auto out = coalesceRanges(in, CoalesceLimits{maxGap, maxMerged});
        Spans got;
        QSet<std::size_t> tags;
        for (const auto &m : out) {
            got << qMakePair(quint64(m.offset), quint64(m.length));
            for (const auto &p : m.parts) {
                // Every part lies inside its request, and every wanted range is in exactly one.
                QVERIFY(p.offset >= m.offset && p.offset + p.length <= m.offset + m.length);
                QVERIFY(!tags.contains(p.tag));
                tags.insert(p.tag);
            }
        }
        QCOMPARE(got, requests);
        QCOMPARE(tags.size(), wanted.size());
    }

    void cacheEvictsLeastRecentlyUsed()
    {
        const auto index = [](std::size_t n) { return std::make_shared<const ShardIndex>(n); };
        const std::uint64_t one = 100 * sizeof(ShardingCodec::IndexEntry) + 2 * 2 + 64; // entries + key "sN"
        ShardIndexCache cache(3 * one);
        cache.insert(QStringLiteral("s1"), index(100));
        cache.insert(QStringLiteral("s2"), index(100));
        cache.insert(QStringLiteral("s3"), index(100));
        QCOMPARE(cache.size(), std::size_t(3));
        QVERIFY(cache.find(QStringLiteral("s1"))); // s1 is now the most recent, s2 the oldest
        cache.insert(QStringLiteral("s4"), index(100));
        QCOMPARE(cache.size(), std::size_t(3));
        QVERIFY(!cache.find(QStringLiteral("s2")));
        QVERIFY(cache.find(QStringLiteral("s1")) && cache.find(QStringLiteral("s3")) &&
                cache.find(QStringLiteral("s4")));
        QVERIFY(cache.bytes() <= cache.maxBytes());
        // Larger than the whole budget: not kept, and nothing else is pushed out for it.
        cache.insert(QStringLiteral("huge"), index(10000));
        QVERIFY(!cache.find(QStringLiteral("huge")));
        QCOMPARE(cache.size(), std::size_t(3));
        // Inserting a key again replaces it without counting it twice.
        cache.insert(QStringLiteral("s4"), index(50));
        QCOMPARE(cache.find(QStringLiteral("s4"))->size(), std::size_t(50));
        QCOMPARE(cache.size(), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TstShardReadParts)
#include "tst_shard_read_parts.moc"
