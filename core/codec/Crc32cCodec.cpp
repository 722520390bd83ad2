#include "codec/Crc32cCodec.h"
#include "codec/CodecUtil.h"

#include <QtEndian>
#include <array>

namespace zs {

namespace {
// Slicing-by-8 tables for the reflected Castagnoli polynomial: eight bytes per step,
// fast enough for shard indexes and whole chunks without CPU-specific instructions.
using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr Tables makeTables()
{
    Tables t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        t[0][i] = c;
    }
    for (std::size_t s = 1; s < 8; ++s)
        for (std::size_t i = 0; i < 256; ++i)
            t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
    return t;
}

constexpr Tables kTables = makeTables();
} // namespace

std::uint32_t crc32c(const char *data, std::size_t size, std::uint32_t crc)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    crc = ~crc;
    while (size >= 8) {
        const std::uint32_t lo = qFromLittleEndian<std::uint32_t>(p) ^ crc;
        const std::uint32_t hi = qFromLittleEndian<std::uint32_t>(p + 4);
        crc = kTables[7][lo & 0xFF] ^ kTables[6][(lo >> 8) & 0xFF] ^ kTables[5][(lo >> 16) & 0xFF] ^
              kTables[4][lo >> 24] ^ kTables[3][hi & 0xFF] ^ kTables[2][(hi >> 8) & 0xFF] ^
              kTables[1][(hi >> 16) & 0xFF] ^ kTables[0][hi >> 24];
        p += 8;
        size -= 8;
    }
    while (size--)
        crc = (crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xFF];
    return ~crc;
}

Result<QByteArray> Crc32cCodec::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.size() < 4) return codecutil::corrupt("crc32c", QStringLiteral("shorter than its checksum"));
    const std::uint64_t payload = encoded.size() - 4;
    ZS_CHECK(size.admits(payload, "crc32c"));
    const std::uint32_t stored = qFromLittleEndian<std::uint32_t>(encoded.constData() + payload);
    const std::uint32_t actual = crc32c(encoded.constData(), payload);
    if (stored != actual)
        return makeError(QStringLiteral("crc32c checksum mismatch: stored %1, computed %2")
                             .arg(stored, 8, 16, QLatin1Char('0'))
                             .arg(actual, 8, 16, QLatin1Char('0')));
    return encoded.first(qsizetype(payload));
}

Result<QByteArray> Crc32cCodec::encode(const QByteArray &decoded) const
{
    QByteArray out(decoded.size() + 4, Qt::Uninitialized);
    memcpy(out.data(), decoded.constData(), decoded.size());
    qToLittleEndian<std::uint32_t>(crc32c(decoded.constData(), decoded.size()), out.data() + decoded.size());
    return out;
}

} // namespace zs
