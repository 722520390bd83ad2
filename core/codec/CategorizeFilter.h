#pragma once
// numcodecs `categorize` filter: a string array stored as integer codes (`astype`, default
// uint8), code k standing for labels[k - 1] and 0 for "not a label" (decoded as the empty
// string). Labels decode into the fixed-width `dtype`: `<U`/`>U` (UTF-32) or `|S` (UTF-8 bytes),
// cut to its width as NumPy would. A code beyond the labels cannot come from the encoder, so it
// is reported as corrupt data. Object (`|O`) arrays need variable-length strings: refused.

#include "codec/ElementFilter.h"

#include <QHash>
#include <QStringList>

namespace zs {

class CategorizeFilter final : public ElementFilter
{
public:
    CategorizeFilter(QStringList labels, DataType dtype, DataType astype);
    // `arrayType`: the array's type in v3 (its decoded type), nullopt in v2.
    static Result<std::shared_ptr<CategorizeFilter>> fromConfig(const nlohmann::json &config,
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
    QString m_name = QStringLiteral("categorize");
    QStringList m_labels;
    DataType m_dtype;
    DataType m_astype;
    std::vector<QByteArray> m_elements;       // each label as one element of dtype
    QHash<QByteArray, std::uint64_t> m_codes; // element bytes -> code, for labels that fit dtype
};

} // namespace zs
