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

namespace zs {

// What the root's documents say about consolidated metadata, in the order they are read; shared
// by loadConsolidated and the concurrent walk. Each answers the entries (or the consolidated
// document's error), or nullopt when there is none and a listing must find the nodes.

// From the root zarr.json as read: nullopt also when it is unreadable (the walk then reports the
// root's error on the root entry) or a v3 root without consolidated_metadata.
std::optional<Result<HierarchyEntries>> v3ConsolidatedIn(const DocumentResult &rootZarrJson,
                                                         const QString &where);
// Whether the root zarr.json was absent, so that .zmetadata is the next place to look.
bool shouldReadZmetadata(const DocumentResult &rootZarrJson);
// From .zmetadata as read: an unreadable one is an error only when no listing can stand in.
std::optional<Result<HierarchyEntries>> v2ConsolidatedIn(const DocumentResult &zmetadata, bool canList,
                                                         const QString &where);

} // namespace zs
