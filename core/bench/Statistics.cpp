#include "bench/Statistics.h"

#include <algorithm>
#include <cmath>

namespace zs {

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size() - 1);
    const std::size_t lo = std::size_t(std::floor(rank));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

double median(std::vector<double> values)
{
    return percentile(std::move(values), 50);
}

std::optional<double> speedup(double baselineSeconds, double fasterSeconds)
{
    if (!(baselineSeconds > 0) || !(fasterSeconds > 0)) return std::nullopt;
    return baselineSeconds / fasterSeconds;
}

double perSecond(double count, double seconds)
{
    return seconds > 0 ? count / seconds : 0;
}

} // namespace zs
