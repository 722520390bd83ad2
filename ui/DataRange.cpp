#include "DataRange.h"

#include <algorithm>
#include <cmath>

namespace zs {

ValueRange percentileRange(const std::vector<double> &values, double lowPercent, double highPercent)
{
    constexpr std::size_t kMaxSamples = 1 << 20;
    const std::size_t stride = std::max<std::size_t>(1, values.size() / kMaxSamples);
    std::vector<double> finite;
    finite.reserve(std::min(values.size(), kMaxSamples + 1));
    for (std::size_t i = 0; i < values.size(); i += stride) {
        if (std::isfinite(values[i])) finite.push_back(values[i]);
    }
    ValueRange r;
    if (finite.empty()) return r;
    auto at = [&](double percent) {
        const std::size_t k = std::min(
            finite.size() - 1, std::size_t(std::llround(percent / 100.0 * double(finite.size() - 1))));
        std::nth_element(finite.begin(), finite.begin() + std::ptrdiff_t(k), finite.end());
        return finite[k];
    };
    r.lower = at(std::clamp(lowPercent, 0.0, 100.0));
    r.upper = at(std::clamp(highPercent, 0.0, 100.0));
    if (r.upper < r.lower) std::swap(r.lower, r.upper);
    if (r.upper == r.lower) { // a constant image still needs a non-empty range
        r.lower -= 0.5;
        r.upper += 0.5;
    }
    r.valid = true;
    return r;
}

ValueRange unite(const ValueRange &a, const ValueRange &b)
{
    if (!a.valid) return b;
    if (!b.valid) return a;
    return ValueRange{std::min(a.lower, b.lower), std::max(a.upper, b.upper), true};
}

} // namespace zs
