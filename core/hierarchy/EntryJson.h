#pragma once
// `ls --json` rows for hierarchy entries: the node summary of a parsed node, or for a node that
// failed to load the keys that are known ("path", "kind", "zarr_format", and "shape", "chunks",
// "dtype" as far as its document gives them) plus "error".

#include "hierarchy/HierarchyEntry.h"

namespace zs {

nlohmann::ordered_json entrySummary(const HierarchyEntry &entry);

} // namespace zs
