#pragma once
// v3 `bytes`: the chunk's elements in C order, in the configured byte order. Decoding
// produces the dtype's in-memory order (DataType::order), swapping per DataType::swapUnit
// only when the two differ. v2 chains use it with the dtype's own order, so nothing swaps.

#include "codec/Codec.h"

namespace zs {

class BytesCodec final : public ArrayToBytesCodec
{
public:
    // `endian` NotApplicable means "no endian given" (fine for 1-byte and raw types).
    explicit BytesCodec(ByteOrder endian);
    static Result<std::shared_ptr<BytesCodec>> fromConfig(const nlohmann::json &config,
                                                          const ChunkSpec &decoded);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(const ChunkSpec &spec) const override { return spec.byteSize(); }
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &spec) const override;
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &spec) const override;
    ByteOrder endian() const { return m_endian; }

private:
    QString m_name = QStringLiteral("bytes");
    ByteOrder m_endian;
};

} // namespace zs
