#pragma once
// An array's codec chain as a person reads it: one short phrase per step with its key parameters
// ("blosc lz4, level 5, shuffle", "zstd level 3", "bytes little-endian", "delta int32"), v3 steps
// joined in encode order, v2 arrays in v2 terms (filters, then the compressor), a sharded array's
// inner chain under its "sharding 4×4 inner chunks" step. Made from the metadata document as
// stored, so the names are the ones the user would find in the file.

#include <QString>
#include <nlohmann/json_fwd.hpp>

namespace zs {

// One step from its name (a v3 codec name, "numcodecs.<id>", or a v2 numcodecs id) and its
// parameters (v3 "configuration", or the v2 codec object itself).
QString codecStepText(const QString &name, const nlohmann::json &config);
// A v3 "codecs" array: steps joined with " → "; a sharding step adds indented lines with its
// inner chunks' and its index's chains.
QString v3CodecsText(const nlohmann::json &codecs);
// A v2 array's "filters" (null or a list) and "compressor" (null or an object), on two lines.
QString v2CodecsText(const nlohmann::json &filters, const nlohmann::json &compressor);
// The chain of the array whose document (.zarray or zarr.json) is `doc`.
QString codecChainText(const nlohmann::json &doc, int zarrFormat);
// The part of `doc` the chain comes from, as indented JSON (for a tooltip beside the text).
QString codecChainJson(const nlohmann::json &doc, int zarrFormat);

} // namespace zs
