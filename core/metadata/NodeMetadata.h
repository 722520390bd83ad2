#pragma once
// Plain descriptions of a Zarr node (group or array), whichever format it came from.

#include "codec/CodecChain.h"
#include "metadata/ChunkKeyEncoding.h"

#include <QString>
#include <QStringList>
// json.hpp, not json_fwd.hpp: the structs below hold nlohmann::json members by value.
#include <nlohmann/json.hpp>
#include <optional>

namespace zs {

struct ArrayMetadata
{
    int zarrFormat = 2;
    Shape shape;
    Shape chunks;        // the chunk grid: for sharded v3 arrays, the shard shape
    Shape innerChunks;   // sharded arrays: the inner chunk shape; empty otherwise
    DataType dtype;      // in-memory representation (see DataType.h)
    QByteArray fill;     // one element in dtype's in-memory byte order
    QByteArray fillItem; // variable-length dtypes: the fill value's bytes (handle 0 of a read's arena)
    nlohmann::json fillJson;
    char order = 'C'; // v2 only; v3 expresses layout through transpose
    ChunkKeyEncoding keyEncoding;
    QStringList dimensionNames; // empty when the metadata has none; "" for an unnamed dimension
    CodecChain codecs;

    ChunkSpec chunkSpec() const { return ChunkSpec{chunks, dtype, fill, nullptr}; }
    Shape chunkGrid() const; // number of chunks along each dimension
    std::uint64_t chunkCount() const;
};

struct NodeMetadata
{
    enum class Kind
    {
        Group,
        Array
    };
    Kind kind = Kind::Group;
    QString path; // relative to the store root, "" for the root
    int zarrFormat = 2;
    nlohmann::json attributes = nlohmann::json::object();
    nlohmann::json raw; // the metadata document(s) as stored
    std::optional<ArrayMetadata> array;
    // When consolidated metadata held the node: its key there, ".zmetadata"'s "climate/.zgroup" (v2)
    // or the root zarr.json's consolidated_metadata "climate" (v3); empty when read from its own
    // document. The browser says where the raw JSON it shows came from.
    QString consolidatedKey;

    bool isArray() const { return kind == Kind::Array; }
};

// An array's dimension names: v3 `dimension_names`, else the `_ARRAY_DIMENSIONS` attribute xarray
// writes on v2 arrays; empty when it has neither.
QStringList dimensionNamesOf(const NodeMetadata &node);

} // namespace zs
