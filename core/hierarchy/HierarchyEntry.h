#pragma once
// One node found while discovering a store: its metadata, or why it could not be loaded and
// what is known of it anyway (a browser and `ls` still list it, with the reason).

#include "metadata/NodeMetadata.h"

#include <optional>
#include <vector>

namespace zs {

struct HierarchyEntry
{
    QString path;                     // "" for the root
    std::optional<NodeMetadata> node; // empty when loading failed
    QString error;                    // why, shown inline in the tree

    // When loading failed: the kind if known (from the document's name or its node_type), the
    // Zarr format, and the documents as far as they parsed (null when none did).
    std::optional<NodeMetadata::Kind> kind;
    int zarrFormat = 0;
    nlohmann::json raw;
    nlohmann::json attributes;

    bool failed() const { return !node && !error.isEmpty(); }
    std::optional<NodeMetadata::Kind> knownKind() const { return node ? std::optional(node->kind) : kind; }
};

using HierarchyEntries = std::vector<HierarchyEntry>;

} // namespace zs
