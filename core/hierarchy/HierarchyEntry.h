#pragma once
// One node found while discovering a store: its metadata, or why it could not be loaded.

#include "metadata/NodeMetadata.h"

#include <optional>
#include <vector>

namespace zs {

struct HierarchyEntry
{
    QString path;                     // "" for the root
    std::optional<NodeMetadata> node; // empty when loading failed
    QString error;                    // why, shown inline in the tree
};

using HierarchyEntries = std::vector<HierarchyEntry>;

} // namespace zs
