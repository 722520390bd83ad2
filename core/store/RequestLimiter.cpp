#include "store/RequestLimiter.h"

#include <algorithm>

namespace zs {

RequestLimiter::RequestLimiter(QString name, int limit)
    : m_name(std::move(name)), m_limit(std::clamp(limit, 1, 4096))
{
}

void RequestLimiter::submit(Work work)
{
    QMutexLocker lock(&m_mutex);
    m_queue.push_back(std::move(work));
    pump(lock);
}

void RequestLimiter::release()
{
    QMutexLocker lock(&m_mutex);
    --m_stats.running;
    pump(lock);
}

// Starts queued work while slots are free. The callbacks run unlocked: they may submit again.
void RequestLimiter::pump(QMutexLocker<QMutex> &lock)
{
    while (!m_queue.empty() && m_stats.running < m_limit) {
        Work w = std::move(m_queue.front());
        m_queue.pop_front();
        const bool cancelled = w.isCancelled && w.isCancelled();
        if (cancelled) {
            ++m_stats.dropped;
        } else {
            ++m_stats.started;
            m_stats.maxRunning = std::max(m_stats.maxRunning, ++m_stats.running);
        }
        m_stats.queued = int(m_queue.size());
        lock.unlock();
        if (cancelled) {
            if (w.drop) w.drop();
        } else {
            w.run();
        }
        lock.relock();
    }
    m_stats.queued = int(m_queue.size());
}

LimiterStats RequestLimiter::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

void RequestLimiter::resetStats()
{
    QMutexLocker lock(&m_mutex);
    const int running = m_stats.running, queued = m_stats.queued;
    m_stats = LimiterStats{};
    m_stats.running = m_stats.maxRunning = running;
    m_stats.queued = queued;
}

} // namespace zs
