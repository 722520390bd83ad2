// The reader's direct blosc decode (chains of bytes + blosc only): each chunk is decompressed
// straight into the result when its bytes form one run there, else into the pool thread's
// reused buffer and copied. Arrays zarr-python 2.13 wrote (and v3 bytes + blosc written with
// numcodecs) in layouts that hit and miss it, every value compared with zarr-python's read of
// the same selection; the count of chunks decoded in place says which path each chunk took.
// Hostile chunks fail with the same error as through the general path (which reads with a
// chunk cache take).

#include "NpyFile.h"
#include "OpenedArray.h"
#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace zs;

class TstBloscDecode : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_script = QStringLiteral(ZS_SOURCE_DIR "/tests/core/make_blosc_fixtures.py");

    bool python(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON), QStringList{m_script, m_dir.path()} + args);
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning().noquote()
                << "make_blosc_fixtures.py failed (apt install python3-zarr python3-numcodecs):"
                << p.readAllStandardError();
            return false;
        }
        return true;
    }

    using Opened = zstest::OpenedArray;
    Opened open(const QString &name) const
    {
        return zstest::openArray(m_dir.filePath(QStringLiteral("blosc.zarr")), name);
    }

    // zarr-python's values for the selection, as .npy bytes in C order.
    std::optional<zstest::NpyFile> expected(const QString &name, const QString &select)
    {
        const QString out = m_dir.filePath(QStringLiteral("expected.npy"));
        if (!python({name, select, out})) return std::nullopt;
        QString error;
        auto npy = zstest::readNpy(out, &error);
        if (!npy) qWarning().noquote() << error;
        return npy;
    }

    // The first element that differs, or -1: a byte comparison that says where it went wrong.
    static qsizetype firstDifference(const QByteArray &a, const QByteArray &b, std::size_t itemSize)
    {
        const qsizetype n = std::min(a.size(), b.size());
        for (qsizetype i = 0; i < n; ++i)
            if (a[i] != b[i]) return i / qsizetype(itemSize);
        return a.size() == b.size() ? -1 : n / qsizetype(itemSize);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(python({}));
    }

    void readsWhatZarrPythonReads_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("select");
        QTest::addColumn<int>("inPlace"); // chunks decoded straight into the result

        // Chunks of whole rows (8 x 48 of 64 x 48), shuffle, typesize 4.
        QTest::addRow("rows: whole array") << "rows_f4"
                                           << "..." << 8;
        QTest::addRow("rows: two whole chunks") << "rows_f4"
                                                << "8:24" << 2;
        QTest::addRow("rows: cut first and last chunk") << "rows_f4"
                                                        << "3:20" << 1;
        QTest::addRow("rows: explicit full columns") << "rows_f4"
                                                     << "16:24,:" << 1;
        QTest::addRow("rows: row step") << "rows_f4"
                                        << "::2" << 0;
        QTest::addRow("rows: part of each row") << "rows_f4"
                                                << ":,:40" << 0;
        QTest::addRow("rows: one row, dropped") << "rows_f4"
                                                << "5" << 0;
        // Tiles (16 x 12 of 50 x 30) with edge chunks on both axes.
        QTest::addRow("tiles: whole array") << "tiles_f4"
                                            << "..." << 0;
        QTest::addRow("tiles: one inner chunk is the result") << "tiles_f4"
                                                              << "16:32,12:24" << 1;
        QTest::addRow("tiles: corner edge chunk") << "tiles_f4"
                                                  << "40:50,24:30" << 0;
        QTest::addRow("tiles: steps on both axes") << "tiles_f4"
                                                   << "1::3,::4" << 0;
        // Whole rows with an edge chunk (40 rows in 16-row chunks), typesize 8, no shuffle.
        QTest::addRow("rows f8 noshuffle: whole array") << "rows_edge_f8"
                                                        << "..." << 2;
        QTest::addRow("rows f8 noshuffle: edge chunk only") << "rows_edge_f8"
                                                            << "32:40" << 0;
        // Planes (1 x 20 x 16 of 3 x 20 x 16), typesize 1, byte and bit shuffle.
        QTest::addRow("planes u1: whole array") << "planes_u1"
                                                << "..." << 3;
        QTest::addRow("planes u1: one plane, dropped") << "planes_u1"
                                                       << "1" << 1;
        QTest::addRow("planes u1: plane step still whole planes") << "planes_u1"
                                                                  << "::2" << 2;
        QTest::addRow("planes u1: part of each plane") << "planes_u1"
                                                       << "0:3,5:10" << 0;
        QTest::addRow("planes u1 bitshuffle: whole array") << "planes_u1_bit"
                                                           << "..." << 3;
        // 1-D int64, 100-element chunks.
        QTest::addRow("line i8: whole array") << "line_i8"
                                              << "..." << 10;
        QTest::addRow("line i8: cut at both ends") << "line_i8"
                                                   << "150:950" << 7;
        QTest::addRow("line i8: one chunk") << "line_i8"
                                            << "300:400" << 1;
        QTest::addRow("line i8: step") << "line_i8"
                                       << "::3" << 0;
        // v2 big-endian: nothing swaps, so still plain blosc.
        QTest::addRow("rows >f4: whole array") << "rows_big_f4"
                                               << "..." << 8;
        QTest::addRow("rows >f4: cut") << "rows_big_f4"
                                       << "2:30" << 6;
        QTest::addRow("rows i4: missing chunk is fill") << "rows_missing_i4"
                                                        << "..." << 5;
        // Not plain blosc: a filter, Fortran order, a byte swap: the general path.
        QTest::addRow("rows i4 delta filter") << "rows_delta_i4"
                                              << "..." << 0;
        QTest::addRow("rows f4 order F") << "rows_order_f_f4"
                                         << "..." << 0;
        // v3 bytes + blosc.
        QTest::addRow("v3 rows: whole array") << "v3_rows_f4"
                                              << "..." << 4;
        QTest::addRow("v3 rows: steps") << "v3_rows_f4"
                                        << "4:28,::2" << 0;
        QTest::addRow("v3 tiles: whole array") << "v3_tiles_f4"
                                               << "..." << 0;
        QTest::addRow("v3 tiles: steps and edges") << "v3_tiles_f4"
                                                   << "3:30,::3" << 0;
        QTest::addRow("v3 big endian swaps: general path") << "v3_rows_big_f4"
                                                           << "..." << 0;
    }
    void readsWhatZarrPythonReads()
    {
        QFETCH(QString, array);
        QFETCH(QString, select);
        QFETCH(int, inPlace);
        Opened a = open(array);
        QVERIFY(a.store);
        auto selection = parseSelection(select, a.meta.shape);
        QVERIFY(selection.ok());
        ReadStats stats;
        auto r = readSelection(a.store, array, a.meta, *selection, {}, &stats);
        QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
        const auto want = expected(array, select);
        QVERIFY(want);
        QCOMPARE(r->shape, want->shape);
        const qsizetype at = firstDifference(r->data, want->data, a.meta.dtype.size);
        QVERIFY2(at < 0, qPrintable(QStringLiteral("element %1 differs").arg(at)));
        QCOMPARE(stats.decodedInPlace, std::uint64_t(inPlace));
    }

    void theCacheTakesTheGeneralPath()
    {
        Opened a = open(QStringLiteral("rows_f4"));
        QVERIFY(a.store);
        auto all = parseSelection(QStringLiteral("..."), a.meta.shape);
        ReadOptions options;
        options.cache = std::make_shared<ChunkCache>();
        ReadStats first, second, direct;
        auto r1 = readSelection(a.store, QStringLiteral("rows_f4"), a.meta, *all, options, &first);
        auto r2 = readSelection(a.store, QStringLiteral("rows_f4"), a.meta, *all, options, &second);
        auto r0 = readSelection(a.store, QStringLiteral("rows_f4"), a.meta, *all, {}, &direct);
        QVERIFY(r1 && r2 && r0);
        QCOMPARE(first.decodedInPlace, 0u);
        QCOMPARE(options.cache->size(), std::size_t(8));
        QCOMPARE(second.cacheHits, 8u);
        QCOMPARE(direct.decodedInPlace, 8u);
        QCOMPARE(r1->data, r0->data);
        QCOMPARE(r2->data, r0->data);
    }

    void hostileChunksFailAsThroughTheChain_data()
    {
        QTest::addColumn<QString>("select");
        QTest::addColumn<QString>("message");
        QTest::addRow("cut header, in place") << "8:16"
                                              << "bad header";
        QTest::addRow("cut header, through the buffer") << "8:16,:10"
                                                        << "bad header";
        QTest::addRow("wrong declared size, in place") << "16:24"
                                                       << "declares 192 decoded bytes";
        QTest::addRow("wrong declared size, through the buffer") << "16:24,::2"
                                                                 << "declares 192 decoded bytes";
    }
    void hostileChunksFailAsThroughTheChain()
    {
        QFETCH(QString, select);
        QFETCH(QString, message);
        const QString name = QStringLiteral("rows_corrupt_f4");
        Opened a = open(name);
        QVERIFY(a.store);
        auto selection = parseSelection(select, a.meta.shape);
        QVERIFY(selection.ok());
        ReadOptions general;
        general.cache = std::make_shared<ChunkCache>();
        auto direct = readSelection(a.store, name, a.meta, *selection);
        auto chain = readSelection(a.store, name, a.meta, *selection, general);
        QVERIFY(!direct && !chain);
        QCOMPARE(direct.error().toString(), chain.error().toString());
        QVERIFY2(direct.error().what.contains(message), qPrintable(direct.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TstBloscDecode)
#include "tst_blosc_decode.moc"
