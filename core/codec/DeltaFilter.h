#pragma once
// numcodecs `delta` filter: stores the first element and then the differences, all cast to
// `astype`; decoding is a running sum cast to `dtype`. Like NumPy's cumsum(enc, out=dec), the
// sum runs in the promoted type of astype and dtype (float if either is float), and integer
// results wrap. The two types may differ in size and byte order; int, uint and float kinds only.

#include "codec/ElementFilter.h"

namespace zs {

class DeltaFilter final : public ElementFilter
{
public:
    DeltaFilter(DataType dtype, DataType astype);
    // `arrayType` is the array's type in v3 (see readFilterTypes), nullopt in v2.
    static Result<std::shared_ptr<DeltaFilter>>
    fromConfig(const nlohmann::json &config, const std::optional<DataType> &arrayType = std::nullopt);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override
    {
        return decodedSize / m_dtype.size * m_astype.size;
    }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;
    std::size_t encodedElementSize(std::size_t) const override { return m_astype.size; }

    const DataType &dtype() const { return m_dtype; }
    const DataType &astype() const { return m_astype; }

protected:
    std::optional<DataType> encodedType() const override { return m_astype; }

private:
    QString m_name = QStringLiteral("delta");
    DataType m_dtype;
    DataType m_astype;
};

} // namespace zs
