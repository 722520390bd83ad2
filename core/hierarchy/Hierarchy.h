#pragma once
// Finding nodes in a store: one node's metadata by path, and every node in the store,
// from consolidated metadata when the store has it, else by walking its listing.
// These block on the store's futures: call them from a worker thread in the GUI.

#include "hierarchy/HierarchyEntry.h"
#include "metadata/NodeMetadata.h"
#include "store/Store.h"

#include <vector>

namespace zs {

// The node at `path` ("" for the root): zarr.json first, then .zarray, then .zgroup.
Result<NodeMetadata> loadNode(Store &store, const QString &path);
// The node at `path` as an entry (loaded, or failed with its reason); nullopt when no node is there.
// For callers to whom "absent" and "broken" mean different things (a coordinate looked up by name).
std::optional<HierarchyEntry> findNode(Store &store, const QString &path);

// The same for several nodes at once, in the order of `paths`: every metadata document of every
// node requested together (one round trip, a few requests more than probing them in turn).
std::vector<std::optional<HierarchyEntry>> findNodes(Store &store, const QStringList &paths);

// Every node, sorted by path, the root first. A node that fails to load is kept with its error
// and the walk goes on (a browser shows it inline); the store as a whole failing is an error.
Result<HierarchyEntries> discoverHierarchy(Store &store);

// Every node, sorted by path, the root first; the first node that fails to load is the error.
Result<std::vector<NodeMetadata>> listNodes(Store &store);

// Consolidated metadata, if the root has it (v3 zarr.json "consolidated_metadata" or v2 .zmetadata);
// an empty optional when it has none.
Result<std::optional<std::vector<NodeMetadata>>> loadConsolidated(Store &store);

} // namespace zs
