#include "array/ShardIndexCache.h"

namespace zs {

ShardIndexCache::ShardIndexCache(std::uint64_t maxBytes) : m_maxBytes(maxBytes) {}

std::shared_ptr<const ShardIndex> ShardIndexCache::find(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_byKey.constFind(key);
    if (it == m_byKey.cend()) return nullptr;
    m_lru.splice(m_lru.begin(), m_lru, *it);
    return (*it)->index;
}

void ShardIndexCache::insert(const QString &key, std::shared_ptr<const ShardIndex> index)
{
    // What the entries take in memory, plus the key: close enough for a budget.
    const std::uint64_t bytes =
        index->size() * sizeof(ShardingCodec::IndexEntry) + std::uint64_t(key.size()) * 2 + 64;
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_byKey.constFind(key); it != m_byKey.cend()) {
        m_bytes -= (*it)->bytes;
        m_lru.erase(*it);
        m_byKey.erase(it);
    }
    if (bytes > m_maxBytes) return; // larger than the whole cache: keeping it would evict everything else
    m_lru.push_front(Entry{key, std::move(index), bytes});
    m_byKey.insert(key, m_lru.begin());
    m_bytes += bytes;
    while (m_bytes > m_maxBytes) {
        m_bytes -= m_lru.back().bytes;
        m_byKey.remove(m_lru.back().key);
        m_lru.pop_back();
    }
}

void ShardIndexCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_lru.clear();
    m_byKey.clear();
    m_bytes = 0;
}

std::uint64_t ShardIndexCache::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

std::size_t ShardIndexCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_lru.size();
}

} // namespace zs
