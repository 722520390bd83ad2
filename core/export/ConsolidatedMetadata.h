#pragma once
// Consolidated metadata for an exported group, as zarr-python and xarray write it: readers over
// HTTP find every node in one request instead of listing or probing the tree.
//  - v2: a `.zmetadata` document at the root holding every .zgroup/.zarray/.zattrs by key;
//  - v3: the root group's zarr.json gains "consolidated_metadata" with every other node's zarr.json.

#include "export/ExportMetadata.h"

#include <vector>

namespace zs {

// Adds consolidated metadata to `documents` (every document of an export whose root, "", is a
// group written in `format`). Documents of another format are left out of it.
void consolidate(std::vector<MetadataDocument> &documents, int format);

} // namespace zs
