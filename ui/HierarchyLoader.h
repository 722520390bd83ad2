#pragma once
// Discovers a store's nodes for the GUI without blocking any thread: the concurrent walk
// (HierarchyWalk) reports batches of nodes as they are found (nodesDiscovered), then the whole
// sorted result (loaded) or why the store could not be discovered (failed). Unlike listNodes, one
// broken node does not sink the whole tree: it becomes an entry with its error. A newer load, or
// this object's destruction, cancels the walk at once (queued requests dropped, running ones
// aborted); results already on their way are dropped by job id and a QPointer-guarded queued
// call, so nothing arrives from a stale walk (as in KDAB's hotspot).

#include "hierarchy/HierarchyEntry.h"
#include "store/Store.h"

#include <QObject>
#include <memory>

namespace zs {

class HierarchyWalk;

class HierarchyLoader final : public QObject
{
    Q_OBJECT
public:
    explicit HierarchyLoader(QObject *parent = nullptr);
    ~HierarchyLoader() override; // cancels a walk still running

    // Every node of the store (consolidated metadata, else a walk of its listing, else the root alone).
    void loadAll(std::shared_ptr<Store> store);
    // Just the node at `path`: for stores that cannot be listed.
    void loadOne(std::shared_ptr<Store> store, const QString &path);
    // Stops the current load; nothing more is emitted for it.
    void cancel();
    bool isLoading() const { return m_loading; }

    // Runs on the calling thread, blocking; what loadAll does without blocking.
    static Result<HierarchyEntries> discover(Store &store);

Q_SIGNALS:
    // A batch of nodes just found by loadAll, each group before its children.
    void nodesDiscovered(const zs::HierarchyEntries &entries);
    void loaded(const zs::HierarchyEntries &entries);
    void failed(const QString &message);

private:
    void deliver(quint64 job, const Result<HierarchyEntries> &result);

    quint64 m_job = 0;
    bool m_loading = false;
    std::unique_ptr<HierarchyWalk> m_walk;
};

} // namespace zs
