#include "codec/CodecUtil.h"

#include <cmath>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace zs::codecutil {

using nlohmann::json;

static Error fieldError(const QString &codec, const char *field, const char *expected)
{
    return makeError(QStringLiteral("codec \"%1\": \"%2\" must be %3")
                         .arg(codec, QLatin1String(field), QLatin1String(expected)),
                     QStringLiteral("configuration.%1").arg(QLatin1String(field)));
}

static const json *find(const json &config, const char *field)
{
    if (!config.is_object()) return nullptr;
    auto it = config.find(field);
    return it == config.end() ? nullptr : &*it;
}

Result<std::int64_t> intField(const json &config, const char *field, std::optional<std::int64_t> fallback,
                              const QString &codec)
{
    const json *v = find(config, field);
    if (!v || v->is_null()) {
        if (fallback) return *fallback;
        return fieldError(codec, field, "present");
    }
    if (v->is_number_integer()) return v->get<std::int64_t>();
    // JSON writers sometimes emit 5.0 for an integer; accept it when it is whole.
    if (v->is_number_float()) {
        const double d = v->get<double>();
        // Casting a double outside int64's range is undefined: check the range first.
        if (d >= -9.2e18 && d <= 9.2e18 && d == std::floor(d)) return std::int64_t(d);
    }
    return fieldError(codec, field, "an integer");
}

Result<QString> stringField(const json &config, const char *field, std::optional<QString> fallback,
                            const QString &codec)
{
    const json *v = find(config, field);
    if (!v || v->is_null()) {
        if (fallback) return *fallback;
        return fieldError(codec, field, "present");
    }
    if (!v->is_string()) return fieldError(codec, field, "a string");
    return QString::fromStdString(v->get<std::string>());
}

Result<bool> boolField(const json &config, const char *field, std::optional<bool> fallback,
                       const QString &codec)
{
    const json *v = find(config, field);
    if (!v || v->is_null()) {
        if (fallback) return *fallback;
        return fieldError(codec, field, "present");
    }
    if (!v->is_boolean()) return fieldError(codec, field, "true or false");
    return v->get<bool>();
}

Error corrupt(const char *codec, const QString &detail)
{
    QString what = QStringLiteral("%1 data is truncated or corrupt").arg(QLatin1String(codec));
    if (!detail.isEmpty()) what += QStringLiteral(": ") + detail;
    return makeError(what);
}

CappedOutput::CappedOutput(SizeHint hint, std::uint64_t inputSize) : m_hint(hint)
{
    // An exact hint is the size we will produce anyway; a bound is only a ceiling,
    // so start near a typical compression ratio and grow.
    std::uint64_t initial =
        hint.exact ? hint.bytes : std::min(hint.bytes, std::max<std::uint64_t>(inputSize * 4, 1 << 16));
    initial = std::min(initial, kMaxBytes);
    m_buf = QByteArray(qsizetype(initial), Qt::Uninitialized);
}

bool CappedOutput::grow()
{
    if (atCap()) return false;
    const std::uint64_t next = std::min({m_hint.bytes, std::uint64_t(m_buf.size()) * 2 + 1, kMaxBytes});
    if (next <= std::uint64_t(m_buf.size())) return false;
    m_buf.resize(qsizetype(next));
    return true;
}

Error CappedOutput::tooLarge(const char *codec) const
{
    return makeError(QStringLiteral("%1 data decodes to more than the %2 bytes the chunk holds")
                         .arg(QLatin1String(codec))
                         .arg(m_hint.bytes));
}

Result<QByteArray> CappedOutput::finish(const char *codec)
{
    if (m_hint.exact && m_used != m_hint.bytes)
        return makeError(QStringLiteral("%1 data decodes to %2 bytes, chunk holds %3")
                             .arg(QLatin1String(codec))
                             .arg(m_used)
                             .arg(m_hint.bytes));
    m_buf.resize(qsizetype(m_used));
    return std::move(m_buf);
}

} // namespace zs::codecutil
