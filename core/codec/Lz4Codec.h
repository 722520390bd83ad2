#pragma once
// numcodecs `lz4`: a 4-byte little-endian uncompressed size, then one LZ4 block
// (not the LZ4 frame format).

#include "codec/Codec.h"

namespace zs {

class Lz4Codec final : public BytesToBytesCodec
{
public:
    explicit Lz4Codec(int acceleration);
    static Result<std::shared_ptr<Lz4Codec>> fromConfig(const nlohmann::json &config);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t) const override { return std::nullopt; }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;

private:
    QString m_name = QStringLiteral("lz4");
    int m_acceleration;
};

} // namespace zs
