#include "ome/OmeFields.h"

#include <cmath>

namespace zs::ome {

using nlohmann::json;

namespace {

QString typeName(const json &v)
{
    if (v.is_null()) return QStringLiteral("null");
    if (v.is_boolean()) return QStringLiteral("a boolean");
    if (v.is_number()) return QStringLiteral("a number");
    if (v.is_string()) return QStringLiteral("a string");
    if (v.is_array()) return QStringLiteral("a list");
    return QStringLiteral("an object");
}

} // namespace

QString Fields::pathOf(const char *name) const
{
    const QString field = QString::fromLatin1(name);
    return m_where.isEmpty() ? field : m_where + u'.' + field;
}

QString Fields::itemPath(const QString &list, std::size_t index)
{
    return QStringLiteral("%1[%2]").arg(list).arg(index);
}

bool Fields::has(const char *name) const
{
    return find(name) != nullptr;
}

const json *Fields::find(const char *name) const
{
    const auto it = m_object.find(name);
    if (it == m_object.end() || it->is_null()) return nullptr;
    return &*it;
}

Error Fields::error(const QString &what, const char *name) const
{
    return makeError(what, name ? pathOf(name) : m_where);
}

Result<const json *> Fields::list(const char *name, bool nonEmpty) const
{
    const json *v = find(name);
    if (!v) return error(QStringLiteral("missing"), name);
    if (!v->is_array()) return error(QStringLiteral("is %1, not a list").arg(typeName(*v)), name);
    if (nonEmpty && v->empty()) return error(QStringLiteral("is empty"), name);
    return v;
}

Result<QString> Fields::text(const char *name) const
{
    if (!find(name)) return error(QStringLiteral("missing"), name);
    return optionalText(name);
}

Result<QString> Fields::optionalText(const char *name) const
{
    const json *v = find(name);
    if (!v) return QString();
    if (!v->is_string()) return error(QStringLiteral("is %1, not a string").arg(typeName(*v)), name);
    return QString::fromStdString(v->get<std::string>());
}

Result<std::optional<double>> Fields::optionalNumber(const char *name) const
{
    const json *v = find(name);
    if (!v) return std::optional<double>();
    if (!v->is_number() || v->is_boolean() || !std::isfinite(v->get<double>()))
        return error(QStringLiteral("is %1, not a finite number").arg(QString::fromStdString(v->dump())),
                     name);
    return std::optional<double>(v->get<double>());
}

Result<std::optional<std::int64_t>> Fields::optionalInteger(const char *name) const
{
    const json *v = find(name);
    if (!v) return std::optional<std::int64_t>();
    if (!v->is_number_integer())
        return error(QStringLiteral("is %1, not an integer").arg(QString::fromStdString(v->dump())), name);
    return std::optional<std::int64_t>(v->get<std::int64_t>());
}

Result<bool> Fields::optionalBool(const char *name, bool fallback) const
{
    const json *v = find(name);
    if (!v) return fallback;
    if (!v->is_boolean()) return error(QStringLiteral("is %1, not true or false").arg(typeName(*v)), name);
    return v->get<bool>();
}

Result<std::vector<double>> Fields::numbers(const char *name) const
{
    ZS_TRY(const json *v, list(name, true));
    std::vector<double> out;
    out.reserve(v->size());
    for (const json &item : *v) {
        if (!item.is_number() || item.is_boolean() || !std::isfinite(item.get<double>()))
            return error(
                QStringLiteral("holds %1, not a finite number").arg(QString::fromStdString(item.dump())),
                name);
        out.push_back(item.get<double>());
    }
    return out;
}

Result<Fields> objectAt(const json &value, const QString &where)
{
    if (!value.is_object())
        return makeError(QStringLiteral("is %1, not an object").arg(typeName(value)), where);
    return Fields(value, where);
}

} // namespace zs::ome
