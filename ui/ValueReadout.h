#pragma once
// The read-out under the mouse: which sample of the shown selection plot coordinates fall on,
// and the line of text naming its indices and value.

#include "selection/Selection.h"

#include <QString>
#include <functional>
#include <optional>

namespace zs {

struct ReadoutAxes
{
    DimSelection x;
    std::optional<DimSelection> y; // absent for a line plot
    QString xName;
    QString yName;
};

// The sample index along `d` nearest plot coordinate `coord` (array index space), or -1 outside.
long long sampleAt(const DimSelection &d, double coord);

// "y = 12   x = 40   value = 3.5" (or "x = 40   value = 3.5" for a line); empty outside the data.
// `valueAt(ix, iy)` gives the shown value of a sample (iy is 0 for a line).
QString readoutText(const ReadoutAxes &axes, double key, double value,
                    const std::function<double(long long, long long)> &valueAt);

} // namespace zs
