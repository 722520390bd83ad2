#pragma once
// Hierarchy entries from consolidated metadata: v2 `.zmetadata` or the `consolidated_metadata`
// of a v3 root zarr.json. One bad entry spoils only itself.

#include "hierarchy/NodeEntry.h"

namespace zs {

// `doc` is the .zmetadata document; `where` names it in errors.
Result<HierarchyEntries> v2ConsolidatedEntries(const nlohmann::json &doc, const QString &where);
// `root` is the root zarr.json, which holds consolidated_metadata.
Result<HierarchyEntries> v3ConsolidatedEntries(const nlohmann::json &root, const QString &where);

} // namespace zs
