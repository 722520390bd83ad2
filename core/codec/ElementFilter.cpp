#include "codec/ElementFilter.h"
#include "codec/CodecUtil.h"

#include <nlohmann/json.hpp>

namespace zs {

Result<ChunkSpec> ElementFilter::encodedSpec(const ChunkSpec &decoded) const
{
    ChunkSpec e = decoded;
    if (auto t = encodedType()) {
        e.dtype = *t;
        e.fill = QByteArray(qsizetype(e.dtype.size), 0);
    }
    return e;
}

Result<FilterTypes> readFilterTypes(const nlohmann::json &config, const QString &codec, const char *dtypeKey,
                                    const char *astypeKey, const std::optional<DataType> &arrayType,
                                    bool (*accepts)(const DataType &))
{
    auto field = [&](const char *key) { return QStringLiteral("configuration.%1").arg(QLatin1String(key)); };
    auto refuse = [&](const char *key, const QString &name, const QString &why) {
        return makeError(
            QStringLiteral("%1 filter does not support %2 \"%3\"%4")
                .arg(codec, QLatin1String(key), name, why.isEmpty() ? QString() : QStringLiteral(": ") + why),
            field(key));
    };
    std::optional<QString> dtypeDefault;
    if (arrayType) dtypeDefault = arrayType->numpyTypeString();
    ZS_TRY(QString dtypeName, codecutil::stringField(config, dtypeKey, dtypeDefault, codec));
    FilterTypes t;
    if (arrayType) {
        t.dtype = *arrayType;
    } else {
        auto d = parseNumpyDtypeName(dtypeName);
        if (!d) return refuse(dtypeKey, dtypeName, d.error().what);
        t.dtype = *d;
    }
    if (!accepts(t.dtype)) return refuse(dtypeKey, arrayType ? arrayType->name : dtypeName, {});

    ZS_TRY(QString astypeName, codecutil::stringField(config, astypeKey, dtypeName, codec));
    auto a = astypeName == dtypeName ? Result<DataType>(t.dtype) : parseNumpyDtypeName(astypeName);
    if (!a) return refuse(astypeKey, astypeName, a.error().what);
    t.astype = *a;
    if (arrayType && t.astype.order != ByteOrder::NotApplicable) t.astype.order = ByteOrder::Little;
    if (!accepts(t.astype)) return refuse(astypeKey, astypeName, {});
    return t;
}

ElementFilterArrayCodec::ElementFilterArrayCodec(std::shared_ptr<const ElementFilter> filter)
    : m_name(QStringLiteral("numcodecs.") + filter->name()), m_filter(std::move(filter))
{
}

nlohmann::json ElementFilterArrayCodec::configuration() const
{
    nlohmann::json c = m_filter->configuration();
    c.erase("id");
    return c;
}

Result<QByteArray> ElementFilterArrayCodec::decode(const QByteArray &encoded, const ChunkSpec &decoded) const
{
    return m_filter->decode(encoded, SizeHint{decoded.byteSize(), true});
}

Result<QByteArray> ElementFilterArrayCodec::encode(const QByteArray &decoded, const ChunkSpec &) const
{
    return m_filter->encode(decoded);
}

} // namespace zs
