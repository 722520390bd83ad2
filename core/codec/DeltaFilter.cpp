#include "codec/DeltaFilter.h"
#include "codec/CodecUtil.h"
#include "codec/ElementCast.h"

#include <QFloat16>
#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <type_traits>

namespace zs {

DeltaFilter::DeltaFilter(DataType dtype, DataType astype)
    : m_dtype(std::move(dtype)), m_astype(std::move(astype))
{
}

static bool supported(const DataType &t)
{
    return elements::isPlainNumber(t);
}

Result<std::shared_ptr<DeltaFilter>> DeltaFilter::fromConfig(const nlohmann::json &config,
                                                             const std::optional<DataType> &arrayType)
{
    ZS_TRY(FilterTypes t,
           readFilterTypes(config, QStringLiteral("delta"), "dtype", "astype", arrayType, supported));
    return std::make_shared<DeltaFilter>(t.dtype, t.astype);
}

nlohmann::json DeltaFilter::configuration() const
{
    return {{"id", "delta"},
            {"dtype", m_dtype.numpyTypeString().toStdString()},
            {"astype", m_astype.numpyTypeString().toStdString()}};
}

namespace {

using elements::castValue;
using elements::isFloat;
using elements::load;
using elements::store;
using elements::withType;

// NumPy's promotion of the two element types: integers promote among themselves (any wide
// unsigned accumulator gives the same wrapped result); with a float, the float size that holds
// the integer (8-bit -> f2, 16-bit -> f4, wider -> f8).
template <typename A, typename B> constexpr int promotedFloatSize()
{
    constexpr int fa = isFloat<A> ? int(sizeof(A)) : sizeof(A) == 1 ? 2 : sizeof(A) == 2 ? 4 : 8;
    constexpr int fb = isFloat<B> ? int(sizeof(B)) : sizeof(B) == 1 ? 2 : sizeof(B) == 2 ? 4 : 8;
    return fa > fb ? fa : fb;
}

template <typename A, typename B>
using Acc =
    std::conditional_t<!isFloat<A> && !isFloat<B>, std::uint64_t,
                       std::conditional_t<promotedFloatSize<A, B>() == 2, qfloat16,
                                          std::conditional_t<promotedFloatSize<A, B>() == 4, float, double>>>;

template <typename D, typename A> void decodeLoop(const char *in, char *out, std::size_t n)
{
    using S = Acc<D, A>;
    S acc = S(0);
    for (std::size_t i = 0; i < n; ++i) {
        const S step = castValue<S>(load<A>(in + i * sizeof(A)));
        if constexpr (std::is_same_v<S, qfloat16>)
            acc = qfloat16(float(acc) + float(step));
        else
            acc = S(acc + step);
        store<D>(out + i * sizeof(D), castValue<D>(acc));
    }
}

template <typename D, typename A> void encodeLoop(const char *in, char *out, std::size_t n)
{
    // np.diff runs in dtype (wrapping for integers), then the result is cast to astype.
    D prev{};
    for (std::size_t i = 0; i < n; ++i) {
        const D cur = load<D>(in + i * sizeof(D));
        D diff;
        if (i == 0)
            diff = cur;
        else if constexpr (std::is_same_v<D, qfloat16>)
            // clang-tidy 14 compares if-constexpr branches across instantiations: not clones.
            diff = qfloat16(float(cur) - float(prev)); // NOLINT(bugprone-branch-clone)
        else if constexpr (std::is_integral_v<D> && !std::is_same_v<D, bool>)
            diff = D(std::make_unsigned_t<D>(cur) - std::make_unsigned_t<D>(prev));
        else
            diff = D(cur - prev);
        store<A>(out + i * sizeof(A), castValue<A>(diff));
        prev = cur;
    }
}

} // namespace

Result<QByteArray> DeltaFilter::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.size() % m_astype.size != 0)
        return codecutil::corrupt("delta", QStringLiteral("%1 bytes is not a whole number of %2 elements")
                                               .arg(encoded.size())
                                               .arg(m_astype.numpyTypeString()));
    const std::size_t n = encoded.size() / m_astype.size;
    ZS_CHECK(size.admits(std::uint64_t(n) * m_dtype.size, "delta"));
    // Work in native byte order: swap the input once, and the output once at the end.
    QByteArray in = encoded;
    if (m_astype.needsSwapFrom(nativeByteOrder())) byteSwap(in.data(), in.size(), m_astype.size);
    QByteArray out(qsizetype(n * m_dtype.size), Qt::Uninitialized);
    withType(m_dtype, [&](auto d) {
        withType(m_astype,
                 [&](auto a) { decodeLoop<decltype(d), decltype(a)>(in.constData(), out.data(), n); });
    });
    if (m_dtype.needsSwapFrom(nativeByteOrder())) byteSwap(out.data(), out.size(), m_dtype.size);
    return out;
}

Result<QByteArray> DeltaFilter::encode(const QByteArray &decoded) const
{
    if (decoded.size() % m_dtype.size != 0)
        return makeError(QStringLiteral("delta: %1 bytes is not a whole number of %2 elements")
                             .arg(decoded.size())
                             .arg(m_dtype.numpyTypeString()));
    const std::size_t n = decoded.size() / m_dtype.size;
    QByteArray in = decoded;
    if (m_dtype.needsSwapFrom(nativeByteOrder())) byteSwap(in.data(), in.size(), m_dtype.size);
    QByteArray out(qsizetype(n * m_astype.size), Qt::Uninitialized);
    withType(m_dtype, [&](auto d) {
        withType(m_astype,
                 [&](auto a) { encodeLoop<decltype(d), decltype(a)>(in.constData(), out.data(), n); });
    });
    if (m_astype.needsSwapFrom(nativeByteOrder())) byteSwap(out.data(), out.size(), m_astype.size);
    return out;
}

} // namespace zs
