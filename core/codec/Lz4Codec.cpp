#include "codec/Lz4Codec.h"
#include "codec/CodecUtil.h"

#include <QtEndian>
#include <lz4.h>
#include <nlohmann/json.hpp>

namespace zs {

using namespace codecutil;

Lz4Codec::Lz4Codec(int acceleration) : m_acceleration(acceleration) {}

Result<std::shared_ptr<Lz4Codec>> Lz4Codec::fromConfig(const nlohmann::json &config)
{
    ZS_TRY(std::int64_t accel, intField(config, "acceleration", 1, QStringLiteral("lz4")));
    if (accel < 1 || accel > 65537) accel = 1; // LZ4 itself treats values <= 0 as the default
    return std::make_shared<Lz4Codec>(int(accel));
}

nlohmann::json Lz4Codec::configuration() const
{
    return {{"id", "lz4"}, {"acceleration", m_acceleration}};
}

Result<QByteArray> Lz4Codec::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.size() < 4) return corrupt("lz4", QStringLiteral("shorter than its size header"));
    const std::uint32_t declared = qFromLittleEndian<std::uint32_t>(encoded.constData());
    ZS_CHECK(size.admits(declared, "lz4"));
    if (encoded.size() - 4 > LZ4_MAX_INPUT_SIZE) return corrupt("lz4", QStringLiteral("block too large"));
    QByteArray out(qsizetype(declared), Qt::Uninitialized);
    // _safe never writes past `declared`, whatever the block claims.
    const int n =
        LZ4_decompress_safe(encoded.constData() + 4, out.data(), int(encoded.size() - 4), int(declared));
    if (n < 0 || std::uint32_t(n) != declared)
        return corrupt("lz4",
                       n < 0 ? QStringLiteral("bad block")
                             : QStringLiteral("block holds %1 of %2 declared bytes").arg(n).arg(declared));
    return out;
}

Result<QByteArray> Lz4Codec::encode(const QByteArray &decoded) const
{
    if (decoded.size() > LZ4_MAX_INPUT_SIZE)
        return makeError(QStringLiteral("lz4 cannot compress %1 bytes in one block").arg(decoded.size()));
    const int bound = LZ4_compressBound(int(decoded.size()));
    QByteArray out(4 + bound, Qt::Uninitialized);
    qToLittleEndian<std::uint32_t>(std::uint32_t(decoded.size()), out.data());
    const int n =
        LZ4_compress_fast(decoded.constData(), out.data() + 4, int(decoded.size()), bound, m_acceleration);
    if (n <= 0 && decoded.size() > 0) return makeError(QStringLiteral("lz4 compression failed"));
    out.truncate(4 + n);
    return out;
}

} // namespace zs
