#pragma once
// Deflate in its two wrappings: numcodecs `zlib` (a zlib stream) and numcodecs / v3
// `gzip` (a gzip member; several concatenated members decode as one, like Python's gzip).

#include "codec/Codec.h"

namespace zs {

class ZlibCodec final : public BytesToBytesCodec
{
public:
    enum class Format
    {
        Zlib,
        Gzip
    };
    ZlibCodec(Format format, int level, bool numcodecsConfig);
    static Result<std::shared_ptr<ZlibCodec>> fromConfig(const nlohmann::json &config, Format format,
                                                         bool numcodecsConfig);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t) const override { return std::nullopt; }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;

private:
    QString m_name;
    Format m_format;
    int m_level;
    bool m_numcodecs;
};

} // namespace zs
