#pragma once
// An array's coordinates. A dimension's coordinate is a 1-D array named like the dimension, in the
// array's group or the nearest ancestor that has one, with the dimension's length (xarray's
// dimension coordinate, found through groups as CF 1.8 groups search upwards). The `coordinates`
// attribute names auxiliary coordinates (e.g. 2-D lat/lon over y, x), found the same way; their
// dimensions must be dimensions of the array, with the same lengths.

#include "cf/Decision.h"
#include "cf/DimensionNames.h"
#include "cf/NodeLookup.h"

#include <optional>
#include <vector>

namespace zs::cf {

struct Coordinate
{
    QString name;           // as the dimension or the `coordinates` attribute names it
    QString path;           // store path of the coordinate array
    QStringList dimensions; // its own dimension names (may be empty when it has none)
    Shape shape;
    QString units, longName, standardName, axis, positive, calendar; // "" when absent
    NodeMetadata node; // to read it: its own packing and fill values apply to its values
};

struct Dimension
{
    QString name; // "" when unnamed
    std::uint64_t size = 0;
    std::optional<Coordinate> coordinate;
};

std::vector<Dimension> resolveDimensions(const NodeMetadata &array, const DimensionNames &names,
                                         const NodeLookup &lookup, Decisions &applied, Decisions &refused);
std::vector<Coordinate> resolveAuxiliaryCoordinates(const NodeMetadata &array,
                                                    const std::vector<Dimension> &dimensions,
                                                    const NodeLookup &lookup, Decisions &applied,
                                                    Decisions &refused);

} // namespace zs::cf
