#pragma once
// v3 `crc32c`: appends the CRC-32C (Castagnoli) of the data, 4 bytes little endian,
// and checks it when decoding.

#include "codec/Codec.h"

#include <nlohmann/json.hpp>

namespace zs {

// CRC-32C of `size` bytes, continuing from `crc` (0 for a fresh checksum).
std::uint32_t crc32c(const char *data, std::size_t size, std::uint32_t crc = 0);

class Crc32cCodec final : public BytesToBytesCodec
{
public:
    QString name() const override { return m_name; }
    nlohmann::json configuration() const override { return nlohmann::json::object(); }
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override
    {
        return decodedSize + 4;
    }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;

private:
    QString m_name = QStringLiteral("crc32c");
};

} // namespace zs
