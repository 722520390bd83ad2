#include "hierarchy/NodeProbe.h"

#include "metadata/Json.h"
#include "metadata/MetadataParser.h"

namespace zs {

using nlohmann::json;

QString NodeProbe::keyOf(Document d)
{
    switch (d) {
    case ZarrJson:
        return QStringLiteral("zarr.json");
    case ZArray:
        return QStringLiteral(".zarray");
    case ZGroup:
        return QStringLiteral(".zgroup");
    default:
        return QStringLiteral(".zattrs");
    }
}

namespace {

// Heard, and present or unreadable: either way this document is the one that speaks.
bool speaks(const std::optional<DocumentResult> &doc)
{
    return !*doc || !(*doc)->is_null();
}

} // namespace

std::optional<NodeProbe::Document> NodeProbe::nextNeeded() const
{
    if (!docs[ZarrJson]) return ZarrJson;
    if (speaks(docs[ZarrJson])) return std::nullopt;
    if (!docs[ZArray]) return ZArray;
    if (!speaks(docs[ZArray])) {
        if (!docs[ZGroup]) return ZGroup;
        if (!speaks(docs[ZGroup])) return std::nullopt; // no metadata: a plain directory
    }
    if (!docs[ZAttrs]) return ZAttrs;
    return std::nullopt;
}

std::optional<HierarchyEntry> NodeProbe::entry(const Store &store) const
{
    const QString v3Key = joinKey(path, keyOf(ZarrJson));
    if (speaks(docs[ZarrJson])) return v3Entry(path, *docs[ZarrJson], store.locate(v3Key));
    const bool isArray = speaks(docs[ZArray]);
    if (!isArray && !speaks(docs[ZGroup])) return std::nullopt;
    const QString own = joinKey(path, keyOf(isArray ? ZArray : ZGroup));
    const DocumentResult absent = json();
    return v2Entry(path, *docs[ZArray], docs[ZGroup] ? *docs[ZGroup] : absent, *docs[ZAttrs],
                   store.locate(own));
}

DocumentResult documentFrom(const GetResult &answer, const QString &where)
{
    if (!answer) return answer.error();
    if (!answer->has_value()) return json();
    return parseJsonDocument(**answer, where);
}

} // namespace zs
