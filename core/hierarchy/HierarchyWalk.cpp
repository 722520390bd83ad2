#include "hierarchy/HierarchyWalk.h"

#include "hierarchy/ConsolidatedEntries.h"
#include "hierarchy/NodeProbe.h"
#include "metadata/MetadataParser.h"
#include "util/FutureChain.h"

#include <QMutex>
#include <QPromise>
#include <QRecursiveMutex>
#include <algorithm>
#include <unordered_map>

namespace zs {

namespace {

bool hasMetadata(const Listing &listing)
{
    return listing.keys.contains(QStringLiteral("zarr.json")) ||
           listing.keys.contains(QStringLiteral(".zarray")) ||
           listing.keys.contains(QStringLiteral(".zgroup"));
}

// One directory being looked at: its documents and (except for the fallback) its listing.
struct NodeTask
{
    enum class Role
    {
        Root,     // the listed root: no metadata there fails the whole walk
        Child,    // a listed child: no metadata there is a plain directory, skipped
        Fallback, // the root of a store that cannot be listed: only an array there will do
    };
    NodeProbe probe;
    Role role = Role::Child;
    int depth = 0;
    std::optional<ListResult> listing;
    bool done = false;
};

constexpr int kMaxDepth = 64;

} // namespace

struct HierarchyWalk::State : std::enable_shared_from_this<State>
{
    std::shared_ptr<Store> store;
    NodesFound onNodes;
    QRecursiveMutex callbackMutex; // held while onNodes runs, so cancel() can wait it out
    QMutex mutex;                  // everything below
    QPromise<Result<HierarchyEntries>> promise;
    bool over = false; // finished or cancelled: answers still arriving are ignored
    std::unordered_map<quint64, QFuture<void>> inFlight;
    quint64 nextId = 0;
    int openTasks = 0;
    DocumentResult rootV3;
    HierarchyEntries all, batch;
    bool flushPosted = false;
    std::optional<Result<HierarchyEntries>> outcome; // set once every task is done

    // Asks the store; `onAnswer(answer)` runs on the network thread with the mutex held.
    template <typename T, typename F> void request(QFuture<T> future, F onAnswer)
    {
        const quint64 id = ++nextId;
        inFlight.emplace(id, QFuture<void>(future));
        afterFinished(future,
                      [self = shared_from_this(), id, onAnswer = std::move(onAnswer)](T answer) mutable {
                          QMutexLocker lock(&self->mutex);
                          self->inFlight.erase(id);
                          if (!self->over) onAnswer(std::move(answer));
                      });
    }

    void start()
    {
        QMutexLocker lock(&mutex);
        promise.start();
        const QString key = NodeProbe::keyOf(NodeProbe::ZarrJson);
        request(store->get(key),
                [this, key](GetResult r) { onRootZarrJson(documentFrom(r, store->locate(key))); });
    }

    void onRootZarrJson(DocumentResult doc)
    {
        rootV3 = doc;
        if (auto consolidated = v3ConsolidatedIn(doc, store->locate(NodeProbe::keyOf(NodeProbe::ZarrJson))))
            return finishWith(std::move(*consolidated));
        if (!shouldReadZmetadata(doc)) return listRoot();
        const QString key = QStringLiteral(".zmetadata");
        request(store->get(key), [this, key](GetResult r) {
            const QString where = store->locate(key);
            if (auto consolidated = v2ConsolidatedIn(documentFrom(r, where), store->canList(), where))
                return finishWith(std::move(*consolidated));
            listRoot();
        });
    }

    void listRoot()
    {
        if (!store->canList()) return startTask(NodeTask::Role::Fallback, QString(), 0, std::nullopt);
        request(store->list(QString()), [this](ListResult r) {
            if (r)
                startTask(NodeTask::Role::Root, QString(), 0, std::move(r));
            else
                startTask(NodeTask::Role::Fallback, QString(), 0, std::nullopt);
        });
    }

    // Issues the task's listing and every document not yet known, all at once.
    void startTask(NodeTask::Role role, const QString &path, int depth, std::optional<ListResult> listing)
    {
        auto task = std::make_shared<NodeTask>();
        task->role = role;
        task->probe.path = path;
        task->depth = depth;
        task->listing = std::move(listing);
        if (role != NodeTask::Role::Child) task->probe.docs[NodeProbe::ZarrJson] = rootV3; // read already
        ++openTasks;
        if (role == NodeTask::Role::Child)
            request(store->list(path), [this, task](ListResult r) {
                task->listing = std::move(r);
                advance(*task);
            });
        for (int d = 0; d < NodeProbe::DocumentCount; ++d) {
            if (task->probe.docs[d]) continue;
            const QString key = joinKey(path, NodeProbe::keyOf(NodeProbe::Document(d)));
            request(store->get(key), [this, task, d, key](GetResult r) {
                task->probe.docs[d] = documentFrom(r, store->locate(key));
                advance(*task);
            });
        }
    }

    // Decides a task once the answers it needs are in: the same rules as the sequential walk.
    void advance(NodeTask &task)
    {
        if (task.done) return;
        const bool listed = task.role != NodeTask::Role::Fallback;
        if (listed && !task.listing) return;
        if (listed && !*task.listing) { // a child that could not be listed is shown with why
            HierarchyEntry unlisted;
            unlisted.path = task.probe.path;
            unlisted.error = task.listing->error().toString();
            report({std::move(unlisted)});
            return taskDone(task);
        }
        // Only a listing that may hide dot-files costs a look at a plain directory's documents.
        const bool plain = listed && !hasMetadata(**task.listing) && !(*task.listing)->mayOmitDotFiles;
        if (!plain && !task.probe.decided()) return;
        std::optional<HierarchyEntry> entry = plain ? std::nullopt : task.probe.entry(*store);
        if (task.role == NodeTask::Role::Fallback) return finishFallback(std::move(entry));
        if (!entry) {
            if (task.role == NodeTask::Role::Root)
                return finishWith(makeError(
                    QStringLiteral("no Zarr metadata (zarr.json, .zgroup or .zarray) at the store root"),
                    store->location()));
            return taskDone(task);
        }
        // An array's subdirectories are its chunks, not nodes.
        const bool isArray = entry->knownKind() == NodeMetadata::Kind::Array;
        HierarchyEntries found{std::move(*entry)};
        if (!isArray) {
            for (const QString &child : (*task.listing)->prefixes) {
                const QString childPath = joinKey(task.probe.path, child);
                if (task.depth < kMaxDepth) {
                    startTask(NodeTask::Role::Child, childPath, task.depth + 1, std::nullopt);
                    continue;
                }
                HierarchyEntry deep;
                deep.path = childPath;
                deep.error = QStringLiteral("hierarchy nested deeper than 64 levels");
                found.push_back(std::move(deep));
            }
        }
        report(std::move(found));
        taskDone(task);
    }

    // A store that cannot be listed: an array at its root is the whole store; a group's children
    // cannot be found, which the user must be told.
    void finishFallback(std::optional<HierarchyEntry> entry)
    {
        if (!entry)
            return finishWith(makeError(QStringLiteral("no Zarr array or group here"), store->locate({})));
        if (!entry->node) return finishWith(makeError(entry->error));
        if (!entry->node->isArray())
            return finishWith(
                makeError(QStringLiteral("this store cannot be listed: open an array path directly"),
                          store->location()));
        HierarchyEntry e;
        e.zarrFormat = entry->node->zarrFormat;
        e.node = std::move(entry->node);
        finishWith(HierarchyEntries{std::move(e)});
    }

    void taskDone(NodeTask &task)
    {
        task.done = true;
        if (--openTasks == 0) finishWith(HierarchyEntries{});
    }

    void report(HierarchyEntries entries)
    {
        for (HierarchyEntry &e : entries) {
            all.push_back(e);
            batch.push_back(std::move(e));
        }
        postFlush();
    }

    // The walk's outcome. Entries given here (consolidated, the fallback) are reported in one batch.
    void finishWith(Result<HierarchyEntries> result)
    {
        if (outcome) return;
        if (result) {
            std::sort(result->begin(), result->end(),
                      [](const auto &a, const auto &b) { return a.path < b.path; });
            report(*result);
            std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.path < b.path; });
            result = all;
        }
        outcome = std::move(result);
        postFlush();
    }

    // Batches what the answers of one turn of the event loop found, and finishes the walk after
    // the last batch, so a listener has every node before the result.
    void postFlush()
    {
        if (flushPosted) return;
        flushPosted = true;
        QMetaObject::invokeMethod(
            detail::futureChainContext(), [self = shared_from_this()] { self->flush(); },
            Qt::QueuedConnection);
    }

    void flush()
    {
        QMutexLocker callback(&callbackMutex);
        HierarchyEntries found;
        {
            QMutexLocker lock(&mutex);
            flushPosted = false;
            if (over) return;
            found.swap(batch);
        }
        if (!found.empty() && onNodes) onNodes(found);
        std::shared_ptr<Store> release;
        QMutexLocker lock(&mutex);
        if (over || !outcome) return;
        over = true;
        promise.addResult(std::move(*outcome));
        promise.finish();
        release.swap(store); // let go after unlocking
        lock.unlock();
    }

    void cancel()
    {
        std::shared_ptr<Store> release;
        {
            QMutexLocker lock(&mutex);
            if (over) return;
            over = true;
            for (auto &[id, future] : inFlight)
                future.cancel();
            inFlight.clear();
            promise.future().cancel();
            promise.finish();
            release.swap(store);
        }
        QMutexLocker callback(&callbackMutex); // a batch being delivered now is the last one
    }
};

HierarchyWalk::HierarchyWalk(std::shared_ptr<Store> store, NodesFound onNodes)
    : m_state(std::make_shared<State>())
{
    m_state->store = std::move(store);
    m_state->onNodes = std::move(onNodes);
    m_state->start();
}

HierarchyWalk::~HierarchyWalk()
{
    m_state->cancel();
}

QFuture<Result<HierarchyEntries>> HierarchyWalk::result() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->promise.future();
}

void HierarchyWalk::cancel()
{
    m_state->cancel();
}

} // namespace zs
