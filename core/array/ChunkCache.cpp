#include "array/ChunkCache.h"

#include <QCryptographicHash>
#include <QMutexLocker>

namespace zs {

QByteArray metadataFingerprint(const ArrayMetadata &meta)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    auto addShape = [&](const Shape &s) {
        h.addData(QByteArray::number(qulonglong(s.size())));
        for (auto v : s)
            h.addData(QByteArrayLiteral(",") + QByteArray::number(qulonglong(v)));
        h.addData(QByteArrayLiteral(";"));
    };
    h.addData(QByteArray::number(meta.zarrFormat));
    addShape(meta.shape);
    addShape(meta.chunks);
    addShape(meta.innerChunks);
    h.addData(meta.dtype.name.toUtf8() + ';');
    h.addData(meta.fill.toHex() + ';' + meta.fillItem.toHex() + ';');
    h.addData(QByteArray(1, meta.order));
    h.addData(meta.keyEncoding.describe().toUtf8());
    h.addData(QByteArray::fromStdString(meta.codecs.describe().dump()));
    return h.result();
}

ChunkCache::ChunkCache(std::uint64_t budgetBytes) : m_budget(budgetBytes) {}

QString ChunkCache::arrayKeyOf(const ArrayId &array)
{
    // U+001F cannot appear in a store location or a key we would read.
    return array.store + QChar(0x1f) + array.path + QChar(0x1f);
}

void ChunkCache::noteFingerprint(const QString &arrayKey, const QByteArray &fingerprint)
{
    auto it = m_fingerprints.find(arrayKey);
    if (it == m_fingerprints.end()) {
        m_fingerprints.insert(arrayKey, fingerprint);
        return;
    }
    if (*it == fingerprint) return;
    *it = fingerprint;
    // Reopened with other metadata: what was cached decodes differently now (or not at all).
    for (auto e = m_lru.begin(); e != m_lru.end();) {
        auto next = std::next(e);
        if (e->arrayKey == arrayKey) {
            erase(e);
            ++m_counters.invalidated;
        }
        e = next;
    }
}

std::optional<ChunkCache::Chunk> ChunkCache::find(const ArrayId &array, const QString &chunkKey)
{
    const QString arrayKey = arrayKeyOf(array);
    QMutexLocker lock(&m_mutex);
    noteFingerprint(arrayKey, array.fingerprint);
    auto it = m_index.find(arrayKey + chunkKey);
    if (it == m_index.end()) {
        ++m_counters.misses;
        return std::nullopt;
    }
    m_lru.splice(m_lru.begin(), m_lru, *it);
    ++m_counters.hits;
    return (*it)->chunk; // shares the buffer: no copy of the bytes
}

bool ChunkCache::contains(const ArrayId &array, const QString &chunkKey) const
{
    const QString arrayKey = arrayKeyOf(array);
    QMutexLocker lock(&m_mutex);
    const auto fp = m_fingerprints.constFind(arrayKey);
    if (fp == m_fingerprints.constEnd() || *fp != array.fingerprint) return false;
    return m_index.contains(arrayKey + chunkKey);
}

bool ChunkCache::insert(const ArrayId &array, const QString &chunkKey, Chunk chunk)
{
    const QString arrayKey = arrayKeyOf(array);
    const std::uint64_t cost = std::uint64_t(chunk.decoded.size()) + kEntryOverheadBytes;
    QMutexLocker lock(&m_mutex);
    noteFingerprint(arrayKey, array.fingerprint);
    const QString key = arrayKey + chunkKey;
    if (auto it = m_index.find(key); it != m_index.end()) erase(*it); // the newer copy wins
    if (cost > m_budget) {
        ++m_counters.refused;
        return false;
    }
    evictTo(m_budget - cost);
    m_lru.push_front(Entry{key, arrayKey, std::move(chunk), cost});
    m_index.insert(key, m_lru.begin());
    m_bytes += cost;
    ++m_counters.insertions;
    return true;
}

void ChunkCache::evictTo(std::uint64_t budget)
{
    while (m_bytes > budget && !m_lru.empty()) {
        erase(std::prev(m_lru.end()));
        ++m_counters.evictions;
    }
}

void ChunkCache::erase(Lru::iterator it)
{
    m_bytes -= it->cost;
    m_index.remove(it->key);
    m_lru.erase(it);
}

void ChunkCache::setBudget(std::uint64_t budgetBytes)
{
    QMutexLocker lock(&m_mutex);
    m_budget = budgetBytes;
    evictTo(m_budget);
}

std::uint64_t ChunkCache::budget() const
{
    QMutexLocker lock(&m_mutex);
    return m_budget;
}

std::uint64_t ChunkCache::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

std::size_t ChunkCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_lru.size();
}

ChunkCache::Counters ChunkCache::counters() const
{
    QMutexLocker lock(&m_mutex);
    return m_counters;
}

void ChunkCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_lru.clear();
    m_index.clear();
    m_fingerprints.clear();
    m_bytes = 0;
}

} // namespace zs
