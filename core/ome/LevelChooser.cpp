#include "ome/LevelChooser.h"

#include <algorithm>
#include <cmath>

namespace zs::ome {

namespace {

// Index range of one axis covering [from, from + length) physically.
IndexRange coveringRange(const Transform &t, int axis, double from, double length, std::uint64_t size)
{
    const double scale = t.scale[std::size_t(axis)];
    const double origin = t.offset(axis);
    const double first = std::floor((from - origin) / scale);
    const double last = std::ceil((from + length - origin) / scale);
    const auto clip = [size](double v) { return std::uint64_t(std::clamp(v, 0.0, double(size))); };
    IndexRange r{clip(first), clip(last)};
    if (r.end < r.begin) r.end = r.begin;
    return r;
}

} // namespace

std::size_t chooseLevel(const OmeImage &image, const PhysicalRect &visible, int screenHeight, int screenWidth)
{
    if (image.levels.empty() || screenHeight <= 0 || screenWidth <= 0) return 0;
    const auto [yAxis, xAxis] = image.planeAxes();
    const double pixelY = visible.height / screenHeight;
    const double pixelX = visible.width / screenWidth;
    // A hair of slack: a level exactly as fine as the screen must not lose to rounding.
    constexpr double slack = 1.0 + 1e-9;
    std::size_t chosen = 0;
    for (std::size_t i = 0; i < image.levels.size(); ++i) {
        const Transform &t = image.levels[i].transform;
        if (t.scale[std::size_t(yAxis)] <= pixelY * slack && t.scale[std::size_t(xAxis)] <= pixelX * slack)
            chosen = i;
    }
    return chosen;
}

PhysicalRect fullExtent(const OmeImage &image)
{
    const auto [yAxis, xAxis] = image.planeAxes();
    const ImageLevel &level = image.levels.front();
    const Transform &t = level.transform;
    return PhysicalRect{t.offset(yAxis), t.offset(xAxis),
                        double(level.array().shape[std::size_t(yAxis)]) * t.scale[std::size_t(yAxis)],
                        double(level.array().shape[std::size_t(xAxis)]) * t.scale[std::size_t(xAxis)]};
}

std::pair<IndexRange, IndexRange> levelRegion(const OmeImage &image, std::size_t level,
                                              const PhysicalRect &visible)
{
    const auto [yAxis, xAxis] = image.planeAxes();
    const ImageLevel &l = image.levels[level];
    return {
        coveringRange(l.transform, yAxis, visible.y0, visible.height, l.array().shape[std::size_t(yAxis)]),
        coveringRange(l.transform, xAxis, visible.x0, visible.width, l.array().shape[std::size_t(xAxis)])};
}

} // namespace zs::ome
