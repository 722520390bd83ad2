#pragma once
// An array's dimension names and where they came from: v3 `dimension_names`, else the
// `_ARRAY_DIMENSIONS` attribute xarray (and GDAL) write on v2 arrays.

#include "cf/Decision.h"
#include "metadata/NodeMetadata.h"

namespace zs::cf {

struct DimensionNames
{
    QStringList names; // one per dimension ("" for an unnamed one), or empty when there are none
    QString source;    // "dimension_names", "_ARRAY_DIMENSIONS" or "" when none
};

// Refusals (an `_ARRAY_DIMENSIONS` of the wrong length or not a list of strings) go to `refused`.
DimensionNames resolveDimensionNames(const NodeMetadata &array, Decisions &refused);

} // namespace zs::cf
