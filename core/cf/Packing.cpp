#include "cf/Packing.h"

#include "cf/AttributeValues.h"

namespace zs::cf {

static std::optional<double> oneNumber(const nlohmann::json &attrs, const char *name, Decisions &refused)
{
    QString problem;
    const auto values = numbersAttribute(attrs, name, &problem);
    if (!problem.isEmpty()) {
        refused.push_back({QString::fromLatin1(name), problem});
        return std::nullopt;
    }
    if (!values) return std::nullopt;
    if (values->size() != 1) {
        refused.push_back(
            {QString::fromLatin1(name), QStringLiteral("%1 values where one is meant").arg(values->size())});
        return std::nullopt;
    }
    return values->front();
}

Packing resolvePacking(const nlohmann::json &attrs, const DataType &stored, Decisions &refused)
{
    Packing p;
    const bool present =
        attrs.is_object() && (attrs.contains("scale_factor") || attrs.contains("add_offset"));
    if (!present) return p;
    using K = DataType::Kind;
    const bool numeric =
        stored.kind == K::Bool || stored.kind == K::Int || stored.kind == K::UInt || stored.kind == K::Float;
    if (!numeric) {
        refused.push_back({QStringLiteral("packing"),
                           QStringLiteral("scale_factor/add_offset on a %1 array: values left as stored")
                               .arg(stored.numpyTypeString())});
        return p;
    }
    p.scaleFactor = oneNumber(attrs, "scale_factor", refused);
    p.addOffset = oneNumber(attrs, "add_offset", refused);
    return p;
}

} // namespace zs::cf
