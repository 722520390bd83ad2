#include "ValueReadout.h"

#include <cmath>

namespace zs {

long long sampleAt(const DimSelection &d, double coord)
{
    const double i = std::round((coord - double(d.start)) / double(d.step));
    return i < 0 || i >= double(d.count) ? -1 : (long long)(i);
}

QString readoutText(const ReadoutAxes &axes, double key, double value,
                    const std::function<double(long long, long long)> &valueAt)
{
    const long long ix = sampleAt(axes.x, key);
    if (ix < 0) return {};
    const std::uint64_t x = axes.x.start + std::uint64_t(ix) * axes.x.step;
    if (!axes.y) {
        return QStringLiteral("%1 = %2   value = %3").arg(axes.xName).arg(x).arg(valueAt(ix, 0), 0, 'g', 8);
    }
    const long long iy = sampleAt(*axes.y, value);
    if (iy < 0) return {};
    return QStringLiteral("%1 = %2   %3 = %4   value = %5")
        .arg(axes.yName)
        .arg(axes.y->start + std::uint64_t(iy) * axes.y->step)
        .arg(axes.xName)
        .arg(x)
        .arg(valueAt(ix, iy), 0, 'g', 8);
}

} // namespace zs
