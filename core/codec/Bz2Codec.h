#pragma once
// numcodecs `bz2`: a bzip2 stream (several concatenated streams decode as one, like Python's bz2).

#include "codec/Codec.h"

namespace zs {

class Bz2Codec final : public BytesToBytesCodec
{
public:
    explicit Bz2Codec(int level);
    static Result<std::shared_ptr<Bz2Codec>> fromConfig(const nlohmann::json &config);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t) const override { return std::nullopt; }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;

private:
    QString m_name = QStringLiteral("bz2");
    int m_level;
};

} // namespace zs
