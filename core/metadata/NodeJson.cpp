#include "metadata/NodeJson.h"

namespace zs {

using nlohmann::json;
using nlohmann::ordered_json;

std::string dtypeLabel(const DataType &t)
{
    return t.name.toStdString();
}

ordered_json nodeSummary(const NodeMetadata &node)
{
    ordered_json j = {{"path", node.path.toStdString()},
                      {"kind", node.isArray() ? "array" : "group"},
                      {"zarr_format", node.zarrFormat}};
    if (node.isArray()) {
        const ArrayMetadata &a = *node.array;
        j["shape"] = a.shape;
        // As zarr-python 3 reports them: "chunks" is the read unit, "shards" the stored object.
        if (a.innerChunks.empty()) {
            j["chunks"] = a.chunks;
        } else {
            j["chunks"] = a.innerChunks;
            j["shards"] = a.chunks;
        }
        j["dtype"] = dtypeLabel(a.dtype);
    }
    return j;
}

ordered_json nodeDetails(const NodeMetadata &node)
{
    ordered_json j = nodeSummary(node);
    j["attributes"] = node.attributes;
    if (node.isArray()) {
        const ArrayMetadata &a = *node.array;
        j["fill_value"] = a.fillJson;
        if (a.zarrFormat == 2) j["order"] = std::string(1, a.order);
        ordered_json names = ordered_json::array();
        for (const QString &n : a.dimensionNames)
            names.push_back(n.isEmpty() ? ordered_json() : ordered_json(n.toStdString()));
        j["dimension_names"] = a.dimensionNames.isEmpty() ? ordered_json() : names;
        j["chunk_key_encoding"] = {{"name", a.keyEncoding.cPrefix ? "default" : "v2"},
                                   {"separator", std::string(1, char(a.keyEncoding.separator.toLatin1()))}};
        j["chunk_count"] = a.chunkCount();
        j["codecs"] = a.codecs.describe();
        j["numpy_dtype"] = a.dtype.numpyTypeString().toStdString();
    }
    j["metadata"] = node.raw;
    return j;
}

} // namespace zs
