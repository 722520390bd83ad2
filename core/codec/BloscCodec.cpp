#include "codec/BloscCodec.h"
#include "codec/CodecUtil.h"

#include <blosc.h>
#include <nlohmann/json.hpp>

namespace zs {

using namespace codecutil;

BloscCodec::BloscCodec(QString cname, int clevel, Shuffle shuffle, std::size_t typesize,
                       std::size_t blocksize, Flavor flavor)
    : m_cname(std::move(cname)), m_clevel(clevel), m_shuffle(shuffle), m_typesize(typesize),
      m_blocksize(blocksize), m_flavor(flavor)
{
}

Result<std::shared_ptr<BloscCodec>> BloscCodec::fromConfig(const nlohmann::json &config, Flavor flavor,
                                                           std::size_t typesize)
{
    const QString codec = QStringLiteral("blosc");
    ZS_TRY(QString cname, stringField(config, "cname", QStringLiteral("lz4"), codec));
    if (blosc_compname_to_compcode(cname.toLatin1().constData()) < 0)
        return makeError(QStringLiteral("blosc compressor \"%1\" is not available (have %2)")
                             .arg(cname, QLatin1String(blosc_list_compressors())),
                         QStringLiteral("configuration.cname"));
    ZS_TRY(std::int64_t clevel, intField(config, "clevel", 5, codec));
    if (clevel < 0 || clevel > 9)
        return makeError(QStringLiteral("blosc clevel %1 is outside 0..9").arg(clevel),
                         QStringLiteral("configuration.clevel"));
    ZS_TRY(std::int64_t blocksize, intField(config, "blocksize", 0, codec));
    if (blocksize < 0)
        return makeError(QStringLiteral("blosc blocksize must not be negative"),
                         QStringLiteral("configuration.blocksize"));

    Shuffle shuffle = Shuffle::Byte;
    if (flavor == Flavor::V3) {
        ZS_TRY(QString s, stringField(config, "shuffle", QStringLiteral("noshuffle"), codec));
        if (s == u"noshuffle")
            shuffle = Shuffle::None;
        else if (s == u"shuffle")
            shuffle = Shuffle::Byte;
        else if (s == u"bitshuffle")
            shuffle = Shuffle::Bit;
        else
            return makeError(
                QStringLiteral("blosc shuffle \"%1\" is not noshuffle, shuffle or bitshuffle").arg(s),
                QStringLiteral("configuration.shuffle"));
        // v3 carries the typesize explicitly; it only matters for shuffling when encoding.
        ZS_TRY(std::int64_t ts, intField(config, "typesize", std::int64_t(typesize), codec));
        if (ts < 1 || ts > 255)
            return makeError(QStringLiteral("blosc typesize %1 is outside 1..255").arg(ts),
                             QStringLiteral("configuration.typesize"));
        typesize = std::size_t(ts);
    } else {
        // numcodecs: 0 no, 1 byte, 2 bit, -1 auto (bit for 1-byte items, byte otherwise).
        ZS_TRY(std::int64_t s, intField(config, "shuffle", 1, codec));
        if (s == -1)
            shuffle = typesize == 1 ? Shuffle::Bit : Shuffle::Byte;
        else if (s >= 0 && s <= 2)
            shuffle = Shuffle(s);
        else
            return makeError(QStringLiteral("blosc shuffle %1 is not -1, 0, 1 or 2").arg(s),
                             QStringLiteral("configuration.shuffle"));
        typesize = std::clamp<std::size_t>(typesize, 1, 255);
    }
    return std::make_shared<BloscCodec>(cname, int(clevel), shuffle, typesize, std::size_t(blocksize),
                                        flavor);
}

nlohmann::json BloscCodec::configuration() const
{
    if (m_flavor == Flavor::Numcodecs)
        return {{"id", "blosc"},
                {"cname", m_cname.toStdString()},
                {"clevel", m_clevel},
                {"shuffle", int(m_shuffle)},
                {"blocksize", m_blocksize}};
    static const char *names[] = {"noshuffle", "shuffle", "bitshuffle"};
    return {{"cname", m_cname.toStdString()},
            {"clevel", m_clevel},
            {"shuffle", names[int(m_shuffle)]},
            {"typesize", m_typesize},
            {"blocksize", m_blocksize}};
}

Result<std::size_t> BloscCodec::declaredSize(const QByteArray &encoded, SizeHint size)
{
    // validate() checks the header against the buffer length only; the declared size
    // must also be checked against what the chunk can hold before we allocate for it.
    std::size_t nbytes = 0;
    if (encoded.size() < BLOSC_MIN_HEADER_LENGTH ||
        blosc_cbuffer_validate(encoded.constData(), encoded.size(), &nbytes) != 0)
        return corrupt("blosc", QStringLiteral("bad header"));
    std::size_t declared = 0, cbytes = 0, blocksize = 0;
    blosc_cbuffer_sizes(encoded.constData(), &declared, &cbytes, &blocksize);
    ZS_CHECK(size.admits(declared, "blosc"));
    return declared;
}

Status BloscCodec::decompress(const QByteArray &encoded, char *dst, std::size_t declared)
{
    // One internal thread: the reader already decodes chunks on a pool, and the
    // _ctx variant keeps no global state, so concurrent calls are safe.
    const int n = declared == 0 ? 0 : blosc_decompress_ctx(encoded.constData(), dst, declared, 1);
    if (n < 0 || std::size_t(n) != declared) {
        // Header byte 2 holds the compressor format in its top 3 bits; name it when
        // the library was built without it, rather than reporting corruption.
        static const char *formats[] = {"blosclz", "lz4", "snappy", "zlib", "zstd"};
        const int format = (std::uint8_t(encoded[2]) >> 5) & 7;
        if (format < 5 && blosc_compname_to_compcode(formats[format]) < 0)
            return makeError(QStringLiteral("blosc data uses %1, which this c-blosc was built without")
                                 .arg(QLatin1String(formats[format])));
        return corrupt("blosc", QStringLiteral("decompression failed (%1)").arg(n));
    }
    return Ok{};
}

Result<QByteArray> BloscCodec::decode(const QByteArray &encoded, SizeHint size) const
{
    ZS_TRY(const std::size_t declared, declaredSize(encoded, size));
    QByteArray out(qsizetype(declared), Qt::Uninitialized);
    ZS_CHECK(decompress(encoded, out.data(), declared));
    return out;
}

Status BloscCodec::decodeInto(const QByteArray &encoded, char *dst, std::uint64_t bytes)
{
    ZS_TRY(const std::size_t declared, declaredSize(encoded, SizeHint{bytes, true}));
    return decompress(encoded, dst, declared);
}

Result<QByteArray> BloscCodec::encode(const QByteArray &decoded) const
{
    if (std::uint64_t(decoded.size()) > BLOSC_MAX_BUFFERSIZE)
        return makeError(QStringLiteral("blosc cannot compress %1 bytes in one buffer").arg(decoded.size()));
    QByteArray out(decoded.size() + BLOSC_MAX_OVERHEAD, Qt::Uninitialized);
    const QByteArray cname = m_cname.toLatin1();
    const int n =
        blosc_compress_ctx(m_clevel, int(m_shuffle), m_typesize, decoded.size(), decoded.constData(),
                           out.data(), out.size(), cname.constData(), m_blocksize, 1);
    if (n <= 0) return makeError(QStringLiteral("blosc compression failed (%1)").arg(n));
    out.truncate(n);
    return out;
}

} // namespace zs
