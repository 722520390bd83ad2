#pragma once
// numcodecs `quantize` filter: encoding rounds each float to a multiple of a power of two that
// keeps `digits` decimal digits, then casts to `astype`; decoding only casts `astype` back to
// `dtype` (both float types), so it is the identity when they are equal.

#include "codec/ElementFilter.h"

namespace zs {

class QuantizeFilter final : public ElementFilter
{
public:
    QuantizeFilter(int digits, DataType dtype, DataType astype);
    // `arrayType`: the array's type in v3 (see readFilterTypes), nullopt in v2.
    static Result<std::shared_ptr<QuantizeFilter>> fromConfig(const nlohmann::json &config,
                                                              const std::optional<DataType> &arrayType);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override
    {
        return decodedSize / m_dtype.size * m_astype.size;
    }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;
    std::size_t encodedElementSize(std::size_t) const override { return m_astype.size; }

protected:
    std::optional<DataType> encodedType() const override { return m_astype; }

private:
    QString m_name = QStringLiteral("quantize");
    int m_digits;
    DataType m_dtype;
    DataType m_astype;
};

} // namespace zs
