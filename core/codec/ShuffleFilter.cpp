#include "codec/ShuffleFilter.h"
#include "codec/CodecUtil.h"

#include <nlohmann/json.hpp>

namespace zs {

ShuffleFilter::ShuffleFilter(std::size_t elementSize) : m_elementSize(elementSize) {}

Result<std::shared_ptr<ShuffleFilter>> ShuffleFilter::fromConfig(const nlohmann::json &config)
{
    ZS_TRY(std::int64_t es, codecutil::intField(config, "elementsize", 4, QStringLiteral("shuffle")));
    if (es < 0 || es > (1 << 20))
        return makeError(QStringLiteral("shuffle elementsize %1 is out of range").arg(es),
                         QStringLiteral("configuration.elementsize"));
    return std::make_shared<ShuffleFilter>(std::size_t(es));
}

nlohmann::json ShuffleFilter::configuration() const
{
    return {{"id", "shuffle"}, {"elementsize", m_elementSize}};
}

// Moves byte b of element i between [i*es + b] (interleaved) and [b*count + i] (planes).
template <bool Unshuffle>
static void transposeBytes(const char *src, char *dst, std::size_t count, std::size_t es)
{
    for (std::size_t b = 0; b < es; ++b) {
        const std::size_t plane = b * count;
        for (std::size_t i = 0; i < count; ++i) {
            if constexpr (Unshuffle)
                dst[i * es + b] = src[plane + i];
            else
                dst[plane + i] = src[i * es + b];
        }
    }
}

Result<QByteArray> ShuffleFilter::decode(const QByteArray &encoded, SizeHint size) const
{
    ZS_CHECK(size.admits(encoded.size(), "shuffle"));
    if (m_elementSize <= 1) return encoded;
    if (encoded.size() % m_elementSize != 0)
        return makeError(QStringLiteral("shuffle buffer of %1 bytes is not a multiple of elementsize %2")
                             .arg(encoded.size())
                             .arg(m_elementSize));
    QByteArray out(encoded.size(), Qt::Uninitialized);
    transposeBytes<true>(encoded.constData(), out.data(), encoded.size() / m_elementSize, m_elementSize);
    return out;
}

Result<QByteArray> ShuffleFilter::encode(const QByteArray &decoded) const
{
    if (m_elementSize <= 1) return decoded;
    if (decoded.size() % m_elementSize != 0)
        return makeError(QStringLiteral("shuffle buffer of %1 bytes is not a multiple of elementsize %2")
                             .arg(decoded.size())
                             .arg(m_elementSize));
    QByteArray out(decoded.size(), Qt::Uninitialized);
    transposeBytes<false>(decoded.constData(), out.data(), decoded.size() / m_elementSize, m_elementSize);
    return out;
}

} // namespace zs
