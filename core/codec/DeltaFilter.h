#pragma once
// numcodecs `delta` filter: stores the first element and then the differences, all cast to
// `astype`; decoding is a running sum cast to `dtype`. Like NumPy's cumsum(enc, out=dec), the
// sum runs in the promoted type of astype and dtype (float if either is float), and integer
// results wrap. The two types may differ in size and byte order; int, uint and float kinds only.

#include "codec/Codec.h"

namespace zs {

class DeltaFilter final : public BytesToBytesCodec
{
public:
    DeltaFilter(DataType dtype, DataType astype);
    static Result<std::shared_ptr<DeltaFilter>> fromConfig(const nlohmann::json &config);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override
    {
        return decodedSize / m_dtype.size * m_astype.size;
    }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;

    const DataType &dtype() const { return m_dtype; }
    const DataType &astype() const { return m_astype; }

private:
    QString m_name = QStringLiteral("delta");
    DataType m_dtype;
    DataType m_astype;
};

} // namespace zs
