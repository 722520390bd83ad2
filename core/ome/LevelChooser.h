#pragma once
// Which level of a pyramid to draw: for a visible region of the image plane (in physical units)
// and the screen pixels it fills, the coarsest level whose pixels are no larger than a screen
// pixel, so the picture is as sharp as the screen and no sharper; and the part of that level
// to read.

#include "ome/OmeImage.h"

namespace zs::ome {

struct PhysicalRect
{
    double y0 = 0, x0 = 0; // the corner nearest index 0, physical units
    double height = 0, width = 0;
};

struct IndexRange
{
    std::uint64_t begin = 0, end = 0; // [begin, end) along one axis
    bool operator==(const IndexRange &) const = default;
};

// The level to read. `screenHeight`/`screenWidth` are the device pixels the region fills.
std::size_t chooseLevel(const OmeImage &image, const PhysicalRect &visible, int screenHeight,
                        int screenWidth);

// The whole image plane in physical units (level 0's extent).
PhysicalRect fullExtent(const OmeImage &image);

// The indices of `level` along the plane's (y, x) axes that cover `visible`, clipped to the
// level's shape (empty ranges when the region is outside it).
std::pair<IndexRange, IndexRange> levelRegion(const OmeImage &image, std::size_t level,
                                              const PhysicalRect &visible);

} // namespace zs::ome
