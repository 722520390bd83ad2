#pragma once
// Builds codec chains from metadata. v3 codecs are looked up by their "name";
// v2 compressors and filters by their numcodecs "id". An unknown name is an error
// that names it ("unknown codec \"lzma\"").

#include "codec/CodecChain.h"

#include <nlohmann/json_fwd.hpp>
#include <variant>

namespace zs {

using AnyCodec = std::variant<ArrayToArrayPtr, ArrayToBytesPtr, BytesToBytesPtr>;

// One v3 codec from {"name": ..., "configuration": {...}} (or a bare name string).
// `decoded` is the spec of the array the codec receives when encoding (needed by
// sharding to check its inner chunk shape and by blosc/transpose to validate).
Result<AnyCodec> makeV3Codec(const nlohmann::json &codec, const ChunkSpec &decoded);

// A whole v3 "codecs" list, checked for order: array->array*, exactly one array->bytes, bytes->bytes*.
Result<CodecChain> makeV3Chain(const nlohmann::json &codecs, const ChunkSpec &chunk);

// A v2 array: optional `filters` (list or null), optional `compressor` (object or null),
// `order` 'C' or 'F'. The chain decodes to C order in the dtype's declared byte order.
Result<CodecChain> makeV2Chain(const nlohmann::json &compressor, const nlohmann::json &filters, char order,
                               const ChunkSpec &chunk);

// v2 object arrays ("dtype": "|O"): the variable-length type the object codec gives them.
// zarr-python puts the object codec first in `filters` (with no filters it may be the
// compressor): vlen-utf8 -> "string", vlen-bytes -> "bytes", json2 -> "json2"; a categorize
// filter of object dtype (zarr-python accepts it in place of one) -> "string". vlen-array,
// pickle and msgpack2 are refused by name, as is an object array without an object codec.
// The error's `where` names the field. makeV2Chain then uses that codec as the array->bytes codec.
Result<DataType> v2ObjectDataType(const nlohmann::json &compressor, const nlohmann::json &filters);

} // namespace zs
