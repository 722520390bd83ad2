#pragma once
// Parses Zarr v2 (.zarray/.zgroup + .zattrs) and v3 (zarr.json) metadata into NodeMetadata.
// `where` names the document in errors (a key or URL).

#include "metadata/NodeMetadata.h"

namespace zs {

Result<ArrayMetadata> parseV2Array(const nlohmann::json &zarray, const QString &where);
Result<ArrayMetadata> parseV3Array(const nlohmann::json &zarrJson, const QString &where);

// Builds a node from its documents. v2: `zarray` or `zgroup` (one non-null) plus optional `zattrs`.
Result<NodeMetadata> makeV2Node(const QString &path, const nlohmann::json &zarray,
                                const nlohmann::json &zgroup, const nlohmann::json &zattrs,
                                const QString &where);
Result<NodeMetadata> makeV3Node(const QString &path, const nlohmann::json &zarrJson, const QString &where);

// Metadata keys of a node at `path` ("" for the root).
QString joinKey(const QString &path, const QString &name);

} // namespace zs
