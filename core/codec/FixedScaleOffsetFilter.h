#pragma once
// numcodecs `fixedscaleoffset` filter: stores round((x - offset) * scale) as `astype`; decoding
// computes enc / scale + offset and casts it to `dtype`. The arithmetic runs in the float type
// NumPy 1.x picks for an array with Python scalars (float64 for integer codes; a float32 code
// with a small scale stays float32), so decoded values match numcodecs bit for bit. A decoded
// value that cannot be represented in an integer dtype (NaN, out of range) is an error rather
// than NumPy's undefined cast. Encoding integers computes in int64.

#include "codec/ElementCast.h"
#include "codec/ElementFilter.h"

namespace zs {

class FixedScaleOffsetFilter final : public ElementFilter
{
public:
    FixedScaleOffsetFilter(DataType dtype, DataType astype, elements::PyScalar scale,
                           elements::PyScalar offset);
    // `arrayType`: the array's type in v3 (see readFilterTypes), nullopt in v2.
    static Result<std::shared_ptr<FixedScaleOffsetFilter>>
    fromConfig(const nlohmann::json &config, const std::optional<DataType> &arrayType);

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
    QString m_name = QStringLiteral("fixedscaleoffset");
    DataType m_dtype;
    DataType m_astype;
    elements::PyScalar m_scale;
    elements::PyScalar m_offset;
};

} // namespace zs
