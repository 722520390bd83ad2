#include "cf/NodeLookup.h"

#include "hierarchy/Hierarchy.h"

#include <QHash>

namespace zs::cf {

NodeLookup storeLookup(std::shared_ptr<Store> store)
{
    auto seen = std::make_shared<QHash<QString, std::optional<HierarchyEntry>>>();
    return [store = std::move(store), seen](const QString &path) {
        auto it = seen->find(path);
        if (it == seen->end()) it = seen->insert(path, findNode(*store, path));
        return *it;
    };
}

NodeLookup entriesLookup(std::shared_ptr<const HierarchyEntries> entries)
{
    return [entries = std::move(entries)](const QString &path) -> std::optional<HierarchyEntry> {
        for (const auto &e : *entries)
            if (e.path == path && (e.node || e.failed())) return e;
        return std::nullopt;
    };
}

QStringList enclosingGroups(const QString &arrayPath)
{
    QStringList groups;
    QString p = arrayPath;
    while (!p.isEmpty()) {
        const int slash = p.lastIndexOf(u'/');
        p = slash < 0 ? QString() : p.left(slash);
        groups << p;
    }
    if (groups.isEmpty()) groups << QString(); // the root array: names resolve in the root
    return groups;
}

QString childPath(const QString &group, const QString &name)
{
    return group.isEmpty() ? name : group + u'/' + name;
}

} // namespace zs::cf
