#pragma once
// How the Data tab's table turns a stored element into what a cell shows: decoded by the CF
// conventions when "Decode (CF)" is on, else converted as the plot converts it (the chosen
// complex part), and written in the shortest text that reads back as the same value (float32
// values as float32: 0.1f shows as "0.1", not "0.10000000149011612"). A value snapshot: an export
// running on keeps the format it started with, whatever the view shows next.

#include "ValueConverter.h"
#include "cf/ValueDecoder.h"

#include <optional>

namespace zs {

struct TableValueFormat
{
    DataType dtype;
    ComplexPart part = ComplexPart::Magnitude;
    std::optional<cf::ValueDecoder> decoder; // set when decoding

    double value(const char *element) const;
    QString text(double value) const; // "NaN" for NaN
    // Whether the values are single precision (stored float32 or float16, or decoded to it).
    bool singlePrecision() const;
    // Same conversion (the decoder of one array never changes, only whether it is used).
    bool sameAs(const TableValueFormat &other) const;
};

// The shortest text that reads back as `value` (as a float when `asFloat`); "NaN", "inf", "-inf".
QString shortestText(double value, bool asFloat = false);

} // namespace zs
