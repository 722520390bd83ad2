#pragma once
// Decoded shard indexes, kept so a second read of the same shards (a zoom, a pan, the next
// band of a progressive read) goes straight to the inner chunks instead of asking for the
// index again. Least recently used indexes go first once the byte budget is spent.
// Thread-safe: readers on different threads may share one cache.

#include "codec/ShardingCodec.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <list>
#include <memory>

namespace zs {

using ShardIndex = std::vector<ShardingCodec::IndexEntry>;

class ShardIndexCache
{
public:
    explicit ShardIndexCache(std::uint64_t maxBytes = std::uint64_t(32) << 20);

    // `key` names the shard object uniquely (the store's locate(), not just the chunk key).
    std::shared_ptr<const ShardIndex> find(const QString &key);
    void insert(const QString &key, std::shared_ptr<const ShardIndex> index);
    void clear();

    std::uint64_t bytes() const;
    std::size_t size() const;
    std::uint64_t maxBytes() const { return m_maxBytes; }

private:
    struct Entry
    {
        QString key;
        std::shared_ptr<const ShardIndex> index;
        std::uint64_t bytes = 0;
    };
    mutable QMutex m_mutex;
    std::uint64_t m_maxBytes;
    std::uint64_t m_bytes = 0;
    std::list<Entry> m_lru; // most recently used first
    QHash<QString, std::list<Entry>::iterator> m_byKey;
};

} // namespace zs
