#include "codec/BitRoundFilter.h"
#include "codec/CodecUtil.h"

#include <cstring>
#include <nlohmann/json.hpp>

namespace zs {

BitRoundFilter::BitRoundFilter(int keepbits, DataType elementType)
    : m_keepbits(keepbits), m_elementType(std::move(elementType))
{
}

Result<std::shared_ptr<BitRoundFilter>> BitRoundFilter::fromConfig(const nlohmann::json &config,
                                                                   const DataType &elementType)
{
    ZS_TRY(std::int64_t keepbits,
           codecutil::intField(config, "keepbits", std::nullopt, QStringLiteral("bitround")));
    if (keepbits < 0 || keepbits > 52)
        return makeError(QStringLiteral("bitround keepbits %1 is not between 0 and 52").arg(keepbits),
                         QStringLiteral("configuration.keepbits"));
    return std::make_shared<BitRoundFilter>(int(keepbits), elementType);
}

Result<QByteArray> BitRoundFilter::decode(const QByteArray &encoded, SizeHint size) const
{
    ZS_CHECK(size.admits(std::uint64_t(encoded.size()), "bitround"));
    return encoded;
}

template <typename U> static void roundMantissas(char *data, std::size_t n, int maskbits)
{
    // On the float's bit pattern: add half a quantum (minus one, plus the lowest kept bit, so
    // ties go to even), then clear the dropped bits. Unsigned arithmetic wraps like NumPy's.
    const U mask = U(~U(0)) << maskbits;
    const U halfQuantum1 = (U(1) << (maskbits - 1)) - 1;
    for (std::size_t i = 0; i < n; ++i) {
        U b;
        std::memcpy(&b, data + i * sizeof(U), sizeof(U));
        b = U(b + ((b >> maskbits) & 1) + halfQuantum1);
        b &= mask;
        std::memcpy(data + i * sizeof(U), &b, sizeof(U));
    }
}

Result<QByteArray> BitRoundFilter::encode(const QByteArray &decoded) const
{
    const std::size_t size = m_elementType.size;
    const int bits = m_elementType.kind != DataType::Kind::Float ? -1
                     : size == 2                                 ? 10
                     : size == 4                                 ? 23
                     : size == 8                                 ? 52
                                                                 : -1;
    if (bits < 0)
        return makeError(QStringLiteral("bitround: only float16/32/64 data can be bit-rounded, not %1")
                             .arg(m_elementType.numpyTypeString()));
    if (m_keepbits > bits)
        return makeError(QStringLiteral("bitround: keepbits %1 is more than the %2 mantissa bits of %3")
                             .arg(m_keepbits)
                             .arg(bits)
                             .arg(m_elementType.numpyTypeString()));
    if (decoded.size() % qsizetype(size) != 0)
        return makeError(
            QStringLiteral("bitround: %1 bytes is not a whole number of elements").arg(decoded.size()));
    if (m_keepbits == bits) return decoded;
    QByteArray out = decoded;
    const bool swap = m_elementType.needsSwapFrom(nativeByteOrder());
    if (swap) byteSwap(out.data(), out.size(), size);
    const std::size_t n = out.size() / size;
    const int maskbits = bits - m_keepbits;
    if (size == 2)
        roundMantissas<std::uint16_t>(out.data(), n, maskbits);
    else if (size == 4)
        roundMantissas<std::uint32_t>(out.data(), n, maskbits);
    else
        roundMantissas<std::uint64_t>(out.data(), n, maskbits);
    if (swap) byteSwap(out.data(), out.size(), size);
    return out;
}

} // namespace zs
