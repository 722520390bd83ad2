#include "codec/AsTypeFilter.h"
#include "codec/CodecUtil.h"
#include "codec/ElementCast.h"

#include <nlohmann/json.hpp>

namespace zs {

using namespace elements;

Result<QByteArray> castElements(const QByteArray &in, const DataType &from, const DataType &to,
                                const char *codec)
{
    if (in.size() % from.size != 0)
        return codecutil::corrupt(codec, QStringLiteral("%1 bytes is not a whole number of %2 elements")
                                             .arg(in.size())
                                             .arg(from.numpyTypeString()));
    const std::size_t n = in.size() / from.size;
    QByteArray src = in;
    if (from.needsSwapFrom(nativeByteOrder())) byteSwap(src.data(), src.size(), from.size);
    QByteArray out(qsizetype(n * to.size), Qt::Uninitialized);
    std::optional<std::size_t> bad;
    withType(from, [&](auto f) {
        using F = decltype(f);
        withType(to, [&](auto t) {
            using T = decltype(t);
            for (std::size_t i = 0; i < n && !bad; ++i) {
                const F v = load<F>(src.constData() + i * sizeof(F));
                if constexpr (isFloat<F> && !isFloat<T>) {
                    if (auto r = checkedFromDouble<T>(toDouble(v)))
                        store<T>(out.data() + i * sizeof(T), *r);
                    else
                        bad = i;
                } else {
                    store<T>(out.data() + i * sizeof(T), castValue<T>(v));
                }
            }
        });
    });
    if (bad)
        return makeError(QStringLiteral("%1: element %2 (%3) does not fit %4")
                             .arg(QLatin1String(codec))
                             .arg(*bad)
                             .arg(from.numpyTypeString(), to.numpyTypeString()));
    if (to.needsSwapFrom(nativeByteOrder())) byteSwap(out.data(), out.size(), to.size);
    return out;
}

AsTypeFilter::AsTypeFilter(DataType decodeType, DataType encodeType)
    : m_decodeType(std::move(decodeType)), m_encodeType(std::move(encodeType))
{
}

static bool supported(const DataType &t)
{
    return isPlainNumber(t, true);
}

Result<std::shared_ptr<AsTypeFilter>> AsTypeFilter::fromConfig(const nlohmann::json &config,
                                                               const std::optional<DataType> &arrayType)
{
    // numcodecs requires both; zarr-python 3 fills decode_dtype from the array.
    if (!config.is_object() || !config.contains("encode_dtype"))
        return makeError(QStringLiteral("astype filter needs \"encode_dtype\""),
                         QStringLiteral("configuration.encode_dtype"));
    ZS_TRY(FilterTypes t, readFilterTypes(config, QStringLiteral("astype"), "decode_dtype", "encode_dtype",
                                          arrayType, supported));
    return std::make_shared<AsTypeFilter>(t.dtype, t.astype);
}

nlohmann::json AsTypeFilter::configuration() const
{
    return {{"id", "astype"},
            {"encode_dtype", m_encodeType.numpyTypeString().toStdString()},
            {"decode_dtype", m_decodeType.numpyTypeString().toStdString()}};
}

Result<QByteArray> AsTypeFilter::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.size() % m_encodeType.size == 0)
        ZS_CHECK(
            size.admits(std::uint64_t(encoded.size()) / m_encodeType.size * m_decodeType.size, "astype"));
    return castElements(encoded, m_encodeType, m_decodeType, "astype");
}

Result<QByteArray> AsTypeFilter::encode(const QByteArray &decoded) const
{
    return castElements(decoded, m_decodeType, m_encodeType, "astype");
}

} // namespace zs
