#pragma once
// numcodecs `shuffle` filter: byte k of every element goes to plane k. Like numcodecs
// 0.11, a buffer that is not a whole number of elements is refused (it raises
// "Shuffle buffer is not an integer multiple of elementsize"); elementsize <= 1 copies.

#include "codec/Codec.h"

namespace zs {

class ShuffleFilter final : public BytesToBytesCodec
{
public:
    explicit ShuffleFilter(std::size_t elementSize);
    static Result<std::shared_ptr<ShuffleFilter>> fromConfig(const nlohmann::json &config);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override { return decodedSize; }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;

private:
    QString m_name = QStringLiteral("shuffle");
    std::size_t m_elementSize;
};

} // namespace zs
