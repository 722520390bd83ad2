#include "codec/ZlibCodec.h"
#include "codec/CodecUtil.h"

#include <algorithm>
#include <climits>
#include <nlohmann/json.hpp>
#include <zlib.h>

namespace zs {

using namespace codecutil;

ZlibCodec::ZlibCodec(Format format, int level, bool numcodecsConfig)
    : m_name(format == Format::Zlib ? QStringLiteral("zlib") : QStringLiteral("gzip")), m_format(format),
      m_level(level), m_numcodecs(numcodecsConfig)
{
}

Result<std::shared_ptr<ZlibCodec>> ZlibCodec::fromConfig(const nlohmann::json &config, Format format,
                                                         bool numcodecsConfig)
{
    const QString name = format == Format::Zlib ? QStringLiteral("zlib") : QStringLiteral("gzip");
    ZS_TRY(std::int64_t level, intField(config, "level", numcodecsConfig ? 1 : 5, name));
    if (level < -1 || level > 9)
        return makeError(QStringLiteral("%1 level %2 is outside 0..9").arg(name).arg(level),
                         QStringLiteral("configuration.level"));
    return std::make_shared<ZlibCodec>(format, int(level), numcodecsConfig);
}

nlohmann::json ZlibCodec::configuration() const
{
    nlohmann::json c{{"level", m_level}};
    if (m_numcodecs) c["id"] = m_name.toStdString();
    return c;
}

// zlib counts in uInt; feed large buffers in slices so >4 GiB chunks still work.
static uInt slice(std::uint64_t n)
{
    return uInt(std::min<std::uint64_t>(n, UINT_MAX));
}

Result<QByteArray> ZlibCodec::decode(const QByteArray &encoded, SizeHint size) const
{
    const char *codec = m_format == Format::Zlib ? "zlib" : "gzip";
    const int windowBits = m_format == Format::Zlib ? 15 : 15 + 16;
    z_stream zs{};
    if (inflateInit2(&zs, windowBits) != Z_OK)
        return makeError(QStringLiteral("%1: cannot initialise inflate").arg(QLatin1String(codec)));
    struct Guard
    {
        z_stream *s;
        ~Guard() { inflateEnd(s); }
    } guard{&zs};

    CappedOutput out(size, encoded.size());
    const auto *in = reinterpret_cast<const Bytef *>(encoded.constData());
    std::uint64_t inLeft = encoded.size();
    char probe = 0; // one byte to learn whether a stream at the cap would produce more
    for (;;) {
        if (zs.avail_in == 0 && inLeft > 0) {
            zs.next_in = const_cast<Bytef *>(in);
            zs.avail_in = slice(inLeft);
            in += zs.avail_in;
            inLeft -= zs.avail_in;
        }
        if (out.room() == 0 && !out.grow()) {
            zs.next_out = reinterpret_cast<Bytef *>(&probe);
            zs.avail_out = 1;
            const int rc = inflate(&zs, Z_NO_FLUSH);
            if (zs.avail_out == 0) return out.tooLarge(codec);
            if (rc == Z_STREAM_END) break;
            if (rc != Z_OK || (zs.avail_in == 0 && inLeft == 0))
                return corrupt(codec, QString::fromLatin1(zs.msg ? zs.msg : "unexpected end of data"));
            continue;
        }
        zs.next_out = reinterpret_cast<Bytef *>(out.freeSpace());
        zs.avail_out = slice(out.room());
        const uInt before = zs.avail_out;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        out.commit(before - zs.avail_out);
        if (rc == Z_STREAM_END) {
            // Python's gzip reads concatenated members; zlib.decompress ignores trailing bytes.
            if (m_format == Format::Gzip && (zs.avail_in > 0 || inLeft > 0)) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0 && inLeft == 0)
            return corrupt(codec, QStringLiteral("unexpected end of data"));
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return corrupt(codec, QString::fromLatin1(zs.msg ? zs.msg : "inflate failed"));
    }
    return out.finish(codec);
}

Result<QByteArray> ZlibCodec::encode(const QByteArray &decoded) const
{
    z_stream zs{};
    if (deflateInit2(&zs, m_level, Z_DEFLATED, m_format == Format::Zlib ? 15 : 31, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return makeError(QStringLiteral("%1: cannot initialise deflate").arg(m_name));
    struct Guard
    {
        z_stream *s;
        ~Guard() { deflateEnd(s); }
    } guard{&zs};
    QByteArray out(qsizetype(deflateBound(&zs, decoded.size()) + 32), Qt::Uninitialized);
    const auto *in = reinterpret_cast<const Bytef *>(decoded.constData());
    std::uint64_t inLeft = decoded.size(), produced = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (zs.avail_in == 0 && inLeft > 0) {
            zs.next_in = const_cast<Bytef *>(in);
            zs.avail_in = slice(inLeft);
            in += zs.avail_in;
            inLeft -= zs.avail_in;
        }
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        zs.avail_out = slice(out.size() - produced);
        const uInt before = zs.avail_out;
        rc = deflate(&zs, inLeft == 0 ? Z_FINISH : Z_NO_FLUSH);
        produced += before - zs.avail_out;
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return makeError(QStringLiteral("%1 compression failed").arg(m_name));
        if (rc == Z_BUF_ERROR && produced == std::uint64_t(out.size())) out.resize(out.size() * 2);
    }
    out.truncate(qsizetype(produced));
    return out;
}

} // namespace zs
