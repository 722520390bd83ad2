#include "codec/VlenCodec.h"

#include "codec/CodecUtil.h"
#include "dtype/StringArena.h"
#include "dtype/Utf8.h"

#include <QtEndian>
#include <cstring>
#include <nlohmann/json.hpp>

namespace zs {

VlenCodec::VlenCodec(Flavor flavor, bool v2)
    : m_flavor(flavor), m_v2(v2),
      m_name(flavor == Flavor::Utf8 ? QStringLiteral("vlen-utf8") : QStringLiteral("vlen-bytes"))
{
}

nlohmann::json VlenCodec::configuration() const
{
    if (m_v2) return {{"id", m_name.toStdString()}};
    return nlohmann::json::object();
}

std::optional<std::uint64_t> VlenCodec::encodedSizeBound(const ChunkSpec &spec) const
{
    // The framing (count, one length per item) plus what the read may still store, at most
    // the chunk limit; every decompressor before this codec stops there.
    const std::uint64_t framing = 4 + 4 * spec.elementCount();
    const std::uint64_t strings =
        spec.arena ? std::min(spec.arena->remaining(), spec.arena->chunkLimit()) : 0;
    return std::min(framing + std::min(strings, codecutil::kMaxBytes), codecutil::kMaxBytes);
}

Result<QByteArray> VlenCodec::decode(const QByteArray &encoded, const ChunkSpec &spec) const
{
    const QByteArray codec = m_name.toLatin1();
    if (!spec.arena)
        return makeError(QStringLiteral("%1 decodes only inside a read (no string storage)").arg(m_name));
    const std::uint64_t elements = spec.elementCount();
    const std::uint64_t size = std::uint64_t(encoded.size());
    if (size < 4)
        return codecutil::corrupt(codec.constData(),
                                  QStringLiteral("%1 bytes, shorter than the 4-byte item count").arg(size));
    const char *p = encoded.constData();
    const std::uint64_t count = qFromLittleEndian<quint32>(p);
    if (count != elements)
        return codecutil::corrupt(
            codec.constData(),
            QStringLiteral("chunk declares %1 items, the chunk has %2 elements").arg(count).arg(elements));
    // Every item has at least its 4-byte length: checked before anything is allocated.
    if ((size - 4) / 4 < count)
        return codecutil::corrupt(codec.constData(),
                                  QStringLiteral("%1 bytes cannot hold %2 items").arg(size).arg(count));
    std::vector<StringArena::Span> spans;
    spans.reserve(count);
    std::uint64_t at = 4;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (size - at < 4)
            return codecutil::corrupt(codec.constData(),
                                      QStringLiteral("item %1: data ends before its length").arg(i));
        const std::uint64_t length = qFromLittleEndian<quint32>(p + at);
        at += 4;
        if (length > size - at)
            return codecutil::corrupt(
                codec.constData(),
                QStringLiteral("item %1 declares %2 bytes, %3 remain").arg(i).arg(length).arg(size - at));
        if (m_flavor == Flavor::Utf8) {
            const qsizetype bad = utf8::firstInvalid(QByteArrayView(p + at, qsizetype(length)));
            if (bad >= 0)
                return codecutil::corrupt(
                    codec.constData(),
                    QStringLiteral("item %1 is not valid UTF-8 (byte %2)").arg(i).arg(bad));
        }
        spans.push_back(StringArena::Span{at, length});
        at += length;
    }
    QByteArray handles(qsizetype(elements * 8), Qt::Uninitialized);
    ZS_CHECK(spec.arena->append(p, spans, reinterpret_cast<std::uint64_t *>(handles.data())));
    return handles;
}

Result<QByteArray> VlenCodec::encode(const QByteArray &decoded, const ChunkSpec &spec) const
{
    const std::uint64_t elements = spec.elementCount();
    if (!spec.arena || std::uint64_t(decoded.size()) != elements * 8)
        return makeError(QStringLiteral("%1 got data that is not one chunk of handles").arg(m_name));
    if (elements > 0xFFFFFFFFu)
        return makeError(QStringLiteral("%1 cannot encode more than 2^32-1 items").arg(m_name));
    QByteArray out(4, Qt::Uninitialized);
    qToLittleEndian<quint32>(quint32(elements), out.data());
    const auto *handles = reinterpret_cast<const std::uint64_t *>(decoded.constData());
    for (std::uint64_t i = 0; i < elements; ++i) {
        const QByteArrayView item = spec.arena->item(handles[i]);
        if (std::uint64_t(item.size()) > 0xFFFFFFFFu)
            return makeError(
                QStringLiteral("%1 cannot encode an item of %2 bytes").arg(m_name).arg(item.size()));
        char len[4];
        qToLittleEndian<quint32>(quint32(item.size()), len);
        out.append(len, 4);
        out.append(item.data(), item.size());
    }
    return out;
}

} // namespace zs
