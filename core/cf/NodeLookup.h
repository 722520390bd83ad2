#pragma once
// How the conventions layer finds other nodes (coordinate variables) by path: a function, so the
// CLI asks the store and the browser answers from the hierarchy it already discovered.

#include "hierarchy/HierarchyEntry.h"
#include "store/Store.h"

#include <functional>

namespace zs::cf {

// The node at a store path, loaded or failed with its reason; nullopt when nothing is there.
using NodeLookup = std::function<std::optional<HierarchyEntry>(const QString &path)>;

// Asks the store (blocking, one node's documents at a time); remembers each answer.
NodeLookup storeLookup(std::shared_ptr<Store> store);
// Answers from discovered entries (no I/O).
NodeLookup entriesLookup(std::shared_ptr<const HierarchyEntries> entries);

// The groups a name is looked up in, nearest first: the array's own group, then each ancestor.
QStringList enclosingGroups(const QString &arrayPath);
QString childPath(const QString &group, const QString &name);

} // namespace zs::cf
