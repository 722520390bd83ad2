// Codec tests: round trips for every codec and element size, decoding of vectors written by
// the real zarr-python 2.13 / numcodecs 0.11, and hostile input (truncated, corrupt, lying
// headers, bad checksums, shard index entries outside the object, unknown names).

#include "NpyFile.h"
#include "codec/CodecRegistry.h"
#include "codec/Crc32cCodec.h"
#include "codec/ShardingCodec.h"
#include "codec/TransposeCodec.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <nlohmann/json.hpp>
#include <zstd.h>

using namespace zs;
using nlohmann::json;

namespace {

Shape parseShape(const QString &s)
{
    Shape out;
    for (const auto &p : s.split(u',', Qt::SkipEmptyParts))
        out.push_back(p.toULongLong());
    return out;
}

ChunkSpec spec(const QString &dtype, const Shape &shape, bool v3)
{
    ChunkSpec s;
    auto t = v3 ? parseV3DataTypeName(dtype) : parseNumpyTypeString(dtype);
    if (!t) qFatal("bad dtype %s", qPrintable(dtype));
    s.dtype = *t;
    s.shape = shape;
    s.fill = QByteArray(qsizetype(s.dtype.size), 0);
    return s;
}

QByteArray randomBytes(std::uint64_t n, quint32 seed, bool compressible = true)
{
    QRandomGenerator rng(seed);
    QByteArray b(qsizetype(n), Qt::Uninitialized);
    for (qsizetype i = 0; i < b.size(); ++i)
        b[i] = compressible ? char((i / 7) % 13 + (rng.bounded(4) == 0 ? rng.bounded(256) : 0))
                            : char(rng.bounded(256));
    return b;
}

// Qt 6.4's QVERIFY2 evaluates its message even on success, so it must not touch error().
template <typename T> const char *why(const Result<T> &r)
{
    static thread_local QByteArray text;
    text = r ? QByteArray() : r.error().toString().toUtf8();
    return text.constData();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

BytesToBytesPtr v2Compressor(const json &compressor, const QString &dtype = QStringLiteral("<f4"))
{
    auto chain = makeV2Chain(compressor, nullptr, 'C', spec(dtype, {1}, false));
    if (!chain || chain->bytesToBytes().size() != 1) return {};
    return chain->bytesToBytes().front();
}

// Every compressor under test, in numcodecs spelling.
const std::vector<std::pair<const char *, json>> &compressors()
{
    static const std::vector<std::pair<const char *, json>> list = {
        {"blosc-lz4", {{"id", "blosc"}, {"cname", "lz4"}, {"clevel", 5}, {"shuffle", 1}}},
        {"blosc-zstd", {{"id", "blosc"}, {"cname", "zstd"}, {"clevel", 3}, {"shuffle", 2}}},
        {"blosc-blosclz", {{"id", "blosc"}, {"cname", "blosclz"}, {"shuffle", 0}}},
        {"zlib", {{"id", "zlib"}, {"level", 1}}},
        {"gzip", {{"id", "gzip"}, {"level", 5}}},
        {"zstd", {{"id", "zstd"}, {"level", 3}}},
        {"lz4", {{"id", "lz4"}}},
        {"bz2", {{"id", "bz2"}, {"level", 9}}},
    };
    return list;
}

const char *codecName(const json &c)
{
    static std::string s;
    s = c["id"].get<std::string>();
    return s.c_str();
}

} // namespace

class TestCodecs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    json m_manifest = json::array();
    QString m_vectorError;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON_EXE), {QStringLiteral(ZS_CODEC_VECTOR_SCRIPT), m_dir.path()});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            m_vectorError = QString::fromLocal8Bit(p.readAllStandardError());
            return;
        }
        m_manifest = json::parse(readFile(m_dir.filePath(QStringLiteral("manifest.json"))).toStdString());
    }

    // Without numcodecs' vectors the vector tests below cannot run: that fails the suite here,
    // once, with the install command, so their skips are never silent.
    void vectorsWereWritten()
    {
        QVERIFY2(m_vectorError.isEmpty(),
                 qPrintable(
                     QStringLiteral("make_vectors.py failed (apt install python3-zarr python3-numcodecs): ") +
                     m_vectorError));
    }

    void crc32cKnownValues()
    {
        // RFC 3720 (iSCSI) appendix B.4 test vectors and the classic check value.
        QCOMPARE(crc32c("123456789", 9), 0xE3069283u);
        QCOMPARE(crc32c(QByteArray(32, 0).constData(), 32), 0x8A9136AAu);
        QCOMPARE(crc32c(QByteArray(32, char(0xFF)).constData(), 32), 0x62A8AB43u);
        QByteArray inc(32, 0);
        for (int i = 0; i < 32; ++i)
            inc[i] = char(i);
        QCOMPARE(crc32c(inc.constData(), 32), 0x46DD794Eu);
        // incremental use gives the same answer
        QCOMPARE(crc32c(inc.constData() + 5, 27, crc32c(inc.constData(), 5)), 0x46DD794Eu);
    }

    void roundTripV3_data()
    {
        QTest::addColumn<QByteArray>("codecs");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QString>("shape");
        const std::vector<std::pair<const char *, json>> tails = {
            {"bytes", json::array()},
            {"blosc-lz4",
             {{{"name", "blosc"},
               {"configuration",
                {{"cname", "lz4"},
                 {"clevel", 5},
                 {"shuffle", "shuffle"},
                 {"typesize", 4},
                 {"blocksize", 0}}}}}},
            {"blosc-zstd-bit",
             {{{"name", "blosc"},
               {"configuration", {{"cname", "zstd"}, {"clevel", 1}, {"shuffle", "bitshuffle"}}}}}},
            {"blosc-zlib",
             {{{"name", "blosc"}, {"configuration", {{"cname", "zlib"}, {"shuffle", "noshuffle"}}}}}},
            {"blosc-snappy", {{{"name", "blosc"}, {"configuration", {{"cname", "snappy"}}}}}},
            {"blosc-lz4hc", {{{"name", "blosc"}, {"configuration", {{"cname", "lz4hc"}}}}}},
            {"gzip", {{{"name", "gzip"}, {"configuration", {{"level", 6}}}}}},
            {"zstd", {{{"name", "zstd"}, {"configuration", {{"level", 0}, {"checksum", true}}}}}},
            {"crc32c", {{{"name", "crc32c"}}}},
            {"zstd+crc32c", {{{"name", "zstd"}}, {{"name", "crc32c"}}}},
            {"numcodecs.zlib", {{{"name", "numcodecs.zlib"}, {"configuration", {{"level", 1}}}}}},
            {"numcodecs.lz4", {{{"name", "numcodecs.lz4"}}}},
            {"numcodecs.bz2", {{{"name", "numcodecs.bz2"}}}},
            {"numcodecs.shuffle", {{{"name", "numcodecs.shuffle"}, {"configuration", {{"elementsize", 4}}}}}},
            {"numcodecs.gzip", {{{"name", "numcodecs.gzip"}, {"configuration", {{"level", 5}}}}}},
            {"numcodecs.zstd", {{{"name", "numcodecs.zstd"}, {"configuration", {{"level", 3}}}}}},
            {"numcodecs.blosc",
             {{{"name", "numcodecs.blosc"},
               {"configuration", {{"cname", "zstd"}, {"clevel", 3}, {"shuffle", 2}, {"blocksize", 0}}}}}},
            {"numcodecs.crc32", {{{"name", "numcodecs.crc32"}}}},
            {"numcodecs.adler32+zlib",
             {{{"name", "numcodecs.zlib"}},
              {{"name", "numcodecs.adler32"}, {"configuration", {{"location", "end"}}}}}},
        };
        const char *dtypes[] = {"uint8", "int16", "float32", "float64", "complex128", "r24"};
        for (const auto &[tname, tail] : tails) {
            for (const char *dt : dtypes) {
                for (const char *endian : {"little", "big"}) {
                    json codecs = json::array({{{"name", "bytes"}, {"configuration", {{"endian", endian}}}}});
                    for (const auto &c : tail)
                        codecs.push_back(c);
                    QTest::addRow("%s/%s/%s", tname, dt, endian)
                        << QByteArray::fromStdString(codecs.dump()) << QString::fromLatin1(dt)
                        << QStringLiteral("17,12");
                }
            }
        }
        const json le = {{"name", "bytes"}, {"configuration", {{"endian", "little"}}}};
        QTest::addRow("transpose-2d")
            << QByteArray::fromStdString(
                   json::array({{{"name", "transpose"}, {"configuration", {{"order", {1, 0}}}}}, le}).dump())
            << QStringLiteral("int32") << QStringLiteral("9,4");
        QTest::addRow("transpose-3d-gzip")
            << QByteArray::fromStdString(
                   json::array({{{"name", "transpose"}, {"configuration", {{"order", {2, 0, 1}}}}},
                                le,
                                {{"name", "gzip"}}})
                       .dump())
            << QStringLiteral("float64") << QStringLiteral("3,5,7");
        QTest::addRow("delta-v3") << QByteArray::fromStdString(
                                         json::array(
                                             {{{"name", "numcodecs.delta"},
                                               {"configuration", {{"dtype", "<i4"}, {"astype", "<i4"}}}},
                                              le})
                                             .dump())
                                  << QStringLiteral("int32") << QStringLiteral("50");
        // zarr-python 3's spelling: NumPy names, dtype from the array (the configuration's may be absent)
        QTest::addRow("delta-numpy-names")
            << QByteArray(R"([{"name":"numcodecs.delta","configuration":{"dtype":"int32","astype":"int64"}},
            {"name":"bytes","configuration":{"endian":"big"}}])")
            << QStringLiteral("int32") << QStringLiteral("50");
        QTest::addRow("delta-no-dtype")
            << QByteArray(
                   R"([{"name":"numcodecs.delta","configuration":{}},{"name":"bytes","configuration":{"endian":"little"}}])")
            << QStringLiteral("uint16") << QStringLiteral("7,3");
        QTest::addRow("astype-i4-i8")
            << QByteArray(
                   R"([{"name":"numcodecs.astype","configuration":{"encode_dtype":"i8","decode_dtype":"int32"}},
            {"name":"bytes","configuration":{"endian":"big"}}])")
            << QStringLiteral("int32") << QStringLiteral("9,4");
        QTest::addRow("bitround-keepall")
            << QByteArray(R"([{"name":"numcodecs.bitround","configuration":{"keepbits":52}},
            {"name":"bytes","configuration":{"endian":"little"}}])")
            << QStringLiteral("float64") << QStringLiteral("9,4");
        QTest::addRow("0-d") << QByteArray::fromStdString(json::array({le, {{"name", "zstd"}}}).dump())
                             << QStringLiteral("float32") << QString();
        QTest::addRow("empty-chunk") << QByteArray::fromStdString(
                                            json::array({le, {{"name", "blosc"}}}).dump())
                                     << QStringLiteral("float32") << QStringLiteral("0,4");
    }

    void roundTripV3()
    {
        QFETCH(QByteArray, codecs);
        QFETCH(QString, dtype);
        QFETCH(QString, shape);
        const ChunkSpec s = spec(dtype, parseShape(shape), true);
        auto chain = makeV3Chain(json::parse(codecs.toStdString()), s);
        QVERIFY2(chain, why(chain));
        const QByteArray data = randomBytes(s.byteSize(), 7);
        auto enc = chain->encode(data, s);
        QVERIFY2(enc, why(enc));
        auto dec = chain->decode(*enc, s);
        QVERIFY2(dec, why(dec));
        QCOMPARE(*dec, data);
        // describe() feeds back into the registry and yields an equivalent chain
        auto again = makeV3Chain(chain->describe(), s);
        QVERIFY2(again, why(again));
        auto dec2 = again->decode(*enc, s);
        QVERIFY(dec2);
        QCOMPARE(*dec2, data);
    }

    void roundTripV2_data()
    {
        QTest::addColumn<QByteArray>("compressor");
        QTest::addColumn<QByteArray>("filters");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QChar>("order");
        const char *dtypes[] = {"|u1", "<i2", ">u2", "<f4", ">f4", "<f8", ">i8", "<c16", "|S3"};
        for (const auto &[name, comp] : compressors())
            for (const char *dt : dtypes)
                for (QChar order : {u'C', u'F'})
                    QTest::addRow("%s/%s/%c", name, dt, char(order.unicode()))
                        << QByteArray::fromStdString(comp.dump()) << QByteArray("null")
                        << QString::fromLatin1(dt) << order;
        for (const char *dt : {"<i4", ">i2", "|u1", "<u8"}) {
            const json delta = json::array({{{"id", "delta"}, {"dtype", dt}}});
            QTest::addRow("delta/%s", dt) << QByteArray("null") << QByteArray::fromStdString(delta.dump())
                                          << QString::fromLatin1(dt) << QChar(u'C');
        }
        for (int es : {1, 2, 4, 8})
            QTest::addRow("shuffle%d+zstd", es)
                << QByteArray(R"({"id":"zstd"})")
                << QByteArray::fromStdString(json::array({{{"id", "shuffle"}, {"elementsize", es}}}).dump())
                << QStringLiteral("<f8") << QChar(u'F');
        QTest::addRow("no-compressor")
            << QByteArray("null") << QByteArray("[]") << QStringLiteral(">f8") << QChar(u'C');
        // lossless numcodecs filters on random bytes (int codes keep every value)
        QTest::addRow("crc32+blosc") << QByteArray(R"({"id":"blosc"})") << QByteArray(R"([{"id":"crc32"}])")
                                     << QStringLiteral("<f8") << QChar(u'F');
        QTest::addRow("adler32") << QByteArray(R"({"id":"adler32"})") << QByteArray("null")
                                 << QStringLiteral(">i2") << QChar(u'C');
        QTest::addRow("astype-i2-i8")
            << QByteArray(R"({"id":"zstd"})")
            << QByteArray(R"([{"id":"astype","encode_dtype":">i8","decode_dtype":"<i2"}])")
            << QStringLiteral("<i2") << QChar(u'C');
        QTest::addRow("fso-i4-i8-scale1")
            << QByteArray("null")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":1,"offset":0,"dtype":"<u2","astype":"<i8"}])")
            << QStringLiteral("<u2") << QChar(u'C');
        QTest::addRow("bitround-f4-23")
            << QByteArray("null") << QByteArray(R"([{"id":"bitround","keepbits":23}])")
            << QStringLiteral("<f4") << QChar(u'C');
    }

    void roundTripV2()
    {
        QFETCH(QByteArray, compressor);
        QFETCH(QByteArray, filters);
        QFETCH(QString, dtype);
        QFETCH(QChar, order);
        const ChunkSpec s = spec(dtype, {13, 4, 3}, false);
        auto chain = makeV2Chain(json::parse(compressor.toStdString()), json::parse(filters.toStdString()),
                                 char(order.unicode()), s);
        QVERIFY2(chain, why(chain));
        const QByteArray data = randomBytes(s.byteSize(), 11);
        auto enc = chain->encode(data, s);
        QVERIFY2(enc, why(enc));
        auto dec = chain->decode(*enc, s);
        QVERIFY2(dec, why(dec));
        QCOMPARE(*dec, data);
    }

    void numcodecsVectors_data()
    {
        QTest::addColumn<int>("index");
        if (!m_vectorError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("make_vectors.py failed: ") + m_vectorError));
        for (std::size_t i = 0; i < m_manifest.size(); ++i)
            if (m_manifest[i]["kind"] == "v2")
                QTest::addRow("%s", m_manifest[i]["name"].get<std::string>().c_str()) << int(i);
    }

    void numcodecsVectors()
    {
        QFETCH(int, index);
        const json &c = m_manifest[index];
        const json meta = json::parse(readFile(QString::fromStdString(c["zarray"])).toStdString());
        Shape shape = meta["chunks"].get<Shape>();
        const ChunkSpec s = spec(QString::fromStdString(meta["dtype"]), shape, false);
        const char order = meta["order"].get<std::string>()[0];
        auto chain = makeV2Chain(meta["compressor"], meta["filters"], order, s);
        QVERIFY2(chain, why(chain));
        const QByteArray stored = readFile(QString::fromStdString(c["chunk"]));
        QVERIFY(!stored.isEmpty());
        auto dec = chain->decode(stored, s);
        QVERIFY2(dec, why(dec));
        QString err;
        auto npy = zstest::readNpy(QString::fromStdString(c["npy"]), &err);
        QVERIFY2(npy, qPrintable(err));
        QCOMPARE(npy->descr, s.dtype.numpyTypeString());
        QCOMPARE(dec->size(), npy->data.size());
        QVERIFY(*dec == npy->data);
        // filters without a compressor: our encoder writes the bytes numcodecs wrote from the same input
        if (c.contains("orig")) {
            auto orig = zstest::readNpy(QString::fromStdString(c["orig"]), &err);
            QVERIFY2(orig, qPrintable(err));
            auto ours = chain->encode(orig->data, s);
            QVERIFY2(ours, why(ours));
            QVERIFY2(*ours == stored, "our encoder differs from numcodecs");
        }
        // our encoder's output decodes back to the same array (float deltas round, so not them)
        if (QString::fromStdString(c["name"]).startsWith(u"delta_f")) return;
        auto enc = chain->encode(*dec, s);
        QVERIFY2(enc, why(enc));
        auto dec2 = chain->decode(*enc, s);
        QVERIFY(dec2 && *dec2 == npy->data);
    }

    // v3 arrays in zarr-python 3's spelling (numcodecs.<id>, NumPy dtype names), chunks by numcodecs.
    void numcodecsV3Vectors_data()
    {
        QTest::addColumn<int>("index");
        if (!m_vectorError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("make_vectors.py failed: ") + m_vectorError));
        for (std::size_t i = 0; i < m_manifest.size(); ++i)
            if (m_manifest[i]["kind"] == "v3")
                QTest::addRow("%s", m_manifest[i]["name"].get<std::string>().c_str()) << int(i);
    }

    void numcodecsV3Vectors()
    {
        QFETCH(int, index);
        const json &c = m_manifest[index];
        const json meta = json::parse(readFile(QString::fromStdString(c["zarrjson"])).toStdString());
        const ChunkSpec s = spec(QString::fromStdString(meta["data_type"]),
                                 meta["chunk_grid"]["configuration"]["chunk_shape"].get<Shape>(), true);
        auto chain = makeV3Chain(meta["codecs"], s);
        QVERIFY2(chain, why(chain));
        const QByteArray stored = readFile(QString::fromStdString(c["chunk"]));
        auto dec = chain->decode(stored, s);
        QVERIFY2(dec, why(dec));
        auto npy = zstest::readNpy(QString::fromStdString(c["npy"]));
        QVERIFY(npy);
        QCOMPARE(dec->size(), npy->data.size());
        QVERIFY(*dec == npy->data);
        // our chain re-encodes the decoded values to something it (and describe()) decodes the same
        auto enc = chain->encode(*dec, s);
        QVERIFY2(enc, why(enc));
        auto again = makeV3Chain(chain->describe(), s);
        QVERIFY2(again, why(again));
        auto dec2 = again->decode(*enc, s);
        QVERIFY2(dec2, why(dec2));
        QVERIFY(*dec2 == npy->data);
    }

    void shardVectors_data()
    {
        QTest::addColumn<int>("index");
        if (!m_vectorError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("make_vectors.py failed: ") + m_vectorError));
        for (std::size_t i = 0; i < m_manifest.size(); ++i)
            if (m_manifest[i]["kind"] == "shard")
                QTest::addRow("%s", m_manifest[i]["name"].get<std::string>().c_str()) << int(i);
    }

    void shardVectors()
    {
        QFETCH(int, index);
        const json &c = m_manifest[index];
        ChunkSpec s = spec(QString::fromStdString(c["dtype"]), c["shape"].get<Shape>(), true);
        const qint64 fill = c["fill"].get<qint64>();
        s.fill =
            QByteArray(reinterpret_cast<const char *>(&fill), qsizetype(s.dtype.size)); // little endian host
        auto codec = makeV3Codec(c["codec"], s);
        QVERIFY2(codec, why(codec));
        auto sharding = std::get<ArrayToBytesPtr>(*codec);
        const QByteArray stored = readFile(QString::fromStdString(c["shard"]));
        auto dec = sharding->decode(stored, s);
        QVERIFY2(dec, why(dec));
        auto npy = zstest::readNpy(QString::fromStdString(c["npy"]));
        QVERIFY(npy);
        QVERIFY(*dec == npy->data);
        // and through a whole chain with an outer crc32c
        auto chain = makeV3Chain(json::array({c["codec"], {{"name", "crc32c"}}}), s);
        QVERIFY2(chain, why(chain));
        auto enc = chain->encode(npy->data, s);
        QVERIFY2(enc, why(enc));
        auto dec2 = chain->decode(*enc, s);
        QVERIFY2(dec2, why(dec2));
        QVERIFY(*dec2 == npy->data);
    }

    void transposeMatchesReference_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("order");
        for (const char *dt : {"uint8", "int16", "r24", "float32", "float64", "complex128"}) {
            QTest::addRow("%s/2d", dt) << dt << "5,3"
                                       << "1,0";
            QTest::addRow("%s/3d", dt) << dt << "4,3,5"
                                       << "2,0,1";
            QTest::addRow("%s/4d", dt) << dt << "2,3,4,5"
                                       << "1,3,0,2";
            QTest::addRow("%s/4d-ones", dt) << dt << "1,3,1,5"
                                            << "3,2,1,0";
            QTest::addRow("%s/identity", dt) << dt << "3,4"
                                             << "0,1";
        }
    }

    void transposeMatchesReference()
    {
        QFETCH(QString, dtype);
        QFETCH(QString, shape);
        QFETCH(QString, order);
        const ChunkSpec s = spec(dtype, parseShape(shape), true);
        const Shape perm = parseShape(order);
        auto made = makeV3Codec(json{{"name", "transpose"}, {"configuration", {{"order", perm}}}}, s);
        QVERIFY2(made, why(made));
        auto codec = std::get<ArrayToArrayPtr>(*made);
        const QByteArray data = randomBytes(s.byteSize(), 3, false);
        auto enc = codec->encode(data, s);
        QVERIFY(enc);
        // Reference: encoded[e] = decoded[d] with d[order[i]] = e[i], element by element.
        const std::size_t rank = s.shape.size(), es = s.dtype.size;
        Shape eshape(rank);
        for (std::size_t i = 0; i < rank; ++i)
            eshape[i] = s.shape[perm[i]];
        QByteArray expect(data.size(), 0);
        std::vector<std::uint64_t> e(rank, 0);
        for (std::uint64_t n = 0; n < s.elementCount(); ++n) {
            std::uint64_t dOff = 0;
            std::vector<std::uint64_t> d(rank);
            for (std::size_t i = 0; i < rank; ++i)
                d[perm[i]] = e[i];
            for (std::size_t i = 0; i < rank; ++i)
                dOff = dOff * s.shape[i] + d[i];
            memcpy(expect.data() + n * es, data.constData() + dOff * es, es);
            for (std::size_t k = rank; k-- > 0;) {
                if (++e[k] < eshape[k]) break;
                e[k] = 0;
            }
        }
        QVERIFY(*enc == expect);
        auto dec = codec->decode(*enc, s);
        QVERIFY(dec && *dec == data);
    }

    void bytesEndianSwaps()
    {
        const ChunkSpec s = spec(QStringLiteral("int32"), {2}, true);
        auto chain = makeV3Chain(json::parse(R"([{"name":"bytes","configuration":{"endian":"big"}}])"), s);
        QVERIFY(chain);
        auto dec = chain->decode(QByteArray::fromHex("0000010280000000"), s);
        QVERIFY(dec);
        QCOMPARE(qFromLittleEndian<qint32>(dec->constData()), 0x0102);
        QCOMPARE(qFromLittleEndian<quint32>(dec->constData() + 4), 0x80000000u);
        // complex64 swaps as two 4-byte halves
        const ChunkSpec c = spec(QStringLiteral("complex64"), {1}, true);
        auto cchain = makeV3Chain(json::parse(R"([{"name":"bytes","configuration":{"endian":"big"}}])"), c);
        auto cdec = cchain->decode(QByteArray::fromHex("0102030405060708"), c);
        QVERIFY(cdec);
        QCOMPARE(cdec->toHex(), QByteArray("0403020108070605"));
        // size must be exact
        auto bad = chain->decode(QByteArray(7, 0), s);
        QVERIFY(!bad);
        // 1-byte types need no endian; multi-byte ones do
        QVERIFY(makeV3Chain(json::parse(R"(["bytes"])"), spec(QStringLiteral("uint8"), {3}, true)));
        auto missing = makeV3Chain(json::parse(R"(["bytes"])"), s);
        QVERIFY(!missing);
        QVERIFY2(missing.error().where.contains(u"endian"), why(missing));
    }

    // --- hostile input ---

    void truncated_data()
    {
        QTest::addColumn<QByteArray>("compressor");
        QTest::addColumn<int>("cut");
        for (const auto &[name, comp] : compressors())
            for (int cut : {1, 5, 40, -8}) // -8: keep only 8 bytes
                QTest::addRow("%s/-%d", name, cut) << QByteArray::fromStdString(comp.dump()) << cut;
    }

    void truncated()
    {
        QFETCH(QByteArray, compressor);
        QFETCH(int, cut);
        const json comp = json::parse(compressor.toStdString());
        auto codec = v2Compressor(comp);
        QVERIFY(codec);
        const QByteArray data = randomBytes(40000, 5);
        auto enc = codec->encode(data);
        QVERIFY(enc);
        const QByteArray shortened = cut > 0 ? enc->left(enc->size() - cut) : enc->left(-cut);
        for (bool exact : {true, false}) {
            auto dec = codec->decode(shortened, SizeHint{std::uint64_t(data.size()), exact});
            QVERIFY2(!dec, "truncated data decoded");
            QVERIFY2(dec.error().what.contains(QLatin1String(codecName(comp))), qPrintable(dec.error().what));
        }
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("compressor");
        for (const auto &[name, comp] : compressors())
            QTest::addRow("%s", name) << QByteArray::fromStdString(comp.dump());
        QTest::addRow("crc32c") << QByteArray();
    }

    void garbage()
    {
        QFETCH(QByteArray, compressor);
        BytesToBytesPtr codec = compressor.isEmpty() ? makeV3Chain(json::parse(R"(["bytes","crc32c"])"),
                                                                   spec(QStringLiteral("uint8"), {1}, true))
                                                           ->bytesToBytes()[0]
                                                     : v2Compressor(json::parse(compressor.toStdString()));
        QVERIFY(codec);
        for (quint32 seed = 0; seed < 20; ++seed) {
            auto dec = codec->decode(randomBytes(300 + seed * 37, seed, false), SizeHint{4000, true});
            QVERIFY2(!dec, "random bytes decoded");
        }
        QVERIFY(!codec->decode(QByteArray(), SizeHint{4000, true}));
    }

    // Random bit flips: a codec without a checksum may decode them, but it must never
    // crash, overrun or hand back a chunk of the wrong size.
    void bitFlips_data() { garbage_data(); }

    void bitFlips()
    {
        QFETCH(QByteArray, compressor);
        BytesToBytesPtr codec = compressor.isEmpty() ? makeV3Chain(json::parse(R"(["bytes","crc32c"])"),
                                                                   spec(QStringLiteral("uint8"), {1}, true))
                                                           ->bytesToBytes()[0]
                                                     : v2Compressor(json::parse(compressor.toStdString()));
        const QByteArray data = randomBytes(20000, 9);
        auto enc = codec->encode(data);
        QVERIFY(enc);
        QRandomGenerator rng(1234);
        for (int round = 0; round < 300; ++round) {
            QByteArray mutated = *enc;
            for (int k = 0; k < 1 + round % 4; ++k)
                mutated[rng.bounded(int(mutated.size()))] ^= char(1 << rng.bounded(8));
            for (bool exact : {true, false}) {
                auto dec = codec->decode(mutated, SizeHint{std::uint64_t(data.size()), exact});
                if (dec && exact) QCOMPARE(dec->size(), data.size());
                if (dec && !exact) QVERIFY(dec->size() <= data.size());
            }
        }
    }

    void sizeLargerThanHint_data()
    {
        QTest::addColumn<QByteArray>("compressor");
        for (const auto &[name, comp] : compressors())
            QTest::addRow("%s", name) << QByteArray::fromStdString(comp.dump());
    }

    void sizeLargerThanHint()
    {
        QFETCH(QByteArray, compressor);
        auto codec = v2Compressor(json::parse(compressor.toStdString()));
        const QByteArray data = randomBytes(100000, 2);
        auto enc = codec->encode(data);
        QVERIFY(enc);
        for (bool exact : {true, false}) {
            auto dec = codec->decode(*enc, SizeHint{5000, exact});
            QVERIFY(!dec);
            QVERIFY2(dec.error().what.contains(u"declares") || dec.error().what.contains(u"more than"),
                     qPrintable(dec.error().what));
        }
        // a smaller exact hint is an error too, a larger bound is fine
        QVERIFY(!codec->decode(*enc, SizeHint{200000, true}));
        auto ok = codec->decode(*enc, SizeHint{200000, false});
        QVERIFY(ok && *ok == data);
    }

    void headerLies()
    {
        // lz4 header claiming 2 GiB: refused before allocating anything
        auto lz4 = v2Compressor(json{{"id", "lz4"}});
        QByteArray bogus = QByteArray::fromHex("0000008011223344");
        auto r = lz4->decode(bogus, SizeHint{1000, false});
        QVERIFY(!r);
        QVERIFY2(r.error().what.contains(u"declares"), qPrintable(r.error().what));
        // lz4 header claiming less than the block holds
        auto enc = lz4->encode(randomBytes(1000, 1));
        QByteArray lie = *enc;
        qToLittleEndian<quint32>(500, lie.data());
        QVERIFY(!lz4->decode(lie, SizeHint{500, true}));
        // blosc header whose nbytes is patched upward
        auto blosc = v2Compressor(json{{"id", "blosc"}, {"cname", "lz4"}});
        QByteArray b = *blosc->encode(randomBytes(1000, 1));
        qToLittleEndian<quint32>(1u << 30, b.data() + 4);
        QVERIFY(!blosc->decode(b, SizeHint{1000, true}));
        QVERIFY(!blosc->decode(b, SizeHint{1000, false}));
        // zstd frame claiming more than the hint
        auto zstd = v2Compressor(json{{"id", "zstd"}});
        auto z = zstd->encode(randomBytes(10000, 1));
        auto zr = zstd->decode(*z, SizeHint{9999, false});
        QVERIFY(!zr);
        QVERIFY2(zr.error().what.contains(u"declares"), qPrintable(zr.error().what));
    }

    void zstdUnknownContentSize()
    {
        // A streamed frame without content size: decoded into a buffer capped by the hint.
        const QByteArray data = randomBytes(300000, 4);
        QByteArray frame(qsizetype(ZSTD_compressBound(data.size())), Qt::Uninitialized);
        ZSTD_CCtx *cctx = ZSTD_createCCtx();
        ZSTD_inBuffer in{data.constData(), std::size_t(data.size()), 0};
        ZSTD_outBuffer out{frame.data(), std::size_t(frame.size()), 0};
        // Feeding with e_continue first makes the header go out before the size is known.
        ZSTD_compressStream2(cctx, &out, &in, ZSTD_e_continue);
        ZSTD_inBuffer none{nullptr, 0, 0};
        while (ZSTD_compressStream2(cctx, &out, in.pos < in.size ? &in : &none, ZSTD_e_end) != 0) {
        }
        ZSTD_freeCCtx(cctx);
        frame.truncate(qsizetype(out.pos));
        QCOMPARE(ZSTD_getFrameContentSize(frame.constData(), frame.size()), ZSTD_CONTENTSIZE_UNKNOWN);
        auto zstd = v2Compressor(json{{"id", "zstd"}});
        auto exact = zstd->decode(frame, SizeHint{std::uint64_t(data.size()), true});
        QVERIFY2(exact, why(exact));
        QVERIFY(*exact == data);
        auto bound = zstd->decode(frame, SizeHint{std::uint64_t(data.size()) * 3, false});
        QVERIFY(bound && *bound == data);
        auto tooSmall = zstd->decode(frame, SizeHint{1000, false});
        QVERIFY(!tooSmall);
        QVERIFY2(tooSmall.error().what.contains(u"more than"), qPrintable(tooSmall.error().what));
        QVERIFY(!zstd->decode(frame, SizeHint{std::uint64_t(data.size()) + 1, true}));
        QVERIFY(!zstd->decode(frame.left(frame.size() - 3), SizeHint{std::uint64_t(data.size()), true}));
        // two frames back to back decode as their concatenation
        auto two = zstd->decode(frame + frame, SizeHint{std::uint64_t(data.size()) * 2, true});
        QVERIFY(two && *two == data + data);
    }

    void crc32cMismatch()
    {
        const ChunkSpec s = spec(QStringLiteral("uint16"), {100}, true);
        auto chain = makeV3Chain(
            json::parse(R"([{"name":"bytes","configuration":{"endian":"little"}},{"name":"crc32c"}])"), s);
        QVERIFY(chain);
        auto enc = chain->encode(randomBytes(200, 1), s);
        QVERIFY(enc);
        QCOMPARE(enc->size(), 204);
        QByteArray bad = *enc;
        bad[17] = char(bad[17] ^ 0x10);
        auto r = chain->decode(bad, s);
        QVERIFY(!r);
        QVERIFY2(r.error().what.contains(u"crc32c checksum mismatch"), qPrintable(r.error().what));
        QByteArray badSum = *enc;
        badSum[203] = char(badSum[203] ^ 1);
        QVERIFY(!chain->decode(badSum, s));
        QVERIFY(!chain->decode(enc->left(3), s));
    }

    void shardHostile()
    {
        ChunkSpec s = spec(QStringLiteral("int32"), {8, 8}, true);
        const json codec = json::parse(R"({"name":"sharding_indexed","configuration":{"chunk_shape":[4,4],
            "codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"gzip"}]}})");
        auto made = makeV3Codec(codec, s);
        QVERIFY2(made, why(made));
        auto sharding = std::dynamic_pointer_cast<const ShardingCodec>(std::get<ArrayToBytesPtr>(*made));
        QVERIFY(sharding);
        QCOMPARE(sharding->indexByteSize(), 16u * 4 + 4);
        const QByteArray data = randomBytes(s.byteSize(), 8);
        auto enc = sharding->encode(data, s);
        QVERIFY(enc);
        QVERIFY(*sharding->decode(*enc, s) == data);

        // Rewrites index entry `i` and fixes the checksum, so only the entry is wrong.
        auto patched = [&](int i, quint64 offset, quint64 nbytes) {
            QByteArray b = *enc;
            char *index = b.data() + b.size() - 68;
            qToLittleEndian(offset, index + 16 * i);
            qToLittleEndian(nbytes, index + 16 * i + 8);
            qToLittleEndian(crc32c(index, 64), index + 64);
            return b;
        };
        for (auto [off, n] : std::vector<std::pair<quint64, quint64>>{{quint64(enc->size()), 1},
                                                                      {0, quint64(enc->size()) + 1},
                                                                      {~quint64(0) - 2, 10},
                                                                      {~quint64(0), 5}}) {
            auto r = sharding->decode(patched(2, off, n), s);
            QVERIFY(!r);
            QVERIFY2(r.error().what.contains(u"outside"), qPrintable(r.error().what));
        }
        // Inside the object but reaching into the trailing 68-byte index.
        const quint64 dataEnd = quint64(enc->size()) - 68;
        for (auto [off, n] :
             std::vector<std::pair<quint64, quint64>>{{dataEnd - 4, 8}, {dataEnd, 4}, {dataEnd + 60, 8}}) {
            auto r = sharding->decode(patched(2, off, n), s);
            QVERIFY(!r);
            QVERIFY2(r.error().what.contains(u"overlaps the shard's own index"), qPrintable(r.error().what));
        }
        // an empty entry decodes to the fill value
        s.fill = QByteArray::fromHex("2a000000");
        auto empty = sharding->decode(patched(3, ~quint64(0), ~quint64(0)), s);
        QVERIFY(empty);
        QCOMPARE(qFromLittleEndian<qint32>(empty->constData() + (4 * 8 + 4) * 4), 42);
        QVERIFY(std::equal(empty->begin(), empty->begin() + 16, data.begin()));
        // entry pointing at garbage inside the object: the inner codec reports it
        auto inner = sharding->decode(patched(0, 0, 10), s);
        QVERIFY(!inner);
        QVERIFY2(inner.error().what.contains(u"gzip"), qPrintable(inner.error().what));
        // corrupt index checksum, and a shard shorter than its index
        QByteArray badIndex = *enc;
        badIndex[badIndex.size() - 10] ^= 1;
        auto ri = sharding->decode(badIndex, s);
        QVERIFY(!ri);
        QVERIFY2(ri.error().what.contains(u"crc32c"), qPrintable(ri.error().what));
        QVERIFY(!sharding->decode(enc->right(20), s));
        QVERIFY(!sharding->decode(QByteArray(), s));
    }

    void shardIndexAtStartRoundTrip()
    {
        ChunkSpec s = spec(QStringLiteral("float64"), {6, 4, 2}, true);
        const json codec = json::parse(R"({"name":"sharding_indexed","configuration":{"chunk_shape":[3,2,1],
            "codecs":[{"name":"transpose","configuration":{"order":[2,1,0]}},{"name":"bytes","configuration":{"endian":"big"}},
                      {"name":"blosc","configuration":{"cname":"lz4","shuffle":"shuffle","typesize":8}}],
            "index_codecs":[{"name":"bytes","configuration":{"endian":"big"}}],"index_location":"start"}})");
        auto chain = makeV3Chain(json::array({codec}), s);
        QVERIFY2(chain, why(chain));
        QByteArray data = randomBytes(s.byteSize(), 6);
        // The first inner chunk ([0:3, 0:2, 0:1]) is all fill value, so it is left out.
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 2; ++j)
                memset(data.data() + ((i * 4 + j) * 2) * 8, 0, 8);
        auto enc = chain->encode(data, s);
        QVERIFY(enc);
        QCOMPARE(qFromBigEndian<quint64>(enc->constData()), ~quint64(0));
        auto dec = chain->decode(*enc, s);
        QVERIFY2(dec, why(dec));
        QVERIFY(*dec == data);
    }

    void registryErrors_data()
    {
        QTest::addColumn<QByteArray>("codecs");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("where");
        QTest::addRow("unknown") << QByteArray(R"(["bytes",{"name":"lzma"}])") << "unknown codec \"lzma\""
                                 << "codecs[1].name";
        QTest::addRow("unknown-numcodecs")
            << QByteArray(R"(["bytes","numcodecs.fancy"])") << "unknown codec \"numcodecs.fancy\""
            << "codecs[1].name";
        QTest::addRow("no-array-to-bytes")
            << QByteArray(R"([{"name":"gzip"}])") << "before the array-to-bytes"
            << "codecs[0]";
        QTest::addRow("empty") << QByteArray(R"([])") << "no array-to-bytes"
                               << "codecs";
        QTest::addRow("two-array-to-bytes") << QByteArray(R"(["bytes","bytes"])") << "more than one"
                                            << "codecs[1]";
        QTest::addRow("transpose-late")
            << QByteArray(R"(["bytes",{"name":"transpose","configuration":{"order":[1,0]}}])") << "after"
            << "codecs[1]";
        QTest::addRow("bad-permutation")
            << QByteArray(R"([{"name":"transpose","configuration":{"order":[0,0]}},"bytes"])")
            << "permutation"
            << "codecs[0].configuration.order";
        QTest::addRow("transpose-rank")
            << QByteArray(R"([{"name":"transpose","configuration":{"order":[0]}},"bytes"])") << "axes"
            << "codecs[0].configuration.order";
        QTest::addRow("clevel-type") << QByteArray(
                                            R"(["bytes",{"name":"blosc","configuration":{"clevel":"high"}}])")
                                     << "clevel"
                                     << "codecs[1].configuration.clevel";
        QTest::addRow("cname") << QByteArray(R"(["bytes",{"name":"blosc","configuration":{"cname":"lzma"}}])")
                               << "lzma"
                               << "codecs[1].configuration.cname";
        QTest::addRow("shuffle-name")
            << QByteArray(R"(["bytes",{"name":"blosc","configuration":{"shuffle":1}}])") << "shuffle"
            << "codecs[1].configuration.shuffle";
        QTest::addRow("endian") << QByteArray(R"([{"name":"bytes","configuration":{"endian":"middle"}}])")
                                << "middle"
                                << "codecs[0].configuration.endian";
        QTest::addRow("not-a-list") << QByteArray(R"({"name":"bytes"})") << "list"
                                    << "codecs";
        QTest::addRow("codec-number") << QByteArray(R"([42])") << "name"
                                      << "codecs[0].name";
        QTest::addRow("config-not-object")
            << QByteArray(R"([{"name":"bytes","configuration":[1]}])") << "object"
            << "codecs[0].configuration";
        QTest::addRow("shard-divides")
            << QByteArray(
                   R"([{"name":"sharding_indexed","configuration":{"chunk_shape":[3,3],"codecs":["bytes"]}}])")
            << "dividing"
            << "codecs[0].configuration.chunk_shape";
        QTest::addRow("shard-inner")
            << QByteArray(
                   R"([{"name":"sharding_indexed","configuration":{"chunk_shape":[4,3],"codecs":[{"name":"nope"}]}}])")
            << "unknown codec \"nope\""
            << "codecs[0].configuration.codecs[0].name";
        QTest::addRow("shard-index-varsize")
            << QByteArray(
                   R"([{"name":"sharding_indexed","configuration":{"chunk_shape":[4,3],"codecs":["bytes"],"index_codecs":[{"name":"bytes","configuration":{"endian":"little"}},"gzip"]}}])")
            << "fixed"
            << "codecs[0].configuration.index_codecs";
        QTest::addRow("shard-location")
            << QByteArray(
                   R"([{"name":"sharding_indexed","configuration":{"chunk_shape":[4,3],"codecs":["bytes"],"index_location":"middle"}}])")
            << "middle"
            << "codecs[0].configuration.index_location";
    }

    void registryErrors()
    {
        QFETCH(QByteArray, codecs);
        QFETCH(QString, what);
        QFETCH(QString, where);
        // uint8 so a bare "bytes" is valid
        auto chain =
            makeV3Chain(json::parse(codecs.toStdString()), spec(QStringLiteral("uint8"), {8, 6}, true));
        QVERIFY(!chain);
        QVERIFY2(chain.error().what.contains(what), why(chain));
        QCOMPARE(chain.error().where, where);
    }

    void registryErrorsV2_data()
    {
        QTest::addColumn<QByteArray>("compressor");
        QTest::addColumn<QByteArray>("filters");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("where");
        QTest::addRow("unknown-compressor")
            << QByteArray(R"({"id":"lzma"})") << QByteArray("null") << "unknown codec \"lzma\""
            << "compressor.id";
        QTest::addRow("unknown-filter")
            << QByteArray("null") << QByteArray(R"([{"id":"delta","dtype":"<i4"},{"id":"zfpy"}])")
            << "unknown filter \"zfpy\""
            << "filters[1].id";
        QTest::addRow("no-id") << QByteArray(R"({"level":1})") << QByteArray("null") << "id"
                               << "compressor.id";
        QTest::addRow("id-number") << QByteArray(R"({"id":5})") << QByteArray("null") << "id"
                                   << "compressor.id";
        QTest::addRow("filters-type") << QByteArray("null") << QByteArray(R"("abc")") << "list"
                                      << "filters";
        QTest::addRow("delta-no-dtype") << QByteArray("null") << QByteArray(R"([{"id":"delta"}])") << "dtype"
                                        << "filters[0].dtype";
        QTest::addRow("delta-bad-astype")
            << QByteArray("null") << QByteArray(R"([{"id":"delta","dtype":"<i4","astype":"|S3"}])")
            << "astype"
            << "filters[0].astype";
        QTest::addRow("level-type") << QByteArray(R"({"id":"zlib","level":[1]})") << QByteArray("null")
                                    << "level"
                                    << "compressor.level";
        QTest::addRow("bz2-level") << QByteArray(R"({"id":"bz2","level":0})") << QByteArray("null") << "level"
                                   << "compressor.level";
        QTest::addRow("blosc-shuffle")
            << QByteArray(R"({"id":"blosc","shuffle":7})") << QByteArray("null") << "shuffle"
            << "compressor.shuffle";
    }

    void registryErrorsV2()
    {
        QFETCH(QByteArray, compressor);
        QFETCH(QByteArray, filters);
        QFETCH(QString, what);
        QFETCH(QString, where);
        auto chain = makeV2Chain(json::parse(compressor.toStdString()), json::parse(filters.toStdString()),
                                 'C', spec(QStringLiteral("<i4"), {10}, false));
        QVERIFY(!chain);
        QVERIFY2(chain.error().what.contains(what), why(chain));
        QCOMPARE(chain.error().where, where);
        QVERIFY(!makeV2Chain(nullptr, nullptr, 'X', spec(QStringLiteral("<i4"), {10}, false)));
    }

    // The other direction: what our encoders write, numcodecs reads (export depends on it).
    void numcodecsDecodesOurChunks()
    {
        if (!m_vectorError.isEmpty()) QSKIP("make_vectors.py failed");
        const QString dir = m_dir.filePath(QStringLiteral("ours"));
        QVERIFY(QDir().mkpath(dir));
        std::vector<std::tuple<std::string, json, json, QString>> cases;
        for (const auto &[name, comp] : compressors())
            for (const char *dt : {"<f4", ">i8", "|u1"})
                cases.emplace_back(std::string(name) + dt, comp, nullptr, QString::fromLatin1(dt));
        cases.emplace_back("blosc-snappy", json{{"id", "blosc"}, {"cname", "snappy"}}, nullptr, "<f8");
        cases.emplace_back("blosc-lz4hc-auto", json{{"id", "blosc"}, {"cname", "lz4hc"}, {"shuffle", -1}},
                           nullptr, "|u1");
        cases.emplace_back("delta-i2", json{{"id", "zlib"}},
                           json::array({{{"id", "delta"}, {"dtype", "<i4"}, {"astype", "<i2"}}}), "<i4");
        cases.emplace_back("delta-be", nullptr,
                           json::array({{{"id", "delta"}, {"dtype", ">u2"}, {"astype", "<i4"}}}), ">u2");
        cases.emplace_back("shuffle+blosc", json{{"id", "blosc"}, {"shuffle", 0}},
                           json::array({{{"id", "shuffle"}, {"elementsize", 8}}}), "<f8");
        json manifest = json::array();
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const auto &[name, comp, filters, dtype] = cases[i];
            const ChunkSpec s = spec(dtype, {40, 25}, false);
            auto chain = makeV2Chain(comp, filters, 'C', s);
            QVERIFY2(chain, why(chain));
            QByteArray data = randomBytes(s.byteSize(), quint32(i));
            if (name.rfind("delta", 0) == 0) // small steps so the narrower astype holds them
                for (qsizetype k = 0; k < data.size(); ++k)
                    data[k] = char(
                        k % s.dtype.size == (s.dtype.order == ByteOrder::Big ? s.dtype.size - 1 : 0) ? k % 7
                                                                                                     : 0);
            auto enc = chain->encode(data, s);
            QVERIFY2(enc, why(enc));
            const QString raw = QStringLiteral("%1/%2.raw").arg(dir).arg(i),
                          encPath = QStringLiteral("%1/%2.enc").arg(dir).arg(i);
            QFile fr(raw), fe(encPath);
            QVERIFY(fr.open(QIODevice::WriteOnly) && fr.write(data) == data.size());
            QVERIFY(fe.open(QIODevice::WriteOnly) && fe.write(*enc) == enc->size());
            manifest.push_back({{"name", name},
                                {"compressor", comp},
                                {"filters", filters},
                                {"raw", raw.toStdString()},
                                {"enc", encPath.toStdString()}});
        }
        QFile mf(dir + QStringLiteral("/check.json"));
        QVERIFY(mf.open(QIODevice::WriteOnly));
        mf.write(QByteArray::fromStdString(manifest.dump()));
        mf.close();
        QProcess p;
        p.start(QStringLiteral(ZS_DEBIAN_PYTHON_EXE),
                {QStringLiteral(ZS_CODEC_VECTOR_SCRIPT), QStringLiteral("--check"), mf.fileName()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    // --- hostile input to the numcodecs filters ---

    void numcodecsFilterHostile_data()
    {
        QTest::addColumn<QByteArray>("filters");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QByteArray>("stored"); // hex
        QTest::addColumn<QString>("what");
        const QString b1 = QStringLiteral("|b1"), u2 = QStringLiteral("<U2");
        // packbits: 10 elements need 2 data bytes with 6 padding bits
        QTest::addRow("packbits-padding-8")
            << QByteArray(R"([{"id":"packbits"}])") << b1 << QByteArray("08ffc0") << "at most 7";
        QTest::addRow("packbits-padding-ff")
            << QByteArray(R"([{"id":"packbits"}])") << b1 << QByteArray("ffffc0") << "at most 7";
        QTest::addRow("packbits-wrong-padding")
            << QByteArray(R"([{"id":"packbits"}])") << b1 << QByteArray("05ffc0") << "declares";
        QTest::addRow("packbits-truncated")
            << QByteArray(R"([{"id":"packbits"}])") << b1 << QByteArray("06ff") << "declares";
        QTest::addRow("packbits-empty")
            << QByteArray(R"([{"id":"packbits"}])") << b1 << QByteArray("") << "padding";
        QTest::addRow("packbits-only-padding")
            << QByteArray(R"([{"id":"packbits"}])") << b1 << QByteArray("03") << "no data";
        // categorize: 10 <U2 elements from 10 u1 codes
        const QByteArray cat = R"([{"id":"categorize","labels":["a","bb"],"dtype":"<U2","astype":"|u1"}])";
        QTest::addRow("categorize-code-beyond")
            << cat << u2 << QByteArray("00010203000102010201") << "code 3 of element 3";
        QTest::addRow("categorize-code-255") << cat << u2 << QByteArray("000102ff000102010201") << "code 255";
        QTest::addRow("categorize-negative")
            << QByteArray(R"([{"id":"categorize","labels":["a"],"dtype":"<U2","astype":"i1"}])") << u2
            << QByteArray("00010101ff0101010101") << "code -1";
        QTest::addRow("categorize-short") << cat << u2 << QByteArray("000102") << "declares";
        QTest::addRow("categorize-partial-code")
            << QByteArray(R"([{"id":"categorize","labels":["a"],"dtype":"<U2","astype":"<u2"}])") << u2
            << QByteArray("000100") << "whole number";
        // checksums: 10 <i2 elements = 20 bytes after the 4-byte checksum
        const QByteArray twenty = QByteArray(20, 'x').toHex();
        QTest::addRow("crc32-mismatch") << QByteArray(R"([{"id":"crc32"}])") << QStringLiteral("<i2")
                                        << QByteArray("00000000") + twenty << "crc32 checksum mismatch";
        QTest::addRow("adler32-mismatch") << QByteArray(R"([{"id":"adler32"}])") << QStringLiteral("<i2")
                                          << QByteArray("01000000") + twenty << "adler32 checksum mismatch";
        QTest::addRow("crc32-short") << QByteArray(R"([{"id":"crc32"}])") << QStringLiteral("<i2")
                                     << QByteArray("0102") << "shorter than its checksum";
        QTest::addRow("adler32-wrong-size") << QByteArray(R"([{"id":"adler32"}])") << QStringLiteral("<i2")
                                            << QByteArray("01020304") + twenty + "00"
                                            << "declares";
        // element filters told a wrong size
        QTest::addRow("fso-short")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":10,"offset":1,"dtype":"<f8","astype":"|u1"}])")
            << QStringLiteral("<f8") << QByteArray("0102030405") << "declares";
        QTest::addRow("fso-partial")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":10,"offset":1,"dtype":"<f8","astype":"<u2"}])")
            << QStringLiteral("<f8") << QByteArray("010203") << "whole number";
        // decoded float values an integer dtype cannot hold: 200 / 0.5 + 0 = 400 > int8, NaN codes
        QTest::addRow("fso-out-of-range")
            << QByteArray(
                   R"([{"id":"fixedscaleoffset","scale":0.5,"offset":0,"dtype":"|i1","astype":"|u1"}])")
            << QStringLiteral("|i1") << QByteArray("01c8010101010101010101").left(20) << "does not fit |i1";
        QTest::addRow("astype-nan-to-int")
            << QByteArray(R"([{"id":"astype","encode_dtype":"<f4","decode_dtype":"<i2"}])")
            << QStringLiteral("<i2")
            << QByteArray("0000803f0000c07f0000803f0000803f0000803f0000803f0000803f0000803f0000803f0000803f")
            << "does not fit <i2";
        QTest::addRow("astype-short")
            << QByteArray(R"([{"id":"astype","encode_dtype":"<f4","decode_dtype":"<f8"}])")
            << QStringLiteral("<f8") << QByteArray("0000803f") << "declares";
        QTest::addRow("quantize-wrong-size")
            << QByteArray(R"([{"id":"quantize","digits":2,"dtype":"<f8","astype":"<f4"}])")
            << QStringLiteral("<f8") << QByteArray("0000803f") << "declares";
        QTest::addRow("bitround-wrong-size") << QByteArray(R"([{"id":"bitround","keepbits":3}])")
                                             << QStringLiteral("<f4") << QByteArray("0000803f") << "declares";
    }

    void numcodecsFilterHostile()
    {
        QFETCH(QByteArray, filters);
        QFETCH(QString, dtype);
        QFETCH(QByteArray, stored);
        QFETCH(QString, what);
        const ChunkSpec s = spec(dtype, {10}, false);
        auto chain = makeV2Chain(nullptr, json::parse(filters.toStdString()), 'C', s);
        QVERIFY2(chain, why(chain));
        auto dec = chain->decode(QByteArray::fromHex(stored), s);
        QVERIFY2(!dec, "hostile chunk decoded");
        QVERIFY2(dec.error().what.contains(what), qPrintable(dec.error().what));
    }

    void numcodecsFilterConfigErrors_data()
    {
        QTest::addColumn<QByteArray>("filters");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("where");
        QTest::addRow("fso-scale-0")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":0,"offset":1,"dtype":"<f8"}])") << "<f8"
            << "scale must not be 0"
            << "filters[0].scale";
        // "inf"/"nan" strings become the float values (the lenient JSON reader's NaN/Infinity tokens)
        QTest::addRow("fso-scale-inf")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":"inf","offset":1,"dtype":"<f8"}])") << "<f8"
            << "not finite"
            << "filters[0].scale";
        QTest::addRow("fso-scale-nan")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":"nan","offset":1,"dtype":"<f8"}])") << "<f8"
            << "not finite"
            << "filters[0].scale";
        QTest::addRow("fso-offset-inf")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":2,"offset":"-inf","dtype":"<f8"}])") << "<f8"
            << "not finite"
            << "filters[0].offset";
        QTest::addRow("fso-scale-string")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":"NaN","offset":1,"dtype":"<f8"}])") << "<f8"
            << "number"
            << "filters[0].scale";
        QTest::addRow("fso-no-offset")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":2,"dtype":"<f8"}])") << "<f8"
            << "offset"
            << "filters[0].offset";
        QTest::addRow("fso-astype-str")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":2,"offset":0,"dtype":"<f8","astype":"|S2"}])")
            << "<f8"
            << "astype"
            << "filters[0].astype";
        QTest::addRow("fso-dtype-name")
            << QByteArray(R"([{"id":"fixedscaleoffset","scale":2,"offset":0,"dtype":"float128"}])") << "<f8"
            << "float128"
            << "filters[0].dtype";
        QTest::addRow("quantize-int")
            << QByteArray(R"([{"id":"quantize","digits":2,"dtype":"<i4"}])") << "<i4"
            << "dtype"
            << "filters[0].dtype";
        QTest::addRow("quantize-no-digits") << QByteArray(R"([{"id":"quantize","dtype":"<f4"}])") << "<f4"
                                            << "digits"
                                            << "filters[0].digits";
        QTest::addRow("bitround-negative") << QByteArray(R"([{"id":"bitround","keepbits":-1}])") << "<f4"
                                           << "keepbits"
                                           << "filters[0].keepbits";
        QTest::addRow("categorize-object")
            << QByteArray(R"([{"id":"categorize","labels":["a"],"dtype":"|O","astype":"|u1"}])") << "<U1"
            << "variable-length strings"
            << "filters[0].dtype";
        QTest::addRow("categorize-int-dtype")
            << QByteArray(R"([{"id":"categorize","labels":["a"],"dtype":"<i4"}])") << "<i4"
            << "fixed-width string"
            << "filters[0].dtype";
        QTest::addRow("categorize-float-codes")
            << QByteArray(R"([{"id":"categorize","labels":["a"],"dtype":"<U1","astype":"<f4"}])") << "<U1"
            << "integer astype"
            << "filters[0].astype";
        QTest::addRow("categorize-label-number")
            << QByteArray(R"([{"id":"categorize","labels":["a",3],"dtype":"<U1"}])") << "<U1"
            << "strings"
            << "filters[0].labels[1]";
        QTest::addRow("astype-no-encode") << QByteArray(R"([{"id":"astype","decode_dtype":"<f8"}])") << "<f8"
                                          << "encode_dtype"
                                          << "filters[0].encode_dtype";
        QTest::addRow("astype-object")
            << QByteArray(R"([{"id":"astype","encode_dtype":"|O","decode_dtype":"<f8"}])") << "<f8"
            << "object"
            << "filters[0].encode_dtype";
        QTest::addRow("crc32-location") << QByteArray(R"([{"id":"crc32","location":"middle"}])") << "<f8"
                                        << "middle"
                                        << "filters[0].location";
    }

    void numcodecsFilterConfigErrors()
    {
        QFETCH(QByteArray, filters);
        QFETCH(QString, dtype);
        QFETCH(QString, what);
        QFETCH(QString, where);
        json f = json::parse(filters.toStdString());
        for (auto &[key, value] : f[0].items())
            if (value == "inf" || value == "-inf" || value == "nan")
                value = value == "nan" ? std::nan("") : value == "inf" ? HUGE_VAL : -HUGE_VAL;
        auto chain = makeV2Chain(nullptr, f, 'C', spec(dtype, {10}, false));
        QVERIFY(!chain);
        QVERIFY2(chain.error().what.contains(what), why(chain));
        QCOMPARE(chain.error().where, where);
    }

    void numcodecsV3Errors()
    {
        // packbits needs a bool array in v3, as zarr-python 3 checks
        auto pb = makeV3Chain(
            json::parse(
                R"([{"name":"numcodecs.packbits"},{"name":"bytes","configuration":{"endian":"little"}}])"),
            spec(QStringLiteral("int16"), {8}, true));
        QVERIFY(!pb);
        QVERIFY2(pb.error().what.contains(u"bool"), why(pb));
        QCOMPARE(pb.error().where, QStringLiteral("codecs[0].name"));
        // categorize of a numeric v3 array
        auto cat = makeV3Chain(
            json::parse(R"([{"name":"numcodecs.categorize","configuration":{"labels":["a"]}},"bytes"])"),
            spec(QStringLiteral("uint8"), {8}, true));
        QVERIFY(!cat);
        QVERIFY2(cat.error().what.contains(u"fixed-width string"), why(cat));
        // a NumPy name that is not a dtype
        auto fso = makeV3Chain(
            json::parse(
                R"([{"name":"numcodecs.fixedscaleoffset","configuration":{"scale":1,"offset":0,"dtype":"float64","astype":"int33"}},
                                              {"name":"bytes","configuration":{"endian":"little"}}])"),
            spec(QStringLiteral("float64"), {8}, true));
        QVERIFY(!fso);
        QVERIFY2(fso.error().what.contains(u"int33"), why(fso));
        QCOMPARE(fso.error().where, QStringLiteral("codecs[0].configuration.astype"));
        // numcodecs checksums in v3 are bytes->bytes: before the bytes codec is an error
        auto crc = makeV3Chain(json::parse(R"([{"name":"numcodecs.crc32"},"bytes"])"),
                               spec(QStringLiteral("uint8"), {8}, true));
        QVERIFY(!crc);
        QVERIFY2(crc.error().what.contains(u"before the array-to-bytes"), why(crc));
    }

    void numpyDtypeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("typestr"); // empty: refused
        QTest::addRow("int32") << "int32"
                               << "<i4";
        QTest::addRow("<i4") << "<i4"
                             << "<i4";
        QTest::addRow("i4") << "i4"
                            << "<i4"; // native order (the tests run little endian)
        QTest::addRow(">i4") << ">i4"
                             << ">i4";
        QTest::addRow("float64") << "float64"
                                 << "<f8";
        QTest::addRow("f8") << "f8"
                            << "<f8";
        QTest::addRow("<f8") << "<f8"
                             << "<f8";
        QTest::addRow("uint8") << "uint8"
                               << "|u1";
        QTest::addRow("|u1") << "|u1"
                             << "|u1";
        QTest::addRow("u1") << "u1"
                            << "|u1";
        QTest::addRow("bool") << "bool"
                              << "|b1";
        QTest::addRow("?") << "?"
                           << "|b1";
        QTest::addRow("float16") << "float16"
                                 << "<f2";
        QTest::addRow("complex128") << "complex128"
                                    << "<c16";
        QTest::addRow("U5") << "U5"
                            << "<U5";
        QTest::addRow("|S3") << "|S3"
                             << "|S3";
        QTest::addRow("M8[ns]") << "M8[ns]"
                                << "<M8[ns]";
        QTest::addRow("object") << "object"
                                << "";
        QTest::addRow("|O") << "|O"
                            << "";
        QTest::addRow("int33") << "int33"
                               << "";
        QTest::addRow("float128") << "float128"
                                  << "";
        QTest::addRow("r8") << "r8"
                            << "";
        QTest::addRow("empty") << ""
                               << "";
        QTest::addRow("i3") << "i3"
                            << "";
    }

    void numpyDtypeNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, typestr);
        auto t = parseNumpyDtypeName(name);
        if (typestr.isEmpty()) {
            QVERIFY(!t);
            QVERIFY2(t.error().what.contains(QStringLiteral("\"%1\"").arg(name)), why(t));
        } else {
            QVERIFY2(t, why(t));
            QCOMPARE(t->numpyTypeString(), typestr);
        }
    }

    void shuffleRefusesPartialElements()
    {
        auto chain = makeV2Chain(nullptr, json::parse(R"([{"id":"shuffle","elementsize":4}])"), 'C',
                                 spec(QStringLiteral("|u1"), {10}, false));
        QVERIFY(chain);
        QVERIFY(!chain->encode(QByteArray(10, 1), spec(QStringLiteral("|u1"), {10}, false)));
        QVERIFY(!chain->decode(QByteArray(10, 1), spec(QStringLiteral("|u1"), {10}, false)));
    }
};

QTEST_GUILESS_MAIN(TestCodecs)
#include "tst_codecs.moc"
