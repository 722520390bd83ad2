#include "TableValueFormat.h"

#include <charconv>
#include <cmath>

namespace zs {

double TableValueFormat::value(const char *element) const
{
    if (decoder) return decoder->decode(element);
    return elementToDouble(element, dtype, part);
}

bool TableValueFormat::singlePrecision() const
{
    const DataType &t = decoder ? decoder->decodedType() : dtype;
    return (t.kind == DataType::Kind::Float && t.size <= 4) ||
           (t.kind == DataType::Kind::Complex && t.size <= 8);
}

bool TableValueFormat::sameAs(const TableValueFormat &other) const
{
    return dtype == other.dtype && part == other.part && decoder.has_value() == other.decoder.has_value();
}

QString TableValueFormat::text(double v) const
{
    return shortestText(v, singlePrecision());
}

QString shortestText(double value, bool asFloat)
{
    if (std::isnan(value)) return QStringLiteral("NaN");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    char buffer[64];
    std::to_chars_result r{};
    // A value a float holds exactly is written as that float; anything else needs the double.
    if (asFloat && double(float(value)) == value)
        r = std::to_chars(buffer, buffer + sizeof buffer, float(value));
    else
        r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, r.ptr - buffer);
}

} // namespace zs
