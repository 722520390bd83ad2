#pragma once
// The coordinate variables that go with an exported array, so that xarray opens the export with
// its coordinates: the arrays its dimensions name (cf::resolveDimensions) and its `coordinates`
// attribute names (auxiliary), found in its group or an ancestor. They are exported beside it, in
// one group, each under its own name: xarray finds a variable's coordinates only in its group.
// A selection of the array selects the same indices of each coordinate, dimension by dimension.

#include "metadata/NodeMetadata.h"
#include "selection/Selection.h"
#include "store/Store.h"

#include <vector>

namespace zs {

struct CoordinateExport
{
    NodeMetadata node; // the source coordinate array
    QString outName;   // its name in the exported group
    QString selection; // the array's selection, along the coordinate's own dimensions
};

// Blocks on the store. Coordinates that cannot go along (a dimension the selection drops, a name
// already taken) are left out with a note saying so.
std::vector<CoordinateExport> coordinatesToExport(Store &store, const NodeMetadata &array,
                                                  const Selection &selection, QStringList &notes);

} // namespace zs
