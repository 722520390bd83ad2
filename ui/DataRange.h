#pragma once
// Colour range estimation for the image view: percentile clipping so a few outliers
// (or fill values) do not wash out the picture.

#include <utility>
#include <vector>

namespace zs {

struct ValueRange
{
    double lower = 0;
    double upper = 1;
    bool valid = false; // false when there were no finite values
};

// The `lowPercent` and `highPercent` percentiles (0..100) of the finite values. Large inputs
// are subsampled evenly, which is plenty for a colour scale.
ValueRange percentileRange(const std::vector<double> &values, double lowPercent = 2, double highPercent = 98);

// The smallest range holding both (an invalid one contributes nothing).
ValueRange unite(const ValueRange &a, const ValueRange &b);

} // namespace zs
