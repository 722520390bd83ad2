#include "cf/ValueConventions.h"

#include "cf/AttributeValues.h"
#include "cf/DecodedType.h"
#include "cf/TimeDecoding.h"

namespace zs::cf {

ValueConventions resolveValueConventions(const NodeMetadata &array)
{
    ValueConventions v;
    if (!array.array) return v;
    v.stored = array.array->dtype;
    const auto &attrs = array.attributes;
    v.packing = resolvePacking(attrs, v.stored, v.refused);
    v.missing = resolveMissingValues(array, v.applied, v.refused);
    v.flags = resolveFlags(attrs, v.applied, v.refused);
    v.time = resolveTimeEncoding(attrs);
    if (attrs.is_object() && attrs.contains("_Unsigned"))
        v.refused.push_back({QStringLiteral("_Unsigned"),
                             QStringLiteral("not applied: values are read with their stored signedness")});

    QString why;
    v.decodedType = decodedTypeOf(v.stored, v.missing.masks(), v.packing.applies(),
                                  v.packing.addOffset.has_value(), &why);
    if (!v.decodedType && (v.missing.masks() || v.packing.applies())) {
        v.refused.push_back({QStringLiteral("decoding"), why});
        return v;
    }
    if (v.packing.applies()) {
        QStringList parts;
        if (v.packing.scaleFactor)
            parts << QStringLiteral("scale_factor %1").arg(numbersText({*v.packing.scaleFactor}));
        if (v.packing.addOffset)
            parts << QStringLiteral("add_offset %1").arg(numbersText({*v.packing.addOffset}));
        v.applied.push_back({QStringLiteral("packing"), parts.join(QStringLiteral(", "))});
    }
    if (v.decodedType) v.applied.push_back({QStringLiteral("decoded type"), why});
    if (v.time) {
        if (auto refusal = timeRefusal(*v.time))
            v.refused.push_back(*refusal);
        else
            v.applied.push_back({QStringLiteral("time"),
                                 QStringLiteral("\"%1\", calendar %2")
                                     .arg(v.time->units, v.time->calendar.isEmpty()
                                                             ? QStringLiteral("standard (CF's default)")
                                                             : v.time->calendar)});
    }
    return v;
}

} // namespace zs::cf
