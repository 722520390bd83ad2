#pragma once
// Node descriptions as JSON, shared by `ls --json`, `info --json` and the GUI's raw view.

#include "metadata/NodeMetadata.h"

namespace zs {

// {"path", "kind", "zarr_format", and for arrays "shape", "chunks", "dtype" (+ "shards" when sharded)}
nlohmann::ordered_json nodeSummary(const NodeMetadata &node);
// The summary plus attributes, fill value, order, dimension names, key encoding and codec chain.
nlohmann::ordered_json nodeDetails(const NodeMetadata &node);
std::string dtypeLabel(const DataType &t);

} // namespace zs
