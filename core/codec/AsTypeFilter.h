#pragma once
// numcodecs `astype` filter: the chunk is stored as `encode_dtype` and decoded by casting to
// `decode_dtype` (NumPy's astype). Also the decoding half of `quantize`, whose stored values
// are already rounded: decoding casts its `astype` back to its `dtype`. Casting a float that
// an integer type cannot hold (NaN, out of range) is an error rather than NumPy's undefined result.

#include "codec/ElementFilter.h"

namespace zs {

// Casts every element of `in` (type `from`) to `to`; `codec` names the caller in errors.
Result<QByteArray> castElements(const QByteArray &in, const DataType &from, const DataType &to,
                                const char *codec);

class AsTypeFilter final : public ElementFilter
{
public:
    AsTypeFilter(DataType decodeType, DataType encodeType);
    // `arrayType`: the array's type in v3 (see readFilterTypes), nullopt in v2.
    static Result<std::shared_ptr<AsTypeFilter>> fromConfig(const nlohmann::json &config,
                                                            const std::optional<DataType> &arrayType);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    std::optional<std::uint64_t> encodedSize(std::uint64_t decodedSize) const override
    {
        return decodedSize / m_decodeType.size * m_encodeType.size;
    }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override;
    Result<QByteArray> encode(const QByteArray &decoded) const override;
    std::size_t encodedElementSize(std::size_t) const override { return m_encodeType.size; }

protected:
    std::optional<DataType> encodedType() const override { return m_encodeType; }

private:
    QString m_name = QStringLiteral("astype");
    DataType m_decodeType;
    DataType m_encodeType;
};

} // namespace zs
