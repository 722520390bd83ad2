#pragma once
// Turns one node's metadata documents into a hierarchy entry: the parsed node, or the reason it
// failed together with what is known of it (kind, format, the documents that parsed). Shared by
// the walk of a listing and by consolidated metadata, so both report a bad node the same way.

#include "hierarchy/HierarchyEntry.h"

namespace zs {

// A document as read: its JSON (null when the key is absent) or why it could not be read.
using DocumentResult = Result<nlohmann::json>;

// A v3 node from its zarr.json.
HierarchyEntry v3Entry(const QString &path, const DocumentResult &zarrJson, const QString &where);
// A v2 node from .zarray or .zgroup (one of them present) and .zattrs (may be absent).
HierarchyEntry v2Entry(const QString &path, const DocumentResult &zarray, const DocumentResult &zgroup,
                       const DocumentResult &zattrs, const QString &where);

} // namespace zs
