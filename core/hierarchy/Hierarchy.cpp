#include "hierarchy/Hierarchy.h"

#include "metadata/Json.h"
#include "metadata/MetadataParser.h"

#include <algorithm>

namespace zs {

using nlohmann::json;

namespace {

// A metadata document, null when the key is absent.
Result<json> readJson(Store &store, const QString &key)
{
    const GetResult r = await(store.get(key));
    if (!r)
        return r.error();
    if (!r->has_value())
        return json();
    return parseJsonDocument(**r, store.locate(key));
}

bool hasMetadata(const Listing &listing)
{
    return listing.keys.contains(QStringLiteral("zarr.json")) || listing.keys.contains(QStringLiteral(".zarray")) ||
           listing.keys.contains(QStringLiteral(".zgroup"));
}

// The node at `path`, or nothing when no metadata document is there (a plain directory).
Result<std::optional<NodeMetadata>> probeNode(Store &store, const QString &path)
{
    const QString v3Key = joinKey(path, QStringLiteral("zarr.json"));
    ZS_TRY(json v3, readJson(store, v3Key));
    if (!v3.is_null()) {
        ZS_TRY(NodeMetadata node, makeV3Node(path, v3, store.locate(v3Key)));
        return std::optional(std::move(node));
    }
    const QString arrayKey = joinKey(path, QStringLiteral(".zarray"));
    const QString groupKey = joinKey(path, QStringLiteral(".zgroup"));
    ZS_TRY(json zarray, readJson(store, arrayKey));
    json zgroup;
    if (zarray.is_null()) {
        ZS_TRY(zgroup, readJson(store, groupKey));
        if (zgroup.is_null())
            return std::optional<NodeMetadata>();
    }
    ZS_TRY(json zattrs, readJson(store, joinKey(path, QStringLiteral(".zattrs"))));
    ZS_TRY(NodeMetadata node, makeV2Node(path, zarray, zgroup, zattrs, store.locate(zarray.is_null() ? groupKey : arrayKey)));
    return std::optional(std::move(node));
}

// Walks a listed directory. Returns false for a plain directory (no metadata), which is not part
// of the hierarchy. A child that fails to list or load is recorded with its error.
bool walk(Store &store, const QString &path, const Listing &listing, HierarchyEntries &out, int depth)
{
    // Only a listing that may hide dot-files costs a probe for each plain directory.
    if (!hasMetadata(listing) && !listing.mayOmitDotFiles)
        return false;
    auto node = probeNode(store, path);
    if (!node) {
        out.push_back(HierarchyEntry{path, std::nullopt, node.error().toString()});
        return true;
    }
    if (!*node)
        return false;
    const bool isGroup = !(*node)->isArray();
    out.push_back(HierarchyEntry{path, std::move(**node), {}});
    if (!isGroup)
        return true; // an array's subdirectories hold chunks
    for (const QString &child : listing.prefixes) {
        const QString childPath = joinKey(path, child);
        if (depth >= 64) {
            out.push_back(HierarchyEntry{childPath, std::nullopt, QStringLiteral("hierarchy nested deeper than 64 levels")});
            continue;
        }
        const ListResult sub = await(store.list(childPath));
        if (!sub)
            out.push_back(HierarchyEntry{childPath, std::nullopt, sub.error().toString()});
        else
            walk(store, childPath, *sub, out, depth + 1);
    }
    return true;
}

Result<std::vector<NodeMetadata>> fromV2Consolidated(const json &doc, const QString &where)
{
    if (!doc.is_object() || !doc.contains("metadata") || !doc["metadata"].is_object())
        return makeError(QStringLiteral(".zmetadata has no \"metadata\" object"), where);
    const json &md = doc["metadata"];
    std::vector<NodeMetadata> nodes;
    for (auto it = md.begin(); it != md.end(); ++it) {
        const QString key = QString::fromStdString(it.key());
        const bool isArray = key == u".zarray" || key.endsWith(u"/.zarray");
        const bool isGroup = key == u".zgroup" || key.endsWith(u"/.zgroup");
        if (!isArray && !isGroup)
            continue;
        const QString path = key.left(std::max<qsizetype>(0, key.size() - 8));
        const std::string attrsKey = joinKey(path, QStringLiteral(".zattrs")).toStdString();
        const json attrs = md.contains(attrsKey) ? md[attrsKey] : json();
        ZS_TRY(NodeMetadata n, makeV2Node(path, isArray ? it.value() : json(), isGroup ? it.value() : json(), attrs,
                                          QStringLiteral("%1: %2").arg(where, key)));
        nodes.push_back(std::move(n));
    }
    return nodes;
}

Result<std::vector<NodeMetadata>> fromV3Consolidated(const json &root, const QString &where)
{
    const json &cm = root["consolidated_metadata"];
    if (!cm.is_object() || !cm.contains("metadata") || !cm["metadata"].is_object())
        return makeError(QStringLiteral("consolidated_metadata has no \"metadata\" object"), where);
    std::vector<NodeMetadata> nodes;
    ZS_TRY(NodeMetadata rootNode, makeV3Node(QString(), root, where));
    nodes.push_back(std::move(rootNode));
    for (auto it = cm["metadata"].begin(); it != cm["metadata"].end(); ++it) {
        const QString path = QString::fromStdString(it.key());
        ZS_TRY(NodeMetadata n, makeV3Node(path, it.value(), QStringLiteral("%1: %2").arg(where, path)));
        nodes.push_back(std::move(n));
    }
    return nodes;
}

} // namespace

Result<NodeMetadata> loadNode(Store &store, const QString &path)
{
    ZS_TRY(std::optional<NodeMetadata> node, probeNode(store, path));
    if (!node)
        return makeError(QStringLiteral("no Zarr array or group here"), store.locate(path.isEmpty() ? QString() : path));
    return std::move(*node);
}

Result<std::optional<std::vector<NodeMetadata>>> loadConsolidated(Store &store)
{
    const QString v3Key = QStringLiteral("zarr.json");
    ZS_TRY(json root, readJson(store, v3Key));
    if (root.is_object() && root.contains("consolidated_metadata") && !root["consolidated_metadata"].is_null()) {
        ZS_TRY(auto nodes, fromV3Consolidated(root, store.locate(v3Key)));
        return std::optional(std::move(nodes));
    }
    if (!root.is_null())
        return std::optional<std::vector<NodeMetadata>>();
    const QString v2Key = QStringLiteral(".zmetadata");
    ZS_TRY(json doc, readJson(store, v2Key));
    if (doc.is_null())
        return std::optional<std::vector<NodeMetadata>>();
    ZS_TRY(auto nodes, fromV2Consolidated(doc, store.locate(v2Key)));
    return std::optional(std::move(nodes));
}

Result<HierarchyEntries> discoverHierarchy(Store &store)
{
    HierarchyEntries entries;
    ZS_TRY(auto consolidated, loadConsolidated(store));
    if (consolidated) {
        for (NodeMetadata &n : *consolidated)
            entries.push_back(HierarchyEntry{n.path, std::move(n), {}});
    } else {
        auto root = store.canList() ? await(store.list(QString())) : ListResult(Error{});
        if (root) {
            if (!walk(store, QString(), *root, entries, 0))
                return makeError(QStringLiteral("no Zarr metadata (zarr.json, .zgroup or .zarray) at the store root"),
                                 store.location());
        } else {
            // No listing: probe the root itself. An array there is the whole store; a group's
            // children cannot be found without a listing, which the user must be told.
            ZS_TRY(NodeMetadata rootNode, loadNode(store, QString()));
            if (!rootNode.isArray())
                return makeError(QStringLiteral("this store cannot be listed: open an array path directly"),
                                 store.location());
            entries.push_back(HierarchyEntry{QString(), std::move(rootNode), {}});
        }
    }
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.path < b.path; });
    return entries;
}

Result<std::vector<NodeMetadata>> listNodes(Store &store)
{
    ZS_TRY(HierarchyEntries entries, discoverHierarchy(store));
    std::vector<NodeMetadata> nodes;
    for (HierarchyEntry &e : entries) {
        if (!e.node) // the walk records errors whole ("what (where)"): pass them on as they are
            return makeError(e.error);
        nodes.push_back(std::move(*e.node));
    }
    return nodes;
}

} // namespace zs
