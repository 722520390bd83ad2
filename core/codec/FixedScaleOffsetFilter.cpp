#include "codec/FixedScaleOffsetFilter.h"
#include "codec/CodecUtil.h"

#include <nlohmann/json.hpp>

namespace zs {

using namespace elements;

FixedScaleOffsetFilter::FixedScaleOffsetFilter(DataType dtype, DataType astype, PyScalar scale,
                                               PyScalar offset)
    : m_dtype(std::move(dtype)), m_astype(std::move(astype)), m_scale(scale), m_offset(offset)
{
}

static bool supported(const DataType &t)
{
    return isPlainNumber(t);
}

// A finite JSON number, keeping whether it was written as an integer.
static Result<PyScalar> scalarField(const nlohmann::json &config, const char *key)
{
    const QString where = QStringLiteral("configuration.%1").arg(QLatin1String(key));
    auto it = config.find(key);
    if (it == config.end() || !it->is_number())
        return makeError(
            QStringLiteral("fixedscaleoffset filter needs a number \"%1\"").arg(QLatin1String(key)), where);
    PyScalar s{it->get<double>(), it->is_number_integer()};
    if (!std::isfinite(s.value))
        return makeError(
            QStringLiteral("fixedscaleoffset %1 %2 is not finite").arg(QLatin1String(key)).arg(s.value),
            where);
    return s;
}

Result<std::shared_ptr<FixedScaleOffsetFilter>>
FixedScaleOffsetFilter::fromConfig(const nlohmann::json &config, const std::optional<DataType> &arrayType)
{
    ZS_TRY(FilterTypes t, readFilterTypes(config, QStringLiteral("fixedscaleoffset"), "dtype", "astype",
                                          arrayType, supported));
    ZS_TRY(PyScalar scale, scalarField(config, "scale"));
    ZS_TRY(PyScalar offset, scalarField(config, "offset"));
    if (scale.value == 0)
        return makeError(QStringLiteral("fixedscaleoffset scale must not be 0"),
                         QStringLiteral("configuration.scale"));
    return std::make_shared<FixedScaleOffsetFilter>(t.dtype, t.astype, scale, offset);
}

static nlohmann::json toJson(const PyScalar &s)
{
    return s.isInt ? nlohmann::json(std::int64_t(s.value)) : nlohmann::json(s.value);
}

nlohmann::json FixedScaleOffsetFilter::configuration() const
{
    return {{"id", "fixedscaleoffset"},
            {"scale", toJson(m_scale)},
            {"offset", toJson(m_offset)},
            {"dtype", m_dtype.numpyTypeString().toStdString()},
            {"astype", m_astype.numpyTypeString().toStdString()}};
}

Result<QByteArray> FixedScaleOffsetFilter::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.size() % m_astype.size != 0)
        return codecutil::corrupt("fixedscaleoffset",
                                  QStringLiteral("%1 bytes is not a whole number of %2 elements")
                                      .arg(encoded.size())
                                      .arg(m_astype.numpyTypeString()));
    const std::size_t n = encoded.size() / m_astype.size;
    ZS_CHECK(size.admits(std::uint64_t(n) * m_dtype.size, "fixedscaleoffset"));
    QByteArray in = encoded;
    if (m_astype.needsSwapFrom(nativeByteOrder())) byteSwap(in.data(), in.size(), m_astype.size);
    // NumPy: integer codes divide in float64; float codes in the type promoted with the scalar.
    const int divBytes =
        m_astype.kind == DataType::Kind::Float ? promotedFloatBytes(int(m_astype.size), m_scale) : 8;
    const int addBytes = promotedFloatBytes(divBytes, m_offset);
    const double scale = inFloat(divBytes, m_scale.value), offset = inFloat(addBytes, m_offset.value);
    QByteArray out(qsizetype(n * m_dtype.size), Qt::Uninitialized);
    std::optional<std::size_t> bad;
    double badValue = 0;
    withType(m_astype, [&](auto a) {
        using A = decltype(a);
        withType(m_dtype, [&](auto d) {
            using D = decltype(d);
            for (std::size_t i = 0; i < n && !bad; ++i) {
                const double q = inFloat(
                    divBytes, inFloat(divBytes, toDouble(load<A>(in.constData() + i * sizeof(A)))) / scale);
                const double v = inFloat(addBytes, inFloat(addBytes, q) + offset);
                if (auto r = checkedFromDouble<D>(v)) {
                    store<D>(out.data() + i * sizeof(D), *r);
                } else {
                    bad = i;
                    badValue = v;
                }
            }
        });
    });
    if (bad)
        return makeError(QStringLiteral("fixedscaleoffset: decoded value %1 of element %2 does not fit %3")
                             .arg(badValue)
                             .arg(*bad)
                             .arg(m_dtype.numpyTypeString()));
    if (m_dtype.needsSwapFrom(nativeByteOrder())) byteSwap(out.data(), out.size(), m_dtype.size);
    return out;
}

Result<QByteArray> FixedScaleOffsetFilter::encode(const QByteArray &decoded) const
{
    if (decoded.size() % m_dtype.size != 0)
        return makeError(QStringLiteral("fixedscaleoffset: %1 bytes is not a whole number of %2 elements")
                             .arg(decoded.size())
                             .arg(m_dtype.numpyTypeString()));
    const std::size_t n = decoded.size() / m_dtype.size;
    QByteArray in = decoded;
    if (m_dtype.needsSwapFrom(nativeByteOrder())) byteSwap(in.data(), in.size(), m_dtype.size);
    const bool isFloatData = m_dtype.kind == DataType::Kind::Float;
    const bool integerMath = !isFloatData && m_scale.isInt && m_offset.isInt;
    const int subBytes = isFloatData ? promotedFloatBytes(int(m_dtype.size), m_offset) : 8;
    const int mulBytes = promotedFloatBytes(subBytes, m_scale);
    QByteArray out(qsizetype(n * m_astype.size), Qt::Uninitialized);
    withType(m_dtype, [&](auto d) {
        using D = decltype(d);
        withType(m_astype, [&](auto a) {
            using A = decltype(a);
            for (std::size_t i = 0; i < n; ++i) {
                const D x = load<D>(in.constData() + i * sizeof(D));
                A e;
                if (integerMath) {
                    // (x - offset) * scale in int64, wrapping like NumPy's integer arithmetic.
                    const std::uint64_t diff =
                        std::uint64_t(std::int64_t(x)) - std::uint64_t(std::int64_t(m_offset.value));
                    e = castValue<A>(std::int64_t(diff * std::uint64_t(std::int64_t(m_scale.value))));
                } else {
                    const double s =
                        inFloat(subBytes, inFloat(subBytes, toDouble(x)) - inFloat(subBytes, m_offset.value));
                    const double p =
                        inFloat(mulBytes, inFloat(mulBytes, s) * inFloat(mulBytes, m_scale.value));
                    e = castValue<A>(std::nearbyint(p)); // np.around: halves to even
                }
                store<A>(out.data() + i * sizeof(A), e);
            }
        });
    });
    if (m_astype.needsSwapFrom(nativeByteOrder())) byteSwap(out.data(), out.size(), m_astype.size);
    return out;
}

} // namespace zs
