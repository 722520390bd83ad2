#include "codec/Checksum32Codec.h"
#include "codec/CodecUtil.h"

#include <QtEndian>
#include <nlohmann/json.hpp>
#include <zlib.h>

namespace zs {

Checksum32Codec::Checksum32Codec(Kind kind, bool atEnd)
    : m_name(kind == Kind::Crc32 ? QStringLiteral("crc32") : QStringLiteral("adler32")), m_kind(kind),
      m_atEnd(atEnd)
{
}

Result<std::shared_ptr<Checksum32Codec>> Checksum32Codec::fromConfig(const nlohmann::json &config, Kind kind)
{
    const QString codec = kind == Kind::Crc32 ? QStringLiteral("crc32") : QStringLiteral("adler32");
    ZS_TRY(QString location, codecutil::stringField(config, "location", QStringLiteral("start"), codec));
    if (location != u"start" && location != u"end")
        return makeError(
            QStringLiteral("%1 location \"%2\" is not \"start\" or \"end\"").arg(codec, location),
            QStringLiteral("configuration.location"));
    return std::make_shared<Checksum32Codec>(kind, location == u"end");
}

nlohmann::json Checksum32Codec::configuration() const
{
    nlohmann::json c = {{"id", m_name.toStdString()}};
    if (m_atEnd) // numcodecs 0.11 knows no "location": leave it out for the default
        c["location"] = "end";
    return c;
}

std::uint32_t Checksum32Codec::checksum(const char *data, std::size_t size) const
{
    // zlib takes uInt lengths: feed large buffers in pieces.
    const auto *p = reinterpret_cast<const Bytef *>(data);
    uLong sum = m_kind == Kind::Crc32 ? crc32(0L, Z_NULL, 0) : adler32(0L, Z_NULL, 0);
    while (size > 0) {
        const uInt n = uInt(std::min<std::size_t>(size, 1u << 30));
        sum = m_kind == Kind::Crc32 ? crc32(sum, p, n) : adler32(sum, p, n);
        p += n;
        size -= n;
    }
    return std::uint32_t(sum);
}

Result<QByteArray> Checksum32Codec::decode(const QByteArray &encoded, SizeHint size) const
{
    const QByteArray codec = m_name.toLatin1();
    if (encoded.size() < 4)
        return codecutil::corrupt(codec.constData(), QStringLiteral("shorter than its checksum"));
    const std::uint64_t payload = encoded.size() - 4;
    ZS_CHECK(size.admits(payload, codec.constData()));
    const char *data = encoded.constData() + (m_atEnd ? 0 : 4);
    const std::uint32_t stored =
        qFromLittleEndian<std::uint32_t>(encoded.constData() + (m_atEnd ? payload : 0));
    const std::uint32_t actual = checksum(data, payload);
    if (stored != actual)
        return makeError(QStringLiteral("%1 checksum mismatch: stored %2, computed %3")
                             .arg(m_name)
                             .arg(stored, 8, 16, QLatin1Char('0'))
                             .arg(actual, 8, 16, QLatin1Char('0')));
    return m_atEnd ? encoded.first(qsizetype(payload)) : encoded.mid(4);
}

Result<QByteArray> Checksum32Codec::encode(const QByteArray &decoded) const
{
    QByteArray out(decoded.size() + 4, Qt::Uninitialized);
    const qsizetype dataAt = m_atEnd ? 0 : 4;
    memcpy(out.data() + dataAt, decoded.constData(), decoded.size());
    qToLittleEndian<std::uint32_t>(checksum(decoded.constData(), decoded.size()),
                                   out.data() + (m_atEnd ? decoded.size() : 0));
    return out;
}

} // namespace zs
