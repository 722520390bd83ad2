#include "HierarchyLoader.h"

#include "hierarchy/Hierarchy.h"
#include "hierarchy/HierarchyWalk.h"
#include "util/WhenFinished.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent>

namespace zs {

HierarchyLoader::HierarchyLoader(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<zs::HierarchyEntries>();
}

HierarchyLoader::~HierarchyLoader()
{
    cancel();
}

Result<HierarchyEntries> HierarchyLoader::discover(Store &store)
{
    return discoverHierarchy(store);
}

void HierarchyLoader::cancel()
{
    ++m_job; // whatever is still queued for the old job is dropped on arrival
    m_loading = false;
    m_walk.reset(); // cancels it: no batch is delivered once this returns
}

void HierarchyLoader::deliver(quint64 job, const Result<HierarchyEntries> &result)
{
    if (m_job != job) return; // a newer load
    m_loading = false;
    if (result)
        Q_EMIT loaded(*result);
    else
        Q_EMIT failed(result.error().toString());
}

void HierarchyLoader::loadAll(std::shared_ptr<Store> store)
{
    cancel();
    const quint64 job = m_job;
    m_loading = true;
    QPointer<HierarchyLoader> self(this);
    // Batches come on the network thread; they are queued to the GUI thread and `self` is only
    // dereferenced there, where it cannot race deletion.
    m_walk = std::make_unique<HierarchyWalk>(std::move(store), [self, job](const HierarchyEntries &batch) {
        QMetaObject::invokeMethod(
            qApp,
            [self, job, batch] {
                if (self && self->m_job == job) Q_EMIT self->nodesDiscovered(batch);
            },
            Qt::QueuedConnection);
    });
    // The watcher lives in this thread and goes with this object, so the result cannot outlive it.
    // A batch queued before the result finished is ahead of it in the GUI thread's queue.
    whenFinished(m_walk->result(), this, [this, job](const Result<HierarchyEntries> &result) {
        QMetaObject::invokeMethod(
            this, [this, job, result] { deliver(job, result); }, Qt::QueuedConnection);
    });
}

void HierarchyLoader::loadOne(std::shared_ptr<Store> store, const QString &path)
{
    cancel();
    const quint64 job = m_job;
    m_loading = true;
    QPointer<HierarchyLoader> self(this);
    (void)QtConcurrent::run([self, job, store, path] {
        Result<HierarchyEntries> result = [&]() -> Result<HierarchyEntries> {
            ZS_TRY(NodeMetadata node, loadNode(*store, path));
            HierarchyEntry entry;
            entry.path = path;
            entry.zarrFormat = node.zarrFormat;
            entry.node = std::move(node);
            return HierarchyEntries{std::move(entry)};
        }();
        QMetaObject::invokeMethod(
            qApp,
            [self, job, result = std::move(result)] {
                if (self) self->deliver(job, result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace zs
