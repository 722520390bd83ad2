#pragma once
// The read-out line for one cell of the Data tab: every dimension's index (and its coordinate
// value when decoding), the auxiliary coordinates at the cell ("lat 12.50° N, lon 30.25° E"),
// the value (decoded, with units), the stored value beside it when packing applies, and the
// flag's name when flags apply.

#include "ViewConventions.h"

#include <QStringList>

namespace zs {

struct CellReadoutInput
{
    std::vector<std::uint64_t> index;             // the cell's array index, every dimension
    QStringList dimensionNames;                   // labels, one per dimension
    double shown = 0;                             // the value as drawn
    std::optional<double> stored;                 // its stored value (when decoding)
    const ViewConventions *conventions = nullptr; // null: the raw view (indices and value only)
};

// "time 1 (2002-06-02)   lat 7 (-15.00° S)   lon 9 (-85.00° W)   value 285.123 kelvin (stored
// -13027)"; raw: "time 1   lat 7   lon 9   value -13027".
QString cellReadoutText(const CellReadoutInput &in);

// A decoded value as the read-out prints it: as many decimals as a scale_factor gives, else the
// significant digits of its type; "masked" for NaN.
QString valueText(double value, const ViewConventions *conventions);

} // namespace zs
