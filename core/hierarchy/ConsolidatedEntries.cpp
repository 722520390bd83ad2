#include "hierarchy/ConsolidatedEntries.h"

#include "metadata/MetadataParser.h"

namespace zs {

using nlohmann::json;

Result<HierarchyEntries> v2ConsolidatedEntries(const json &doc, const QString &where)
{
    if (!doc.is_object() || !doc.contains("metadata") || !doc["metadata"].is_object())
        return makeError(QStringLiteral(".zmetadata has no \"metadata\" object"), where);
    const json &md = doc["metadata"];
    HierarchyEntries entries;
    for (auto it = md.begin(); it != md.end(); ++it) {
        const QString key = QString::fromStdString(it.key());
        const bool isArray = key == u".zarray" || key.endsWith(u"/.zarray");
        const bool isGroup = key == u".zgroup" || key.endsWith(u"/.zgroup");
        if (!isArray && !isGroup) continue;
        const QString path = key.left(std::max<qsizetype>(0, key.size() - 8));
        const std::string attrsKey = joinKey(path, QStringLiteral(".zattrs")).toStdString();
        const json attrs = md.contains(attrsKey) ? md[attrsKey] : json();
        const DocumentResult own = it.value();
        entries.push_back(v2Entry(path, isArray ? own : DocumentResult(json()),
                                  isGroup ? own : DocumentResult(json()), DocumentResult(attrs),
                                  QStringLiteral("%1: %2").arg(where, key)));
        if (entries.back().node) entries.back().node->consolidatedKey = key;
    }
    return entries;
}

Result<HierarchyEntries> v3ConsolidatedEntries(const json &root, const QString &where)
{
    const json &cm = root["consolidated_metadata"];
    if (!cm.is_object() || !cm.contains("metadata") || !cm["metadata"].is_object())
        return makeError(QStringLiteral("consolidated_metadata has no \"metadata\" object"), where);
    HierarchyEntries entries;
    entries.push_back(v3Entry(QString(), root, where));
    for (auto it = cm["metadata"].begin(); it != cm["metadata"].end(); ++it) {
        const QString path = QString::fromStdString(it.key());
        entries.push_back(
            v3Entry(path, DocumentResult(it.value()), QStringLiteral("%1: %2").arg(where, path)));
        if (entries.back().node) entries.back().node->consolidatedKey = path;
    }
    return entries;
}

} // namespace zs

namespace zs {

std::optional<Result<HierarchyEntries>> v3ConsolidatedIn(const DocumentResult &root, const QString &where)
{
    if (!root || !root->is_object() || !root->contains("consolidated_metadata") ||
        (*root)["consolidated_metadata"].is_null())
        return std::nullopt;
    return v3ConsolidatedEntries(*root, where);
}

bool shouldReadZmetadata(const DocumentResult &root)
{
    return root && root->is_null();
}

std::optional<Result<HierarchyEntries>> v2ConsolidatedIn(const DocumentResult &doc, bool canList,
                                                         const QString &where)
{
    if (!doc) {
        if (canList) return std::nullopt;
        return Result<HierarchyEntries>(doc.error());
    }
    if (doc->is_null()) return std::nullopt;
    return v2ConsolidatedEntries(*doc, where);
}

} // namespace zs
