#include "metadata/Json.h"

#include "metadata/JsonNonFinite.h"

#include <nlohmann/json.hpp>

namespace zs {

using nlohmann::json;

static constexpr int kMaxDepth = 512;
static constexpr qsizetype kMaxDocument = qsizetype(256) << 20;

Result<json> parseJsonDocument(const QByteArray &text, const QString &where)
{
    if (text.size() > kMaxDocument)
        return makeError(QStringLiteral("metadata document too large (%1 bytes)").arg(text.size()), where);
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                return makeError(QStringLiteral("metadata nested deeper than %1 levels").arg(kMaxDepth),
                                 where);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    // Python's json module writes NaN/Infinity tokens (zarr-python, xarray): read them as floats.
    const std::optional<QByteArray> quoted = quoteNonFiniteTokens(text);
    const QByteArray &input = quoted ? *quoted : text;
    json doc;
    try {
        doc = json::parse(input.constBegin(), input.constEnd());
    } catch (const json::exception &e) { // parse_error, and out_of_range for a number like 1E400
        // "[json.exception.parse_error.101] parse error at line 3, column 9: syntax error ..."
        QString detail = QString::fromUtf8(e.what());
        detail = detail.mid(detail.indexOf(u']') + 1).trimmed();
        if (detail.startsWith(u"parse error ")) detail = detail.mid(12);
        return makeError(QStringLiteral("invalid JSON %1").arg(detail), where);
    }
    if (quoted) restoreNonFinite(doc);
    return doc;
}

Result<Shape> readShape(const json &object, const char *field, bool allowZero, const QString &where)
{
    const QString place = QStringLiteral("%1: %2").arg(where, QLatin1String(field));
    if (!object.is_object() || !object.contains(field))
        return makeError(QStringLiteral("missing field \"%1\"").arg(QLatin1String(field)), where);
    const json &v = object[field];
    if (!v.is_array())
        return makeError(QStringLiteral("\"%1\" must be a list of integers").arg(QLatin1String(field)),
                         place);
    Shape out;
    for (const json &e : v) {
        if (!e.is_number_integer())
            return makeError(QStringLiteral("\"%1\" must be a list of integers, got %2")
                                 .arg(QLatin1String(field), QString::fromStdString(v.dump())),
                             where);
        if (e.is_number_unsigned()) {
            out.push_back(e.get<std::uint64_t>());
        } else {
            const auto x = e.get<std::int64_t>();
            if (x < 0)
                return makeError(
                    QStringLiteral("\"%1\" has a negative entry %2").arg(QLatin1String(field)).arg(x), where);
            out.push_back(std::uint64_t(x));
        }
        if (out.back() == 0 && !allowZero)
            return makeError(QStringLiteral("\"%1\" has a zero entry").arg(QLatin1String(field)), where);
    }
    return out;
}

Result<QString> readString(const json &object, const char *field, const QString &where)
{
    if (!object.is_object() || !object.contains(field))
        return makeError(QStringLiteral("missing field \"%1\"").arg(QLatin1String(field)), where);
    if (!object[field].is_string())
        return makeError(QStringLiteral("\"%1\" must be a string").arg(QLatin1String(field)), where);
    return QString::fromStdString(object[field].get<std::string>());
}

Result<std::uint64_t> checkedProduct(const Shape &shape, std::uint64_t factor, const QString &what)
{
    std::uint64_t n = factor;
    for (auto d : shape) {
        if (d != 0 && n > UINT64_MAX / d) return makeError(QStringLiteral("%1 overflows 64 bits").arg(what));
        n *= d;
    }
    return n;
}

} // namespace zs
