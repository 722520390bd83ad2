#include "hierarchy/NodeEntry.h"

#include "metadata/MetadataParser.h"

namespace zs {

using nlohmann::json;

namespace {

HierarchyEntry failed(const QString &path, const Error &error, int zarrFormat)
{
    HierarchyEntry e;
    e.path = path;
    e.error = error.toString();
    e.zarrFormat = zarrFormat;
    return e;
}

HierarchyEntry parsed(const QString &path, NodeMetadata node)
{
    HierarchyEntry e;
    e.path = path;
    e.zarrFormat = node.zarrFormat;
    e.node = std::move(node);
    return e;
}

} // namespace

HierarchyEntry v3Entry(const QString &path, const DocumentResult &doc, const QString &where)
{
    if (!doc) return failed(path, doc.error(), 3);
    auto node = makeV3Node(path, *doc, where);
    if (node) return parsed(path, std::move(*node));
    HierarchyEntry e = failed(path, node.error(), 3);
    e.raw = *doc;
    if (doc->is_object()) {
        const json type = doc->value("node_type", json());
        if (type == "array")
            e.kind = NodeMetadata::Kind::Array;
        else if (type == "group")
            e.kind = NodeMetadata::Kind::Group;
        if (doc->contains("attributes") && (*doc)["attributes"].is_object())
            e.attributes = (*doc)["attributes"];
    }
    return e;
}

HierarchyEntry v2Entry(const QString &path, const DocumentResult &zarray, const DocumentResult &zgroup,
                       const DocumentResult &zattrs, const QString &where)
{
    // The document's name says what the node is, even when its content does not parse.
    const bool isArray = !zarray || !zarray->is_null();
    const DocumentResult &own = isArray ? zarray : zgroup;
    HierarchyEntry e;
    if (!own) {
        e = failed(path, own.error(), 2);
    } else if (!zattrs) {
        e = failed(path, zattrs.error(), 2);
        e.raw = *own;
    } else {
        auto node = makeV2Node(path, isArray ? *zarray : json(), isArray ? json() : *zgroup, *zattrs, where);
        if (node) return parsed(path, std::move(*node));
        e = failed(path, node.error(), 2);
        e.raw = *own;
        if (zattrs->is_object()) e.attributes = *zattrs;
    }
    e.kind = isArray ? NodeMetadata::Kind::Array : NodeMetadata::Kind::Group;
    return e;
}

} // namespace zs
