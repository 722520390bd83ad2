#pragma once
// How values map onto a colour map (or a line plot's value axis): linearly, logarithmically (for
// values spanning decades; nothing ≤ 0 has a place there) or linearly about zero (for anomalies
// on a diverging map, so zero falls on the map's middle).

#include "DataRange.h"

#include <QStringList>
#include <cstddef>
#include <vector>

namespace zs {

enum class ValueScaling
{
    Linear,
    Log,
    Symmetric
};

QStringList valueScalingNames(); // in the enum's order: "linear", "log", "symmetric" (about 0)

// For the log scale: values ≤ 0 become NaN, so they are drawn in the missing colour and left out
// of the automatic range. Returns how many did.
std::size_t hideNonPositive(std::vector<double> &values);

// The range drawn for `range` under `scaling`: [-m, m] with m the larger magnitude of its bounds
// for symmetric; for log a positive lower bound (three decades below the upper one when the range
// reaches 0 or below), invalid when nothing is positive; `range` itself for linear.
ValueRange scaledRange(const ValueRange &range, ValueScaling scaling);

} // namespace zs
