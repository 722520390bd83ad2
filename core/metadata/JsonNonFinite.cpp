#include "metadata/JsonNonFinite.h"

#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

namespace zs {

namespace {

// U+FDD0 is a Unicode noncharacter: no writer puts it at the start of a real string.
constexpr char kMarker[] = "\xEF\xB7\x90zs:";

struct Token
{
    const char *text;
    double value;
};
const Token kTokens[] = {{"-Infinity", -INFINITY}, {"Infinity", INFINITY}, {"NaN", NAN}};

template <typename Json> bool hasNonFinite(const Json &v)
{
    if (v.is_number_float()) return !std::isfinite(v.template get<double>());
    if (v.is_structured())
        for (const auto &e : v)
            if (hasNonFinite(e)) return true;
    return false;
}

template <typename Json> void markNonFinite(Json &v)
{
    if (v.is_number_float()) {
        const double d = v.template get<double>();
        if (std::isnan(d))
            v = std::string(kMarker) + "NaN";
        else if (std::isinf(d))
            v = std::string(kMarker) + (d > 0 ? "Infinity" : "-Infinity");
    } else if (v.is_structured()) {
        for (auto &e : v)
            markNonFinite(e);
    }
}

template <typename Json> std::string dumpWithTokens(const Json &doc, int indent)
{
    if (!hasNonFinite(doc)) return doc.dump(indent, ' ', false, Json::error_handler_t::replace);
    Json copy = doc;
    markNonFinite(copy);
    std::string text = copy.dump(indent, ' ', false, Json::error_handler_t::replace);
    for (const Token &t : kTokens) {
        const std::string quoted = '"' + std::string(kMarker) + t.text + '"';
        for (std::size_t at = text.find(quoted); at != std::string::npos; at = text.find(quoted, at))
            text.replace(at, quoted.size(), t.text);
    }
    return text;
}

} // namespace

std::optional<QByteArray> quoteNonFiniteTokens(const QByteArray &text)
{
    std::optional<QByteArray> out;
    qsizetype copied = 0; // text[0, copied) is already in out
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (c != 'N' && c != 'I' && c != '-') continue;
        for (const Token &t : kTokens) {
            const qsizetype n = qsizetype(std::strlen(t.text));
            if (text.size() - i < n || std::memcmp(text.constData() + i, t.text, size_t(n)) != 0) continue;
            if (!out) out = QByteArray();
            out->append(text.constData() + copied, i - copied);
            out->append('"').append(kMarker).append(t.text).append('"');
            i += n - 1;
            copied = i + 1;
            break;
        }
    }
    if (out) out->append(text.constData() + copied, text.size() - copied);
    return out;
}

void restoreNonFinite(nlohmann::json &doc)
{
    if (doc.is_string()) {
        const std::string &s = doc.get_ref<const std::string &>();
        if (s.rfind(kMarker, 0) != 0) return;
        for (const Token &t : kTokens)
            if (s.compare(sizeof kMarker - 1, std::string::npos, t.text) == 0) {
                doc = t.value;
                return;
            }
    } else if (doc.is_object()) {
        for (auto &e : doc.items())
            restoreNonFinite(e.value());
    } else if (doc.is_array()) {
        for (auto &e : doc)
            restoreNonFinite(e);
    }
}

std::string dumpJson(const nlohmann::json &doc, int indent)
{
    return dumpWithTokens(doc, indent);
}

std::string dumpJson(const nlohmann::ordered_json &doc, int indent)
{
    return dumpWithTokens(doc, indent);
}

} // namespace zs
