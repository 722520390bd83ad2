#pragma once
// Discovers a store's nodes without waiting for one answer before asking the next question:
// consolidated metadata first (root zarr.json, then .zmetadata), else the root's listing, then
// for every listed child directory its listing and its four metadata documents at once, and the
// next level as soon as a node is known to be a group. Siblings and levels are all in flight
// together; the only bound is the store's own limiter (HttpStore's scheduler). Continuations run
// on the network thread; no thread waits. The result equals the sequential walk's (Hierarchy.h).

#include "hierarchy/HierarchyEntry.h"
#include "store/Store.h"

#include <QFuture>
#include <functional>
#include <memory>

namespace zs {

class HierarchyWalk
{
public:
    // Called on the network thread with each batch of nodes as they are found, a group before
    // its children. It must not block; it is never called after cancel() has returned.
    using NodesFound = std::function<void(const HierarchyEntries &batch)>;

    // Starts at once. The walk keeps `store` alive until it has finished or been cancelled.
    explicit HierarchyWalk(std::shared_ptr<Store> store, NodesFound onNodes = {});
    ~HierarchyWalk(); // cancels a walk still running
    HierarchyWalk(const HierarchyWalk &) = delete;
    HierarchyWalk &operator=(const HierarchyWalk &) = delete;

    // Every node sorted by path, the root first (as discoverHierarchy), after the last batch was
    // reported; cancelled (no result) when the walk was.
    QFuture<Result<HierarchyEntries>> result() const;
    // Stops at once: queued requests are dropped and running ones aborted (QFuture::cancel on the
    // store's futures), nothing more is reported, and the store is let go.
    void cancel();

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace zs
