#pragma once
// numcodecs `packbits` filter for bool arrays: one byte giving the number of padding bits in the
// last byte (0-7), then numpy.packbits of the elements (eight per byte, first element in the
// most significant bit). Decoding gives one 0/1 byte per element. In v3 (zarr-python 3) the
// encoded array is uint8 of shape [1 + ceil(n / 8)].

#include "codec/ElementFilter.h"

#include <nlohmann/json.hpp>

namespace zs {

class PackBitsFilter final : public ElementFilter
{
public:
    QString name() const override { return m_name; }
    nlohmann::json configuration() const override { return {{"id", "packbits"}}; }
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override
    {
        return 1 + (decodedSize + 7) / 8;
    }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;
    std::size_t encodedElementSize(std::size_t) const override { return 1; }
    Result<ChunkSpec> encodedSpec(const ChunkSpec &decoded) const override;

private:
    QString m_name = QStringLiteral("packbits");
};

} // namespace zs
