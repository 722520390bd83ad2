#pragma once
// The shards of one sharded v3 array seen as a store of inner chunks (tensorstore's
// zarr3_sharding_indexed key-value store): a key names an inner chunk by its coordinates in
// the inner grid ("c/3/7"), and reading it reads a byte range of the shard object that holds
// it. Each shard's index is read once (the last or first N bytes) and kept in a cache shared
// between reads; inner chunks asked for together (getMany) are coalesced into as few range
// requests as the limits allow. An absent shard or an empty index entry is an absent key, so
// the reader fills it exactly as it fills a missing chunk. Every request goes to the base
// store, and so through its limiter; a pending operation keeps this adapter (and with it the
// base store) alive, and cancelling every future a request serves cancels the request.

#include "array/RangeCoalescer.h"
#include "array/ShardIndexCache.h"
#include "array/ShardedReadPlan.h"
#include "store/Store.h"

#include <QHash>
#include <QMutex>
#include <atomic>
#include <memory>

namespace zs {

class ShardStore final : public Store, public std::enable_shared_from_this<ShardStore>
{
public:
    struct Counters
    {
        std::uint64_t indexReads = 0;     // shard indexes read from the base store
        std::uint64_t indexCacheHits = 0; // shard indexes taken from the cache instead
        std::uint64_t requests = 0;       // range requests to the base store, index reads included
        std::uint64_t bytes = 0;          // bytes those requests returned
    };

    // `meta` must be range-readable (rangeReadableShards gives `layout`); `arrayPath` is where
    // the shards live in `base`.
    static std::shared_ptr<ShardStore> create(std::shared_ptr<Store> base, QString arrayPath,
                                              ArrayMetadata meta, ShardLayout layout,
                                              std::shared_ptr<ShardIndexCache> cache,
                                              CoalesceLimits coalesce);

    // The key of the inner chunk at `coords` (in the inner grid).
    static QString innerKey(const Shape &coords);
    // The key, in the base store, of the shard that holds the inner chunk `key`.
    QString holdingKey(const QString &key) const;

    QFuture<GetResult> get(const QString &key) override;
    std::vector<QFuture<GetResult>> getMany(const QStringList &keys) override;
    QFuture<GetResult> getRange(const QString &key, ByteRange range) override;
    QFuture<ListResult> list(const QString &prefix) override;
    bool canList() const override { return false; }
    QString location() const override;
    QString locate(const QString &key) const override;

    Counters counters() const;

private:
    struct Request;
    using Requests = std::vector<std::shared_ptr<Request>>;
    struct Address
    {
        Shape shard;
        std::uint64_t entry = 0;
    };

    ShardStore(std::shared_ptr<Store> base, QString arrayPath, ArrayMetadata meta, ShardLayout layout,
               std::shared_ptr<ShardIndexCache> cache, CoalesceLimits coalesce);
    Result<Address> address(const QString &key) const;
    QString shardKey(const Shape &shard) const;
    void withIndex(const QString &shardKey, Requests requests);
    void onIndexRead(const QString &shardKey, GetResult result);
    void readInner(const QString &shardKey, const ShardIndex &index, Requests requests);
    void readMerged(const QString &shardKey, MergedRange merged, Requests requests);

    std::shared_ptr<Store> m_base;
    QString m_path;
    ArrayMetadata m_meta; // owns the codec m_layout.codec points to
    ShardLayout m_layout;
    std::shared_ptr<ShardIndexCache> m_cache;
    CoalesceLimits m_coalesce;
    QMutex m_mutex;
    QHash<QString, Requests> m_waitingForIndex; // shard key -> requests waiting for its index read
    std::atomic<std::uint64_t> m_indexReads{0};
    std::atomic<std::uint64_t> m_indexCacheHits{0};
    std::atomic<std::uint64_t> m_requests{0};
    std::atomic<std::uint64_t> m_bytes{0};
};

} // namespace zs
