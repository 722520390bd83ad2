#pragma once
// The one definition of each figure the product reports: `bench --json`, `demo`, `scrub`, the
// Timing tab and its CSV/JSON exports all compute them here, so two views of one run never
// disagree. Percentiles interpolate linearly between order statistics, as NumPy's default and
// Python's statistics.median do, so figures compare with the Python peers' own.

#include <optional>
#include <vector>

namespace zs {

// The p-th percentile (p in [0, 100]) of `values`; 0 for no values.
double percentile(std::vector<double> values, double p);
double median(std::vector<double> values);

// How many times faster `faster` is than `baseline` (both durations); nullopt when either is
// missing or not positive.
std::optional<double> speedup(double baselineSeconds, double fasterSeconds);

// count / seconds, 0 for no time.
double perSecond(double count, double seconds);

} // namespace zs
