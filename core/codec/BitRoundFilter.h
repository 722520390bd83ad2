#pragma once
// numcodecs `bitround` filter: encoding rounds the float mantissa to `keepbits` bits (halves to
// even), so the stored values compress better; decoding is the identity (the rounded floats are
// the values). Only the encoder needs the element type (float16/32/64, either byte order).

#include "codec/ElementFilter.h"

#include <nlohmann/json.hpp>

namespace zs {

class BitRoundFilter final : public ElementFilter
{
public:
    BitRoundFilter(int keepbits, DataType elementType);
    // `elementType`: the type of the data the filter receives.
    static Result<std::shared_ptr<BitRoundFilter>> fromConfig(const nlohmann::json &config,
                                                              const DataType &elementType);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override { return {{"id", "bitround"}, {"keepbits", m_keepbits}}; }
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override { return decodedSize; }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;
    std::size_t encodedElementSize(std::size_t decodedSize) const override { return decodedSize; }

private:
    QString m_name = QStringLiteral("bitround");
    int m_keepbits;
    DataType m_elementType;
};

} // namespace zs
