#pragma once
// The CF and xarray conventions of one array, resolved once against its hierarchy: dimension
// names, coordinates, descriptive attributes and what its values mean (ValueConventions), with
// every choice and every refusal recorded, so the CLI and the viewer say what was applied.

#include "cf/Coordinates.h"
#include "cf/DimensionNames.h"
#include "cf/NodeLookup.h"
#include "cf/ValueConventions.h"

namespace zs::cf {

struct Conventions
{
    DimensionNames dimensionNames;
    std::vector<Dimension> dimensions; // one per array dimension
    std::vector<Coordinate> auxiliaryCoordinates;
    QString units, longName, standardName; // "" when absent
    ValueConventions values;
    Decisions applied; // includes values.applied
    Decisions refused; // includes values.refused
};

// `lookup` finds coordinate variables; a null lookup resolves the array alone (no coordinates).
Conventions resolveConventions(const NodeMetadata &array, const NodeLookup &lookup);

} // namespace zs::cf
