#include "HierarchyLoader.h"

#include "hierarchy/Hierarchy.h"
#include "metadata/MetadataParser.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent>

namespace zs {

HierarchyLoader::HierarchyLoader(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<zs::HierarchyEntries>();
}

Result<HierarchyEntries> HierarchyLoader::discover(Store &store)
{
    return discoverHierarchy(store);
}

template <typename Work> void HierarchyLoader::run(Work work)
{
    const quint64 job = ++m_job;
    m_loading = true;
    QPointer<HierarchyLoader> self(this);
    (void)QtConcurrent::run([self, job, work = std::move(work)]() mutable {
        Result<HierarchyEntries> result = work();
        // Queued to the GUI thread; `self` is only dereferenced there, where it cannot race deletion.
        QMetaObject::invokeMethod(
            qApp,
            [self, job, result = std::move(result)]() {
                if (!self || self->m_job != job) return; // a newer load, or the loader is gone
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
        HierarchyEntry entry;
        entry.path = path;
        entry.zarrFormat = node.zarrFormat;
        entry.node = std::move(node);
        return HierarchyEntries{std::move(entry)};
    });
}

} // namespace zs
