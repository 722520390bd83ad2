#include "cf/DecodedType.h"

namespace zs::cf {

DataType floatType(std::size_t bytes)
{
    DataType t;
    t.kind = DataType::Kind::Float;
    t.size = bytes;
    t.order = nativeByteOrder();
    t.name = QStringLiteral("float%1").arg(bytes * 8);
    return t;
}

std::optional<DataType> decodedTypeOf(const DataType &stored, bool masks, bool unpacks, bool hasOffset,
                                      QString *why)
{
    using K = DataType::Kind;
    if (!masks && !unpacks) return std::nullopt;
    if (masks && stored.kind == K::Bool) {
        if (why)
            *why = QStringLiteral("a bool array with a fill value: xarray masks it into an object array; "
                                  "values left as stored");
        return std::nullopt;
    }
    const bool integer = stored.kind == K::Int || stored.kind == K::UInt;
    // After masking: what can hold NaN. Floats keep their size (float16 too).
    std::size_t bytes = stored.size;
    bool isFloat = stored.kind == K::Float;
    QStringList steps;
    if (masks) {
        if (integer) bytes = stored.size <= 2 ? 4 : 8;
        isFloat = true;
        steps << QStringLiteral("masking makes %1 float%2").arg(stored.numpyTypeString()).arg(bytes * 8);
    }
    if (unpacks) {
        const std::size_t before = bytes;
        if (isFloat)
            bytes = bytes <= 4 ? 4 : 8;
        else if (integer && bytes <= 2 && !hasOffset)
            bytes = 4;
        else
            bytes = 8; // wider integers, any integer with an offset, bool
        steps << QStringLiteral("unpacking %1%2 gives float%3")
                     .arg(isFloat ? QStringLiteral("float%1").arg(before * 8) : stored.numpyTypeString(),
                          hasOffset ? QStringLiteral(" with add_offset") : QString())
                     .arg(bytes * 8);
    }
    if (why) *why = steps.join(QStringLiteral(", "));
    return floatType(bytes);
}

} // namespace zs::cf
