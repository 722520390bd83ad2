#pragma once
// numcodecs `crc32` and `adler32` checksums (zlib's CRC-32 and Adler-32): the 4-byte
// little-endian checksum of the data, placed before it (numcodecs' default `location`
// "start"; "end" puts it after, as later numcodecs allow). Decoding verifies it.

#include "codec/Codec.h"

namespace zs {

class Checksum32Codec final : public BytesToBytesCodec
{
public:
    enum class Kind
    {
        Crc32,
        Adler32
    };
    Checksum32Codec(Kind kind, bool atEnd);
    static Result<std::shared_ptr<Checksum32Codec>> fromConfig(const nlohmann::json &config, Kind kind);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override
    {
        return decodedSize + 4;
    }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;

private:
    std::uint32_t checksum(const char *data, std::size_t size) const;

    QString m_name;
    Kind m_kind;
    bool m_atEnd;
};

} // namespace zs
