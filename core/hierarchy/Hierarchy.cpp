#include "hierarchy/Hierarchy.h"

#include "hierarchy/ConsolidatedEntries.h"
#include "hierarchy/HierarchyWalk.h"
#include "hierarchy/NodeProbe.h"
#include "metadata/MetadataParser.h"

namespace zs {

namespace {

// A metadata document, null when the key is absent.
DocumentResult readJson(Store &store, const QString &key)
{
    return documentFrom(await(store.get(key)), store.locate(key));
}

// The node at `path`, reading its documents one after another in the precedence's order (a
// single node: no sibling to overlap with, and no request the answers make needless).
std::optional<HierarchyEntry> probeNode(Store &store, const QString &path)
{
    NodeProbe probe;
    probe.path = path;
    while (const auto next = probe.nextNeeded())
        probe.docs[*next] = readJson(store, joinKey(path, NodeProbe::keyOf(*next)));
    return probe.entry(store);
}

} // namespace

std::optional<HierarchyEntry> findNode(Store &store, const QString &path)
{
    return probeNode(store, path);
}

std::vector<std::optional<HierarchyEntry>> findNodes(Store &store, const QStringList &paths)
{
    // Every document of every node asked for at once: one round trip, where probing them one by
    // one costs up to four per node (a v2 array: zarr.json, .zarray, .zattrs).
    std::vector<std::array<QFuture<GetResult>, NodeProbe::DocumentCount>> answers(std::size_t(paths.size()));
    for (qsizetype i = 0; i < paths.size(); ++i)
        for (int d = 0; d < NodeProbe::DocumentCount; ++d)
            answers[std::size_t(i)][std::size_t(d)] =
                store.get(joinKey(paths[i], NodeProbe::keyOf(NodeProbe::Document(d))));
    std::vector<std::optional<HierarchyEntry>> out;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        NodeProbe probe;
        probe.path = paths[i];
        for (int d = 0; d < NodeProbe::DocumentCount; ++d) {
            const QString key = joinKey(paths[i], NodeProbe::keyOf(NodeProbe::Document(d)));
            probe.docs[std::size_t(d)] =
                documentFrom(await(answers[std::size_t(i)][std::size_t(d)]), store.locate(key));
        }
        out.push_back(probe.entry(store));
    }
    return out;
}

Result<NodeMetadata> loadNode(Store &store, const QString &path)
{
    std::optional<HierarchyEntry> entry = probeNode(store, path);
    if (!entry)
        return makeError(QStringLiteral("no Zarr array or group here"),
                         store.locate(path.isEmpty() ? QString() : path));
    if (!entry->node) // the error is whole already: "what (where)"
        return makeError(entry->error);
    return std::move(*entry->node);
}

Result<std::optional<std::vector<NodeMetadata>>> loadConsolidated(Store &store)
{
    const QString v3Key = NodeProbe::keyOf(NodeProbe::ZarrJson);
    const DocumentResult root = readJson(store, v3Key);
    std::optional<Result<HierarchyEntries>> entries = v3ConsolidatedIn(root, store.locate(v3Key));
    if (!entries && shouldReadZmetadata(root)) {
        const QString v2Key = QStringLiteral(".zmetadata");
        entries = v2ConsolidatedIn(readJson(store, v2Key), store.canList(), store.locate(v2Key));
    }
    if (!entries) return std::optional<std::vector<NodeMetadata>>();
    if (!*entries) return entries->error();
    std::vector<NodeMetadata> nodes;
    for (HierarchyEntry &e : **entries) {
        if (!e.node) return makeError(e.error);
        nodes.push_back(std::move(*e.node));
    }
    return std::optional(std::move(nodes));
}

Result<HierarchyEntries> discoverHierarchy(Store &store)
{
    // The walk is asynchronous and wants to own its store; here the caller's store outlives the
    // call, so a non-owning pointer does.
    HierarchyWalk walk(std::shared_ptr<Store>(std::shared_ptr<Store>(), &store));
    return await(walk.result());
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
