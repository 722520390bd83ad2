#include "cf/DimensionNames.h"

namespace zs::cf {

DimensionNames resolveDimensionNames(const NodeMetadata &array, Decisions &refused)
{
    DimensionNames out;
    if (!array.array) return out;
    const std::size_t rank = array.array->shape.size();
    if (!array.array->dimensionNames.isEmpty()) {
        out.names = array.array->dimensionNames;
        out.source = QStringLiteral("dimension_names");
        return out;
    }
    const auto &attrs = array.attributes;
    if (!attrs.is_object() || !attrs.contains("_ARRAY_DIMENSIONS")) return out;
    const auto &list = attrs["_ARRAY_DIMENSIONS"];
    const QString what = QStringLiteral("_ARRAY_DIMENSIONS");
    if (!list.is_array()) {
        refused.push_back({what, QStringLiteral("not a list: %1").arg(QString::fromStdString(list.dump()))});
        return out;
    }
    if (list.size() != rank) {
        refused.push_back(
            {what, QStringLiteral("names %1 dimensions, the array has %2").arg(list.size()).arg(rank)});
        return out;
    }
    QStringList names;
    for (const auto &n : list) {
        if (!n.is_string()) {
            refused.push_back(
                {what, QStringLiteral("%1 is not a name").arg(QString::fromStdString(n.dump()))});
            return out;
        }
        names << QString::fromStdString(n.get<std::string>());
    }
    out.names = names;
    out.source = what;
    return out;
}

} // namespace zs::cf
