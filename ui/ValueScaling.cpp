#include "ValueScaling.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>

namespace zs {

QStringList valueScalingNames()
{
    return {QCoreApplication::translate("zs::ValueScaling", "linear"),
            QCoreApplication::translate("zs::ValueScaling", "log"),
            QCoreApplication::translate("zs::ValueScaling", "symmetric")};
}

std::size_t hideNonPositive(std::vector<double> &values)
{
    std::size_t hidden = 0;
    for (double &v : values) {
        if (v <= 0) { // NaN compares false: it stays what it was and is not counted
            v = std::numeric_limits<double>::quiet_NaN();
            ++hidden;
        }
    }
    return hidden;
}

ValueRange scaledRange(const ValueRange &range, ValueScaling scaling)
{
    if (!range.valid) return range;
    ValueRange r = range;
    if (scaling == ValueScaling::Symmetric) {
        const double m = std::max(std::abs(range.lower), std::abs(range.upper));
        r.lower = -m;
        r.upper = m;
        if (m == 0) r = ValueRange{-1, 1, true}; // all zeros still need a non-empty range
    } else if (scaling == ValueScaling::Log) {
        if (r.upper <= 0) return ValueRange{};
        if (r.lower <= 0) r.lower = r.upper / 1000;
    }
    return r;
}

} // namespace zs
