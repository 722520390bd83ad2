#pragma once
// One read of a sharded v3 array by byte range. Per shard the selection touches: the index
// with one request (the last N bytes, or the first N when it sits at the start), or from the
// cache; then the inner chunks it needs, neighbours coalesced into one range request. Absent
// shards and empty index entries read as the fill value. Inner chunks decode on the shared
// pool and are copied straight into the result. At most `concurrency` store reads are
// outstanding, and fetched-but-not-copied bytes stay under the byte budget (one request is
// always allowed so a large range cannot stall the read).
// Lives on the thread that starts it; ArrayReader owns it and forwards its signals.

#include "array/ChunkPlan.h"
#include "array/RangeCoalescer.h"
#include "array/ReadStats.h"
#include "array/ShardIndexCache.h"
#include "array/ShardedReadPlan.h"
#include "store/Store.h"

#include <QHash>
#include <QObject>
#include <deque>
#include <memory>

namespace zs {

class ShardedRead final : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        std::shared_ptr<Store> store;
        QString path;
        ArrayMetadata meta;
        ShardLayout layout;
        ChunkPlan plan;    // over layout.innerShape
        QByteArray output; // the result buffer, allocated by the caller
        int concurrency = 64;
        std::uint64_t maxBytesInFlight = std::uint64_t(16) << 20;
        CoalesceLimits coalesce;
        std::shared_ptr<ShardIndexCache> cache;
        std::shared_ptr<StringArena> arena; // variable-length dtypes: where inner chunks put their items
    };

    // `stats` must outlive this object; it is updated as the read goes.
    ShardedRead(Setup setup, ReadStats *stats, QObject *parent = nullptr);
    ~ShardedRead() override;

    void start();
    // Drops queued reads, aborts running ones; nothing is emitted afterwards.
    void cancel();
    // After readFinished: the result buffer.
    QByteArray takeOutput();
    const std::shared_ptr<StringArena> &arena() const;

Q_SIGNALS:
    void progress(quint64 chunksDone, quint64 chunksTotal, quint64 bytes);
    void readFinished();
    void readFailed(const QString &message);

private:
    struct Shared;
    struct Group
    {
        std::size_t shard = 0;
        MergedRange range;
    };
    void issueMore();
    void issueIndexRead(std::size_t shard);
    void issueGroup(Group group);
    void onIndexFetched(quint64 op, std::size_t shard, GetResult result);
    void onIndexDecoded(std::size_t shard, Result<ShardIndex> index);
    void planShard(std::size_t shard, const ShardIndex &index);
    void onGroupFetched(quint64 op, const Group &group, std::uint64_t cost, GetResult result);
    void fillChunks(std::vector<std::size_t> tasks);
    void chunksDone(std::uint64_t count);
    void fail(const Error &error);
    QString shardKey(std::size_t shard) const;
    void countRequest(bool isIndex);

    std::shared_ptr<Shared> m_shared; // what decode workers need; they hold it while running
    std::shared_ptr<Store> m_store;
    QString m_path;
    std::shared_ptr<ShardIndexCache> m_cache;
    CoalesceLimits m_coalesce;
    int m_concurrency = 1;
    std::uint64_t m_maxBytes = 0;
    ReadStats *m_stats;

    std::vector<ShardWork> m_shards;
    std::size_t m_nextShard = 0;   // next shard whose index is to be looked up
    std::deque<Group> m_ready;     // range requests known, not yet issued
    int m_inFlight = 0;            // store reads outstanding
    std::uint64_t m_bytesHeld = 0; // fetched or in flight, not yet copied
    std::uint64_t m_done = 0;
    quint64 m_nextOp = 1;
    QHash<quint64, QFuture<GetResult>> m_fetching; // to cancel them
    bool m_stopped = false;
};

} // namespace zs
