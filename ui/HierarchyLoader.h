#pragma once
// Discovers a store's nodes on a worker thread (Hierarchy's calls block on futures) and
// delivers the result to the GUI thread. Unlike listNodes, one broken node does not sink
// the whole tree: it becomes an entry with its error. A newer load makes older ones stale;
// their results are dropped by job id, and nothing arrives once this object is gone
// (a QPointer-guarded context and a queued call, as in KDAB's hotspot).

#include "hierarchy/HierarchyEntry.h"
#include "store/Store.h"

#include <QObject>
#include <memory>

namespace zs {

class HierarchyLoader final : public QObject
{
    Q_OBJECT
public:
    explicit HierarchyLoader(QObject *parent = nullptr);

    // Every node of the store (consolidated metadata, else a walk of its listing, else the root alone).
    void loadAll(std::shared_ptr<Store> store);
    // Just the node at `path`: for stores that cannot be listed.
    void loadOne(std::shared_ptr<Store> store, const QString &path);
    bool isLoading() const { return m_loading; }

    // Runs on the calling thread; what loadAll does on its worker.
    static Result<HierarchyEntries> discover(Store &store);

Q_SIGNALS:
    void loaded(const zs::HierarchyEntries &entries);
    void failed(const QString &message);

private:
    template <typename Work> void run(Work work);

    quint64 m_job = 0;
    bool m_loading = false;
};

} // namespace zs
