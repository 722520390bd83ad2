#include "HierarchyLoader.h"

#include "hierarchy/Hierarchy.h"
#include "metadata/MetadataParser.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent>

namespace zs {

namespace {

bool hasMetadata(const Listing &listing)
{
    return listing.keys.contains(QStringLiteral("zarr.json")) || listing.keys.contains(QStringLiteral(".zarray")) ||
           listing.keys.contains(QStringLiteral(".zgroup"));
}

// Like Hierarchy's walk, but a node that fails to load (or a directory that fails to list)
// is recorded with its error and the walk goes on.
void walk(Store &store, const QString &path, const Listing &listing, HierarchyEntries &out, int depth)
{
    auto node = loadNode(store, path);
    if (!node) {
        out.push_back(HierarchyEntry{path, std::nullopt, node.error().toString()});
        return;
    }
    const bool isGroup = !node->isArray();
    out.push_back(HierarchyEntry{path, std::move(*node), {}});
    if (!isGroup || depth >= 64)
        return; // an array's subdirectories hold chunks
    for (const QString &child : listing.prefixes) {
        const QString childPath = joinKey(path, child);
        const ListResult sub = await(store.list(childPath));
        if (!sub) {
            out.push_back(HierarchyEntry{childPath, std::nullopt, sub.error().toString()});
            continue;
        }
        if (hasMetadata(*sub))
            walk(store, childPath, *sub, out, depth + 1);
    }
}

} // namespace

HierarchyLoader::HierarchyLoader(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<zs::HierarchyEntries>();
}

Result<HierarchyEntries> HierarchyLoader::discover(Store &store)
{
    HierarchyEntries entries;
    ZS_TRY(auto consolidated, loadConsolidated(store));
    if (consolidated) {
        for (NodeMetadata &n : *consolidated)
            entries.push_back(HierarchyEntry{n.path, std::move(n), {}});
        return entries;
    }
    ListResult root = store.canList() ? await(store.list(QString())) : ListResult(Error{});
    if (root && hasMetadata(*root)) {
        walk(store, QString(), *root, entries, 0);
    } else {
        // No listing, or no metadata at the top: the core explains which ("cannot be listed",
        // "no Zarr metadata at the store root") or finds the lone root array.
        ZS_TRY(auto nodes, listNodes(store));
        for (NodeMetadata &n : nodes)
            entries.push_back(HierarchyEntry{n.path, std::move(n), {}});
    }
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.path < b.path; });
    return entries;
}

template<typename Work>
void HierarchyLoader::run(Work work)
{
    const quint64 job = ++m_job;
    m_loading = true;
    QPointer<HierarchyLoader> self(this);
    (void)QtConcurrent::run([self, job, work = std::move(work)]() mutable {
        Result<HierarchyEntries> result = work();
        // Queued to the GUI thread; `self` is only dereferenced there, where it cannot race deletion.
        QMetaObject::invokeMethod(
            qApp, [self, job, result = std::move(result)]() {
                if (!self || self->m_job != job)
                    return; // a newer load, or the loader is gone
                self->m_loading = false;
                if (result)
                    Q_EMIT self->loaded(*result);
                else
                    Q_EMIT self->failed(result.error().toString());
            },
            Qt::QueuedConnection);
    });
}

void HierarchyLoader::loadAll(std::shared_ptr<Store> store)
{
    run([store] { return discover(*store); });
}

void HierarchyLoader::loadOne(std::shared_ptr<Store> store, const QString &path)
{
    run([store, path]() -> Result<HierarchyEntries> {
        ZS_TRY(NodeMetadata node, loadNode(*store, path));
        HierarchyEntries entries;
        entries.push_back(HierarchyEntry{path, std::move(node), {}});
        return entries;
    });
}

} // namespace zs
