#pragma once
// Chooses the codecs of an exported array. By default the source's own codecs are kept; when
// they cannot be written in the target format (v2 has no sharding or crc32c, v3's core has no
// zlib, lz4 or bz2, v2 filters have no v3 core equivalent) the nearest equivalent is used and
// a note says so. The data itself never changes: chunks are decoded and encoded again.

#include "export/ExportOptions.h"
#include "metadata/NodeMetadata.h"

namespace zs {

struct TargetCodecs
{
    // v2: the .zarray fields
    nlohmann::json compressor; // null = none
    nlohmann::json filters;    // null = none
    char order = 'C';
    // v3: the "codecs" list
    nlohmann::json codecs = nlohmann::json::array();
    bool unsharded = false; // a sharded source is written with plain chunks
    QStringList notes;
};

// Whether the source's sharding can be kept: v3 to v3, source codecs, same chunks and dimensions.
bool keepsSharding(const NodeMetadata &source, int targetFormat, ExportCodec codec, bool layoutChanged);

// A v3 sharding_indexed codec holding `innerChunks` chunks encoded by `innerCodecs`.
nlohmann::json shardingCodec(const Shape &innerChunks, const nlohmann::json &innerCodecs);

// `layoutChanged`: the chunk shape or the number of dimensions differs from the source's
// (sharding and transposes tied to the old layout are dropped). `ndim` is the output's rank.
TargetCodecs targetCodecs(const NodeMetadata &source, int targetFormat, ExportCodec codec, bool layoutChanged,
                          std::size_t ndim);

} // namespace zs
