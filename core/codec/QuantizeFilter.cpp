#include "codec/QuantizeFilter.h"
#include "codec/AsTypeFilter.h"
#include "codec/CodecUtil.h"
#include "codec/ElementCast.h"

#include <nlohmann/json.hpp>

namespace zs {

using namespace elements;

QuantizeFilter::QuantizeFilter(int digits, DataType dtype, DataType astype)
    : m_digits(digits), m_dtype(std::move(dtype)), m_astype(std::move(astype))
{
}

static bool supported(const DataType &t)
{
    return t.kind == DataType::Kind::Float && isPlainNumber(t);
}

Result<std::shared_ptr<QuantizeFilter>> QuantizeFilter::fromConfig(const nlohmann::json &config,
                                                                   const std::optional<DataType> &arrayType)
{
    const QString codec = QStringLiteral("quantize");
    ZS_TRY(std::int64_t digits, codecutil::intField(config, "digits", std::nullopt, codec));
    if (digits < -300 || digits > 300)
        return makeError(QStringLiteral("quantize digits %1 is out of range").arg(digits),
                         QStringLiteral("configuration.digits"));
    ZS_TRY(FilterTypes t, readFilterTypes(config, codec, "dtype", "astype", arrayType, supported));
    return std::make_shared<QuantizeFilter>(int(digits), t.dtype, t.astype);
}

nlohmann::json QuantizeFilter::configuration() const
{
    return {{"id", "quantize"},
            {"digits", m_digits},
            {"dtype", m_dtype.numpyTypeString().toStdString()},
            {"astype", m_astype.numpyTypeString().toStdString()}};
}

Result<QByteArray> QuantizeFilter::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.size() % m_astype.size == 0)
        ZS_CHECK(size.admits(std::uint64_t(encoded.size()) / m_astype.size * m_dtype.size, "quantize"));
    return castElements(encoded, m_astype, m_dtype, "quantize");
}

Result<QByteArray> QuantizeFilter::encode(const QByteArray &decoded) const
{
    if (decoded.size() % m_dtype.size != 0)
        return makeError(QStringLiteral("quantize: %1 bytes is not a whole number of %2 elements")
                             .arg(decoded.size())
                             .arg(m_dtype.numpyTypeString()));
    // numcodecs' scale, with Python's math.log(x, base) = log(x) / log(base) (not log10: the
    // rounding differs, e.g. for 5 digits).
    const double precision = std::pow(10.0, -double(m_digits));
    double exp = std::log(precision) / std::log(10.0);
    exp = exp < 0 ? std::floor(exp) : std::ceil(exp);
    const double bits = std::ceil(std::log(std::pow(10.0, -exp)) / std::log(2.0));
    const PyScalar scale{std::pow(2.0, bits), false};
    const int w = promotedFloatBytes(int(m_dtype.size), scale);
    const double s = inFloat(w, scale.value);
    const std::size_t n = decoded.size() / m_dtype.size;
    QByteArray in = decoded;
    if (m_dtype.needsSwapFrom(nativeByteOrder())) byteSwap(in.data(), in.size(), m_dtype.size);
    QByteArray rounded(qsizetype(n * 8), Qt::Uninitialized);
    withType(m_dtype, [&](auto d) {
        using D = decltype(d);
        for (std::size_t i = 0; i < n; ++i) {
            const double x = inFloat(w, toDouble(load<D>(in.constData() + i * sizeof(D))));
            store<double>(rounded.data() + i * 8, inFloat(w, std::nearbyint(inFloat(w, s * x)) / s));
        }
    });
    DataType f8 = m_dtype;
    f8.size = 8;
    f8.order = nativeByteOrder();
    return castElements(rounded, f8, m_astype, "quantize");
}

} // namespace zs
