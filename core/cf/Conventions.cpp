#include "cf/Conventions.h"

#include "cf/AttributeValues.h"

namespace zs::cf {

Conventions resolveConventions(const NodeMetadata &array, const NodeLookup &lookup)
{
    Conventions c;
    if (!array.array) return c;
    c.dimensionNames = resolveDimensionNames(array, c.refused);
    if (!c.dimensionNames.source.isEmpty())
        c.applied.push_back(
            {QStringLiteral("dimension names"),
             QStringLiteral("%1 from %2")
                 .arg(c.dimensionNames.names.join(QStringLiteral(", ")), c.dimensionNames.source)});
    c.dimensions = resolveDimensions(array, c.dimensionNames, lookup, c.applied, c.refused);
    c.auxiliaryCoordinates = resolveAuxiliaryCoordinates(array, c.dimensions, lookup, c.applied, c.refused);
    const auto &a = array.attributes;
    c.units = textAttribute(a, "units").value_or(QString());
    c.longName = textAttribute(a, "long_name").value_or(QString());
    c.standardName = textAttribute(a, "standard_name").value_or(QString());
    c.values = resolveValueConventions(array);
    c.applied.insert(c.applied.end(), c.values.applied.begin(), c.values.applied.end());
    c.refused.insert(c.refused.end(), c.values.refused.begin(), c.values.refused.end());
    return c;
}

} // namespace zs::cf
