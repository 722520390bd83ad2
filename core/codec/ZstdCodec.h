#pragma once
// Zstandard: v3 `zstd` and numcodecs `zstd` (plain zstd frames, possibly several).

#include "codec/Codec.h"

namespace zs {

class ZstdCodec final : public BytesToBytesCodec
{
public:
    ZstdCodec(int level, bool checksum, bool numcodecsConfig);
    static Result<std::shared_ptr<ZstdCodec>> fromConfig(const nlohmann::json &config, bool numcodecsConfig);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t) const override { return std::nullopt; }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;

private:
    QString m_name = QStringLiteral("zstd");
    int m_level;
    bool m_checksum;
    bool m_numcodecs;
};

} // namespace zs
