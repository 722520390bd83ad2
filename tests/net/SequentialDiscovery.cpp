// The discovery walk as it was before issue 14, kept verbatim as the tests' oracle: one blocking
// request at a time (root zarr.json, .zmetadata, then for each node its listing, zarr.json,
// .zarray, .zgroup, .zattrs), children one after another. The concurrent walk must give exactly
// what this gives, on every store.

#include "SequentialDiscovery.h"

#include "hierarchy/ConsolidatedEntries.h"
#include "hierarchy/NodeEntry.h"
#include "metadata/Json.h"
#include "metadata/MetadataParser.h"

#include <algorithm>

namespace zstest {

using namespace zs;
using nlohmann::json;

namespace {

// A metadata document, null when the key is absent.
DocumentResult readJson(Store &store, const QString &key)
{
    const GetResult r = await(store.get(key));
    if (!r) return r.error();
    if (!r->has_value()) return json();
    return parseJsonDocument(**r, store.locate(key));
}

bool hasMetadata(const Listing &listing)
{
    return listing.keys.contains(QStringLiteral("zarr.json")) ||
           listing.keys.contains(QStringLiteral(".zarray")) ||
           listing.keys.contains(QStringLiteral(".zgroup"));
}

// The node at `path`, or nothing when no metadata document is there (a plain directory). A node
// whose documents cannot be read or parsed is an entry with its error.
std::optional<HierarchyEntry> probeNode(Store &store, const QString &path)
{
    const QString v3Key = joinKey(path, QStringLiteral("zarr.json"));
    const DocumentResult v3 = readJson(store, v3Key);
    if (!v3 || !v3->is_null()) return v3Entry(path, v3, store.locate(v3Key));
    const QString arrayKey = joinKey(path, QStringLiteral(".zarray"));
    const QString groupKey = joinKey(path, QStringLiteral(".zgroup"));
    const DocumentResult zarray = readJson(store, arrayKey);
    DocumentResult zgroup = json();
    if (zarray && zarray->is_null()) {
        zgroup = readJson(store, groupKey);
        if (zgroup && zgroup->is_null()) return std::nullopt;
    }
    const DocumentResult zattrs = readJson(store, joinKey(path, QStringLiteral(".zattrs")));
    const bool isArray = !zarray || !zarray->is_null();
    return v2Entry(path, zarray, zgroup, zattrs, store.locate(isArray ? arrayKey : groupKey));
}

// Walks a listed directory. Returns false for a plain directory (no metadata), which is not part
// of the hierarchy. A child that fails to list or load is recorded with its error and the walk
// goes on; only an array's subdirectories (its chunks) are not walked.
bool walk(Store &store, const QString &path, const Listing &listing, HierarchyEntries &out, int depth)
{
    // Only a listing that may hide dot-files costs a probe for each plain directory.
    if (!hasMetadata(listing) && !listing.mayOmitDotFiles) return false;
    std::optional<HierarchyEntry> entry = probeNode(store, path);
    if (!entry) return false;
    const bool isArray = entry->knownKind() == NodeMetadata::Kind::Array;
    out.push_back(std::move(*entry));
    if (isArray) return true;
    for (const QString &child : listing.prefixes) {
        const QString childPath = joinKey(path, child);
        if (depth >= 64) {
            HierarchyEntry deep;
            deep.path = childPath;
            deep.error = QStringLiteral("hierarchy nested deeper than 64 levels");
            out.push_back(std::move(deep));
            continue;
        }
        const ListResult sub = await(store.list(childPath));
        if (!sub) {
            HierarchyEntry unlisted;
            unlisted.path = childPath;
            unlisted.error = sub.error().toString();
            out.push_back(std::move(unlisted));
        } else {
            walk(store, childPath, *sub, out, depth + 1);
        }
    }
    return true;
}

// Consolidated entries, if the root has them; nullopt when it has none, or when its consolidated
// document is unreadable and a listing can stand in for it.
Result<std::optional<HierarchyEntries>> consolidatedEntries(Store &store)
{
    const QString v3Key = QStringLiteral("zarr.json");
    const DocumentResult root = readJson(store, v3Key);
    if (!root) // the walk reports the root's error on the root entry
        return std::optional<HierarchyEntries>();
    if (root->is_object() && root->contains("consolidated_metadata") &&
        !(*root)["consolidated_metadata"].is_null()) {
        ZS_TRY(HierarchyEntries entries, v3ConsolidatedEntries(*root, store.locate(v3Key)));
        return std::optional(std::move(entries));
    }
    if (!root->is_null()) return std::optional<HierarchyEntries>();
    const QString v2Key = QStringLiteral(".zmetadata");
    const DocumentResult doc = readJson(store, v2Key);
    if (!doc) {
        if (store.canList()) return std::optional<HierarchyEntries>();
        return doc.error();
    }
    if (doc->is_null()) return std::optional<HierarchyEntries>();
    ZS_TRY(HierarchyEntries entries, v2ConsolidatedEntries(*doc, store.locate(v2Key)));
    return std::optional(std::move(entries));
}

} // namespace

Result<NodeMetadata> loadNodeSequentially(Store &store, const QString &path)
{
    std::optional<HierarchyEntry> entry = probeNode(store, path);
    if (!entry)
        return makeError(QStringLiteral("no Zarr array or group here"),
                         store.locate(path.isEmpty() ? QString() : path));
    if (!entry->node) // the error is whole already: "what (where)"
        return makeError(entry->error);
    return std::move(*entry->node);
}

Result<HierarchyEntries> discoverSequentially(Store &store)
{
    ZS_TRY(std::optional<HierarchyEntries> consolidated, consolidatedEntries(store));
    HierarchyEntries entries;
    if (consolidated) {
        entries = std::move(*consolidated);
    } else {
        auto root = store.canList() ? await(store.list(QString())) : ListResult(Error{});
        if (root) {
            if (!walk(store, QString(), *root, entries, 0))
                return makeError(
                    QStringLiteral("no Zarr metadata (zarr.json, .zgroup or .zarray) at the store root"),
                    store.location());
        } else {
            // No listing: probe the root itself. An array there is the whole store; a group's
            // children cannot be found without a listing, which the user must be told.
            ZS_TRY(NodeMetadata rootNode, loadNodeSequentially(store, QString()));
            if (!rootNode.isArray())
                return makeError(QStringLiteral("this store cannot be listed: open an array path directly"),
                                 store.location());
            HierarchyEntry e;
            e.zarrFormat = rootNode.zarrFormat;
            e.node = std::move(rootNode);
            entries.push_back(std::move(e));
        }
    }
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.path < b.path; });
    return entries;
}

} // namespace zstest
