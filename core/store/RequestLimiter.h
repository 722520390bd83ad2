#pragma once
// A store's concurrency budget: at most `limit` requests running at once, the rest queued in
// the order they came (tensorstore's named concurrency resource, one per store). Readers and
// discovery ask as much as they like and queue here instead of sizing windows of their own.
// A request cancelled while queued is dropped when its turn comes, without running: O(1) per
// cancel, and it never takes a slot. Thread-safe; `run` is called on the thread that frees the
// slot (or submits), so it should only hand the work to a pool.

#include <QMutex>
#include <QString>
#include <deque>
#include <functional>

namespace zs {

struct LimiterStats
{
    std::uint64_t started = 0; // requests that ran
    std::uint64_t dropped = 0; // cancelled while queued
    int running = 0;
    int maxRunning = 0;
    int queued = 0;
};

class RequestLimiter
{
public:
    RequestLimiter(QString name, int limit);

    struct Work
    {
        std::function<void()> run;         // starts the request; it must call release() once done
        std::function<bool()> isCancelled; // asked before running
        std::function<void()> drop;        // called instead of run when cancelled while queued
    };
    void submit(Work work);
    void release();

    int limit() const { return m_limit; }
    const QString &name() const { return m_name; }
    LimiterStats stats() const;
    void resetStats();

private:
    void pump(QMutexLocker<QMutex> &lock);

    const QString m_name;
    const int m_limit;
    mutable QMutex m_mutex;
    std::deque<Work> m_queue;
    LimiterStats m_stats;
};

} // namespace zs
