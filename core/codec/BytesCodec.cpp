#include "codec/BytesCodec.h"
#include "codec/CodecUtil.h"

#include <nlohmann/json.hpp>

namespace zs {

BytesCodec::BytesCodec(ByteOrder endian) : m_endian(endian) {}

Result<std::shared_ptr<BytesCodec>> BytesCodec::fromConfig(const nlohmann::json &config,
                                                           const ChunkSpec &decoded)
{
    ZS_TRY(QString e, codecutil::stringField(config, "endian", QString(), QStringLiteral("bytes")));
    ByteOrder order = ByteOrder::NotApplicable;
    if (e == u"little")
        order = ByteOrder::Little;
    else if (e == u"big")
        order = ByteOrder::Big;
    else if (!e.isEmpty())
        return makeError(QStringLiteral("bytes endian \"%1\" is not little or big").arg(e),
                         QStringLiteral("configuration.endian"));
    // The spec requires endian whenever the data type has a byte order.
    else if (decoded.dtype.swapUnit() > 1)
        return makeError(QStringLiteral("codec \"bytes\" needs an \"endian\" for %1").arg(decoded.dtype.name),
                         QStringLiteral("configuration.endian"));
    return std::make_shared<BytesCodec>(order);
}

nlohmann::json BytesCodec::configuration() const
{
    if (m_endian == ByteOrder::NotApplicable) return nlohmann::json::object();
    return {{"endian", m_endian == ByteOrder::Little ? "little" : "big"}};
}

Result<QByteArray> BytesCodec::decode(const QByteArray &encoded, const ChunkSpec &spec) const
{
    if (std::uint64_t(encoded.size()) != spec.byteSize())
        return makeError(QStringLiteral("bytes codec got %1 bytes, chunk holds %2")
                             .arg(encoded.size())
                             .arg(spec.byteSize()));
    if (!spec.dtype.needsSwapFrom(m_endian)) return encoded; // shares the buffer: no copy on the hot path
    QByteArray out = encoded;
    byteSwap(out.data(), out.size(), spec.dtype.swapUnit());
    return out;
}

Result<QByteArray> BytesCodec::encode(const QByteArray &decoded, const ChunkSpec &spec) const
{
    if (std::uint64_t(decoded.size()) != spec.byteSize())
        return makeError(QStringLiteral("bytes codec got %1 bytes, chunk holds %2")
                             .arg(decoded.size())
                             .arg(spec.byteSize()));
    if (!spec.dtype.needsSwapFrom(m_endian)) return decoded;
    QByteArray out = decoded;
    byteSwap(out.data(), out.size(), spec.dtype.swapUnit());
    return out;
}

} // namespace zs
