#pragma once
// What the Statistics panel says about the values the Data tab shows: counts, extremes, mean,
// population standard deviation (NumPy's default ddof=0), the 2 and 98 % percentiles (exact, with
// NumPy's default linear interpolation) and a histogram, all over the values that are not NaN
// (missing, masked or not read), as NumPy's nan* functions see them. Pure computation: no widgets,
// safe on a worker thread.

#include <cstdint>
#include <limits>
#include <vector>

namespace zs {

// Equal-width bins over [lower, upper] of the finite values; the last bin holds `upper` too.
struct Histogram
{
    double lower = 0;
    double upper = 0;
    std::vector<std::uint64_t> counts;

    double binWidth() const { return counts.empty() ? 0 : (upper - lower) / double(counts.size()); }
    double edge(std::size_t i) const; // lower edge of bin i; edge(counts.size()) is upper
};

struct SliceStatistics
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::uint64_t count = 0;   // values that are not NaN
    std::uint64_t missing = 0; // NaN values
    double min = kNaN;         // NaN while count is 0
    double max = kNaN;
    double mean = kNaN;
    double stddev = kNaN; // population (ddof 0)
    double p2 = kNaN;
    double p98 = kNaN;
    Histogram histogram; // empty when there is no finite value
};

constexpr int kHistogramBins = 64;

SliceStatistics computeStatistics(const std::vector<double> &values, int bins = kHistogramBins);

// The `percent` percentile (0..100) of `values` (none NaN) as numpy.percentile's default "linear"
// method gives it; reorders `values`. NaN for an empty vector.
double linearPercentile(std::vector<double> &values, double percent);

} // namespace zs
