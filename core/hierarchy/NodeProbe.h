#pragma once
// Which metadata documents decide what a node is, in the one order every reader of a store
// uses: zarr.json, then .zarray, then .zgroup, with .zattrs beside a v2 document. The documents
// may be read one after another (loadNode) or all at once (the concurrent walk); either way this
// is where their answers are weighed, so the two cannot drift apart.

#include "hierarchy/NodeEntry.h"
#include "store/Store.h"

#include <array>
#include <optional>

namespace zs {

struct NodeProbe
{
    enum Document
    {
        ZarrJson,
        ZArray,
        ZGroup,
        ZAttrs,
        DocumentCount
    };
    static QString keyOf(Document d);

    // The node's path ("" for the root) and the answers heard so far (empty: not yet heard).
    QString path;
    std::array<std::optional<DocumentResult>, DocumentCount> docs;

    // The next document the precedence needs, or nullopt when the heard answers already decide.
    std::optional<Document> nextNeeded() const;
    bool decided() const { return !nextNeeded(); }
    // Once decided: the node, or nullopt for a plain directory (no metadata document at all).
    // A node whose documents cannot be read or parsed is an entry with its error.
    std::optional<HierarchyEntry> entry(const Store &store) const;
};

// A metadata document from the bytes a store answered: null when the key is absent.
DocumentResult documentFrom(const GetResult &answer, const QString &where);

} // namespace zs
