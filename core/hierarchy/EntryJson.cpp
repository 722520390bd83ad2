#include "hierarchy/EntryJson.h"

#include "metadata/NodeJson.h"

namespace zs {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

bool isShape(const json &v)
{
    if (!v.is_array()) return false;
    for (const json &d : v)
        if (!d.is_number_unsigned()) return false;
    return true;
}

// What a document that did not parse as a whole still says about the array's layout.
void addKnownArrayKeys(ordered_json &out, const json &raw, int zarrFormat)
{
    if (!raw.is_object()) return;
    if (isShape(raw.value("shape", json()))) out["shape"] = raw["shape"];
    if (zarrFormat == 2) {
        if (isShape(raw.value("chunks", json()))) out["chunks"] = raw["chunks"];
        if (raw.contains("dtype"))
            out["dtype"] = raw["dtype"].is_string() ? raw["dtype"] : json(raw["dtype"].dump());
        return;
    }
    const json grid = raw.value("chunk_grid", json());
    if (grid.is_object() && grid.value("configuration", json()).is_object() &&
        isShape(grid["configuration"].value("chunk_shape", json())))
        out["chunks"] = grid["configuration"]["chunk_shape"];
    if (raw.contains("data_type")) {
        const json &t = raw["data_type"];
        if (t.is_string())
            out["dtype"] = t;
        else if (t.is_object() && t.value("name", json()).is_string())
            out["dtype"] = t["name"];
    }
}

} // namespace

ordered_json entrySummary(const HierarchyEntry &entry)
{
    if (entry.node) return nodeSummary(*entry.node);
    ordered_json out = {{"path", entry.path.toStdString()}};
    if (entry.kind) out["kind"] = *entry.kind == NodeMetadata::Kind::Array ? "array" : "group";
    if (entry.zarrFormat) out["zarr_format"] = entry.zarrFormat;
    if (entry.kind == NodeMetadata::Kind::Array) addKnownArrayKeys(out, entry.raw, entry.zarrFormat);
    out["error"] = entry.error.toStdString();
    return out;
}

} // namespace zs
