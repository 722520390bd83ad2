// ArrayReader with a shared chunk cache on arrays zarr-python wrote: a second read of the same
// chunks makes no store read and gives the same bytes, a cache smaller than the read still reads
// right, rewritten metadata is never served stale chunks, and regionReady announces each chunk's
// box of the result as soon as partialData() holds it.

#include "OpenedArray.h"
#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace zs;

class TstReadCache : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    bool python(const QString &body)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON),
                {QStringLiteral("-c"), QStringLiteral("import zarr, numpy as np\n") + body});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning().noquote() << "python failed (apt install python3-zarr):" << p.readAllStandardError();
            return false;
        }
        return true;
    }

    using Opened = zstest::OpenedArray;
    Opened open(const QString &path) const
    {
        return zstest::openArray(m_dir.filePath(QStringLiteral("c.zarr")), path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // 6 x 10 x 12 float32 in 2 x 5 x 4 chunks: 3 x 2 x 3 = 18 chunks; one chunk never written.
        QVERIFY(python(QStringLiteral(
            "a = zarr.open_array('c.zarr/a', mode='w', shape=(6, 10, 12), chunks=(2, 5, 4), dtype='f4', "
            "fill_value=-1)\n"
            "a[:] = np.arange(720, dtype='f4').reshape(6, 10, 12)\n"
            "import os; os.remove('c.zarr/a/2.1.2')\n")));
    }

    void secondReadComesFromTheCache_data()
    {
        QTest::addColumn<QString>("select");
        QTest::addColumn<int>("chunks");
        QTest::addRow("whole array") << QStringLiteral("...") << 18;
        QTest::addRow("one time step") << QStringLiteral("3") << 6;
        QTest::addRow("strided, missing chunk included") << QStringLiteral("4:6,::3,1::2") << 6;
    }
    void secondReadComesFromTheCache()
    {
        QFETCH(QString, select);
        QFETCH(int, chunks);
        Opened a = open(QStringLiteral("a"));
        QVERIFY(a.store);
        auto selection = parseSelection(select, a.meta.shape);
        QVERIFY(selection.ok());
        ReadOptions options;
        options.cache = std::make_shared<ChunkCache>();
        ReadStats first, second, uncached;
        auto r1 = readSelection(a.store, QStringLiteral("a"), a.meta, *selection, options, &first);
        auto r2 = readSelection(a.store, QStringLiteral("a"), a.meta, *selection, options, &second);
        auto r0 = readSelection(a.store, QStringLiteral("a"), a.meta, *selection, {}, &uncached);
        QVERIFY(r1 && r2 && r0);
        QCOMPARE(first.requests, std::uint64_t(chunks));
        QCOMPARE(first.cacheHits, 0u);
        QCOMPARE(second.requests, 0u);
        QCOMPARE(second.cacheHits, std::uint64_t(chunks));
        QCOMPARE(r2->data, r0->data);
        QCOMPARE(r1->data, r0->data);
        QCOMPARE(options.cache->size(), std::size_t(chunks));
    }

    void cacheSmallerThanTheReadStillReadsRight()
    {
        Opened a = open(QStringLiteral("a"));
        QVERIFY(a.store);
        auto all = parseSelection(QStringLiteral("..."), a.meta.shape);
        ReadOptions options;
        const std::uint64_t chunkBytes = 2 * 5 * 4 * 4;
        options.cache = std::make_shared<ChunkCache>(3 * (chunkBytes + ChunkCache::kEntryOverheadBytes));
        ReadStats s1, s2;
        auto r1 = readSelection(a.store, QStringLiteral("a"), a.meta, *all, options, &s1);
        auto r2 = readSelection(a.store, QStringLiteral("a"), a.meta, *all, options, &s2);
        auto r0 = readSelection(a.store, QStringLiteral("a"), a.meta, *all);
        QVERIFY(r1 && r2 && r0);
        QCOMPARE(r1->data, r0->data);
        QCOMPARE(r2->data, r0->data);
        QVERIFY(options.cache->size() <= 3);
        QCOMPARE(s2.requests + s2.cacheHits, 18u);
        QVERIFY(s2.requests >= 15);
    }

    void rewrittenMetadataIsNeverServedStaleChunks()
    {
        QVERIFY(python(QStringLiteral("b = zarr.open_array('c.zarr/b', mode='w', shape=(8,), chunks=(4,), "
                                      "dtype='i4')\nb[:] = np.arange(8)\n")));
        auto cache = std::make_shared<ChunkCache>();
        ReadOptions options;
        options.cache = cache;
        Opened before = open(QStringLiteral("b"));
        QVERIFY(before.store);
        auto all = parseSelection(QStringLiteral("..."), before.meta.shape);
        QVERIFY(readSelection(before.store, QStringLiteral("b"), before.meta, *all, options));
        QCOMPARE(cache->size(), std::size_t(2));
        // Rewritten as int16 with the same chunk keys: the old int32 chunks must not be used.
        QVERIFY(python(QStringLiteral("b = zarr.open_array('c.zarr/b', mode='w', shape=(8,), chunks=(4,), "
                                      "dtype='i2')\nb[:] = np.arange(8) * 10\n")));
        Opened after = open(QStringLiteral("b"));
        QVERIFY(after.store);
        ReadStats stats;
        auto r = readSelection(after.store, QStringLiteral("b"), after.meta, *all, options, &stats);
        QVERIFY(r);
        QCOMPARE(stats.cacheHits, 0u);
        QCOMPARE(stats.requests, 2u);
        QCOMPARE(r->data.size(), qsizetype(16));
        const auto *v = reinterpret_cast<const std::int16_t *>(r->data.constData());
        for (int i = 0; i < 8; ++i)
            QCOMPARE(int(v[i]), i * 10);
    }

    void regionsArriveWithTheirBytes()
    {
        Opened a = open(QStringLiteral("a"));
        QVERIFY(a.store);
        auto selection = parseSelection(QStringLiteral("1:5,2"), a.meta.shape); // 4 x 12 after the drop
        QVERIFY(selection.ok());
        const auto expected = readSelection(a.store, QStringLiteral("a"), a.meta, *selection);
        QVERIFY(expected);
        for (bool cached : {false, true}) {
            ReadOptions options;
            options.cache = cached ? std::make_shared<ChunkCache>() : nullptr;
            if (cached) QVERIFY(readSelection(a.store, QStringLiteral("a"), a.meta, *selection, options));
            ArrayReader reader(a.store, QStringLiteral("a"), a.meta);
            std::vector<int> written(48, 0);
            int wrongBytes = 0;
            connect(&reader, &ArrayReader::regionReady, this, [&](const ResultRegion &r) {
                QCOMPARE(r.start.size(), std::size_t(2));
                const char *part = reader.partialData();
                QVERIFY(part);
                for (std::uint64_t y = r.start[0]; y < r.start[0] + r.count[0]; ++y)
                    for (std::uint64_t x = r.start[1]; x < r.start[1] + r.count[1]; ++x) {
                        const std::size_t i = std::size_t(y * 12 + x);
                        ++written[i];
                        if (std::memcmp(part + i * 4, expected->data.constData() + i * 4, 4) != 0)
                            ++wrongBytes;
                    }
            });
            QSignalSpy finished(&reader, &ArrayReader::readFinished);
            reader.start(*selection, options);
            QVERIFY(finished.wait(10000));
            QCOMPARE(wrongBytes, 0);
            QCOMPARE(written, std::vector<int>(48, 1)); // every element in exactly one region
            QVERIFY(!reader.partialData());
            QCOMPARE(reader.stats().cacheHits, cached ? 9u : 0u); // 3 x 1 x 3 chunks
        }
    }
};

QTEST_GUILESS_MAIN(TstReadCache)
#include "tst_read_cache.moc"
