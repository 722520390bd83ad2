#pragma once
// Blosc 1 (c-blosc 1.21): v3 `blosc` and numcodecs `blosc`. Same byte format;
// the two differ only in how the configuration is spelled.

#include "codec/Codec.h"

namespace zs {

class BloscCodec final : public BytesToBytesCodec
{
public:
    enum class Shuffle
    {
        None = 0,
        Byte = 1,
        Bit = 2
    };
    enum class Flavor
    {
        V3,
        Numcodecs
    };

    BloscCodec(QString cname, int clevel, Shuffle shuffle, std::size_t typesize, std::size_t blocksize,
               Flavor flavor);
    // Parses either spelling; `typesize` is the element size the data has at this point in the chain.
    static Result<std::shared_ptr<BloscCodec>> fromConfig(const nlohmann::json &config, Flavor flavor,
                                                          std::size_t typesize);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t) const override { return std::nullopt; }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;
    // Decodes a chunk of exactly `bytes` bytes into memory the caller owns (the reader's result
    // or a reused buffer), with decode()'s checks and errors. Every blosc stream says how to
    // decode itself, so no configuration is needed.
    static Status decodeInto(const QByteArray &encoded, char *dst, std::uint64_t bytes);

private:
    // The decoded size the header declares, checked against `size` before anything is allocated.
    static Result<std::size_t> declaredSize(const QByteArray &encoded, SizeHint size);
    static Status decompress(const QByteArray &encoded, char *dst, std::size_t declared);

    QString m_name = QStringLiteral("blosc");
    QString m_cname;
    int m_clevel;
    Shuffle m_shuffle;
    std::size_t m_typesize;
    std::size_t m_blocksize;
    Flavor m_flavor;
};

} // namespace zs
