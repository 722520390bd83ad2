#include "SliceStatistics.h"

#include <algorithm>
#include <cmath>

namespace zs {

double Histogram::edge(std::size_t i) const
{
    // As numpy.linspace places them: the last edge is `upper` exactly, not a sum that misses it.
    if (i >= counts.size()) return upper;
    return lower + double(i) * binWidth();
}

double linearPercentile(std::vector<double> &values, double percent)
{
    if (values.empty()) return SliceStatistics::kNaN;
    // numpy: the fraction first, then times (n - 1).
    const double h = (std::clamp(percent, 0.0, 100.0) / 100.0) * (double(values.size()) - 1);
    const auto k = std::size_t(std::floor(h));
    const auto kth = values.begin() + std::ptrdiff_t(k);
    std::nth_element(values.begin(), kth, values.end());
    const double below = *kth;
    if (k + 1 >= values.size()) return below;
    // nth_element leaves everything above position k after it: the next order statistic is their least.
    const double above = *std::min_element(kth + 1, values.end());
    // numpy's _lerp: from the nearer end, so t = 1 gives `above` exactly.
    const double t = h - double(k);
    return t >= 0.5 ? above - (above - below) * (1 - t) : below + (above - below) * t;
}

namespace {

// numpy.histogram's bin for a value within [lower, upper]: scaled, then corrected against the edges.
std::size_t binOf(const Histogram &h, double v, double scale)
{
    const std::size_t n = h.counts.size();
    auto i = std::size_t(std::clamp((v - h.lower) * scale, 0.0, double(n - 1)));
    if (i > 0 && v < h.edge(i))
        --i;
    else if (i + 1 < n && v >= h.edge(i + 1))
        ++i;
    return i;
}

void fillHistogram(const std::vector<double> &values, int bins, SliceStatistics &s)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (lo > hi || bins < 1) return;
    Histogram &h = s.histogram;
    if (lo == hi) { // numpy's range for a constant: one unit around it
        lo -= 0.5;
        hi += 0.5;
    }
    h.lower = lo;
    h.upper = hi;
    h.counts.assign(std::size_t(bins), 0);
    const double scale = double(bins) / (hi - lo);
    for (double v : values) {
        if (std::isfinite(v)) ++h.counts[binOf(h, v, scale)];
    }
}

} // namespace

SliceStatistics computeStatistics(const std::vector<double> &values, int bins)
{
    SliceStatistics s;
    std::vector<double> present;
    present.reserve(values.size());
    double sum = 0;
    for (double v : values) {
        if (std::isnan(v)) continue;
        present.push_back(v);
        sum += v;
    }
    s.count = present.size();
    s.missing = values.size() - present.size();
    if (present.empty()) return s;
    const auto [lo, hi] = std::minmax_element(present.begin(), present.end());
    s.min = *lo;
    s.max = *hi;
    s.mean = sum / double(present.size());
    // Two passes: the squared deviations from the mean, not sum(x²) - n·mean², which cancels badly.
    double squares = 0;
    for (double v : present)
        squares += (v - s.mean) * (v - s.mean);
    s.stddev = std::sqrt(squares / double(present.size()));
    fillHistogram(present, bins, s);
    s.p2 = linearPercentile(present, 2);
    s.p98 = linearPercentile(present, 98);
    return s;
}

} // namespace zs
