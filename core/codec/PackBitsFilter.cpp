#include "codec/PackBitsFilter.h"
#include "codec/CodecUtil.h"

namespace zs {

Result<ChunkSpec> PackBitsFilter::encodedSpec(const ChunkSpec &decoded) const
{
    ChunkSpec e;
    e.shape = {*encodedSize(decoded.byteSize())};
    e.dtype = *parseNumpyTypeString(QStringLiteral("|u1"));
    e.fill = QByteArray(1, 0);
    return e;
}

Result<QByteArray> PackBitsFilter::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.isEmpty()) return codecutil::corrupt("packbits", QStringLiteral("no padding byte"));
    const unsigned padding = static_cast<unsigned char>(encoded[0]);
    if (padding > 7)
        return codecutil::corrupt("packbits",
                                  QStringLiteral("padding byte says %1 bits, at most 7").arg(padding));
    const std::uint64_t packed = std::uint64_t(encoded.size()) - 1;
    if (packed == 0 && padding != 0)
        return codecutil::corrupt("packbits", QStringLiteral("%1 padding bits but no data").arg(padding));
    const std::uint64_t n = packed * 8 - padding;
    ZS_CHECK(size.admits(n, "packbits"));
    QByteArray out(qsizetype(n), Qt::Uninitialized);
    const auto *in = reinterpret_cast<const unsigned char *>(encoded.constData()) + 1;
    for (std::uint64_t i = 0; i < n; ++i)
        out[qsizetype(i)] = char((in[i / 8] >> (7 - i % 8)) & 1);
    return out;
}

Result<QByteArray> PackBitsFilter::encode(const QByteArray &decoded) const
{
    const std::uint64_t n = std::uint64_t(decoded.size());
    QByteArray out(qsizetype(*encodedSize(n)), 0);
    out[0] = char((8 - n % 8) % 8);
    auto *dst = reinterpret_cast<unsigned char *>(out.data()) + 1;
    for (std::uint64_t i = 0; i < n; ++i)
        if (decoded[qsizetype(i)] != 0) dst[i / 8] |= static_cast<unsigned char>(0x80u >> (i % 8));
    return out;
}

} // namespace zs
