#pragma once
// Decoded chunks kept for the next read: an LRU with a byte budget, shared by every view and
// reader of one opened store (whoever opens the store holds one beside it and passes it through
// ReadOptions::cache). A hit costs no request and no decode: values are the decoded chunk bytes,
// immutable once inserted and implicitly shared, so a hit hands out the cache's own buffer.
// An array is known by its store, its path and a fingerprint of its metadata: when an array is
// reopened with other metadata, the chunks cached under the old fingerprint are dropped.
// What does not fit the budget is simply not kept, so a read larger than the cache still works.
// Thread-safe: readers look up and insert from the decode pool.

#include "metadata/NodeMetadata.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <cstdint>
#include <list>
#include <optional>

namespace zs {

// Every field of an array's metadata that shapes a decoded chunk's bytes (format, shape, chunk
// grid, dtype, fill, order, key encoding, codec chain), hashed.
QByteArray metadataFingerprint(const ArrayMetadata &meta);

class ChunkCache
{
public:
    static constexpr std::uint64_t kDefaultBudgetBytes = std::uint64_t(512) << 20;
    // What an entry costs beyond its bytes: a missing chunk's entry is not free either.
    static constexpr std::uint64_t kEntryOverheadBytes = 128;

    struct ArrayId
    {
        QString store; // the store's location
        QString path;  // the array's path in the store
        QByteArray fingerprint;
    };
    // A decoded chunk, or the note that the store has none (it reads as the fill value).
    struct Chunk
    {
        QByteArray decoded;
        bool missing = false;
    };
    struct Counters
    {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::uint64_t insertions = 0;
        std::uint64_t evictions = 0;   // dropped to make room
        std::uint64_t refused = 0;     // larger than the whole budget: not kept
        std::uint64_t invalidated = 0; // dropped because their array's metadata changed
    };

    explicit ChunkCache(std::uint64_t budgetBytes = kDefaultBudgetBytes);
    ChunkCache(const ChunkCache &) = delete;
    ChunkCache &operator=(const ChunkCache &) = delete;

    // The chunk, most recently used from now on; nullopt when not cached.
    std::optional<Chunk> find(const ArrayId &array, const QString &chunkKey);
    // Whether the chunk is cached, without touching its place in the LRU or the counters.
    bool contains(const ArrayId &array, const QString &chunkKey) const;
    // Keeps the chunk if it fits the budget (evicting the least recently used); false if not kept.
    bool insert(const ArrayId &array, const QString &chunkKey, Chunk chunk);

    void setBudget(std::uint64_t budgetBytes); // evicts down to the new budget
    std::uint64_t budget() const;
    std::uint64_t bytes() const; // what the entries cost now (bytes + overhead)
    std::size_t size() const;    // entries
    Counters counters() const;
    void clear();

private:
    struct Entry
    {
        QString key;      // array key + chunk key
        QString arrayKey; // store + path
        Chunk chunk;
        std::uint64_t cost = 0;
    };
    using Lru = std::list<Entry>; // most recently used first

    static QString arrayKeyOf(const ArrayId &array);
    // Drops the array's entries if it was last seen with another fingerprint; records this one.
    void noteFingerprint(const QString &arrayKey, const QByteArray &fingerprint);
    void evictTo(std::uint64_t budget);
    void erase(Lru::iterator it);

    mutable QMutex m_mutex;
    std::uint64_t m_budget;
    std::uint64_t m_bytes = 0;
    Lru m_lru;
    QHash<QString, Lru::iterator> m_index;
    QHash<QString, QByteArray> m_fingerprints; // per array key
    Counters m_counters;
};

} // namespace zs
