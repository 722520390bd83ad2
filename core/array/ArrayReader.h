#pragma once
// Reads a selection of one array: plans the chunks it touches, asks the store for them,
// decodes them in parallel on the decode pool and copies each into the result buffer, which
// is allocated once. One pipeline for every array: a sharded array whose inner chunks can be
// read by range is read through a ShardStore over the array's store, so its inner chunks are
// just chunks here (fill values, budgets, cancel, stats and progress exist once). How many
// requests are on the wire is the store's limiter's business; the reader only bounds the
// decoded bytes it holds, so it may have many more requests queued than the limit.
// Lives in the thread that starts it; results and progress arrive as signals.

#include "array/ChunkCache.h"
#include "array/ChunkPlan.h"
#include "array/NdArray.h"
#include "array/RangeCoalescer.h"
#include "array/ReadStats.h"
#include "array/ResultRegion.h"
#include "array/ShardIndexCache.h"
#include "metadata/NodeMetadata.h"
#include "store/Store.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>

namespace zs {

struct ReadOptions
{
    int concurrency = 64; // 1 = sequential: one chunk after another
    // Decoded bytes the chunks between fetch and copy may hold at once. Large chunks get fewer
    // slots: memory stays bounded, and a few transfers that finish early let decoding overlap
    // the download instead of every transfer sharing the bandwidth and finishing at the end.
    std::uint64_t maxBytesInFlight = std::uint64_t(16) << 20;
    std::uint64_t maxResultBytes = std::uint64_t(16) << 30; // refuse larger selections up front
    // Sharded v3 arrays: inner chunks are read by byte range, neighbours within coalesce.maxGap
    // bytes in one request of at most coalesce.maxMerged bytes.
    CoalesceLimits coalesce = {};
    // Decoded shard indexes; null uses the reader's own, which lives as long as the reader.
    std::shared_ptr<ShardIndexCache> shardIndexCache = nullptr;
    // Refuse arrays whose decoded chunk (an inner chunk when shards are read by range, else the whole shard)
    // is larger, before any is allocated: metadata alone can declare a 100 GB chunk for a 4-element read. 2
    // GiB is also the most c-blosc and lz4 can compress in one buffer.
    std::uint64_t maxChunkBytes = std::uint64_t(2) << 30;
    // Decoded chunks shared by the reads of one store: each chunk is looked up before its store
    // read and kept after its decode. Null reads without. (Unsharded arrays; not variable-length
    // dtypes, whose chunks point into each read's own string arena.)
    std::shared_ptr<ChunkCache> cache = nullptr;
};

class ArrayReader final : public QObject
{
    Q_OBJECT
public:
    ArrayReader(std::shared_ptr<Store> store, QString arrayPath, ArrayMetadata meta,
                QObject *parent = nullptr);
    ~ArrayReader() override;

    // Starts reading; a read already running is cancelled first.
    void start(const Selection &selection, const ReadOptions &options = {});
    void cancel();
    bool isRunning() const;

    // Valid after readFinished: the result and what the read did.
    const NdArray &result() const { return m_result; }
    const ReadStats &stats() const { return m_stats; }
    // While an unsharded read runs: its result buffer (C order of the result shape), of which
    // only the regions announced by regionReady are written; the rest is uninitialised. Valid
    // until the read ends (then result().data holds the same bytes). Null otherwise.
    const char *partialData() const;

Q_SIGNALS:
    void progress(quint64 chunksDone, quint64 chunksTotal, quint64 bytes);
    // A chunk's part of the result is complete (in partialData()); unsharded reads.
    void regionReady(const zs::ResultRegion &region);
    void readFinished();
    void readFailed(const zs::Error &error);

private:
    struct Job;
    void issueMore();
    void onFetched(quint64 jobId, std::size_t task, GetResult result);
    // Pool threads hand each decoded chunk to the job's inbox; the reader's thread takes them
    // in batches (one posted event per batch, not an object per chunk).
    static void deliverDecoded(const std::shared_ptr<Job> &job, std::size_t task, Status status);
    void takeDecoded(quint64 jobId);
    static void detach(Job &job); // no more deliveries to this reader
    void copyCached(const std::shared_ptr<Job> &job, std::size_t task, ChunkCache::Chunk chunk);
    void finishRead();
    void fail(const Error &error);
    void failLater(const Error &error);

    std::shared_ptr<Store> m_store;
    QString m_path;
    ArrayMetadata m_meta;
    std::shared_ptr<Job> m_job;
    std::shared_ptr<ShardIndexCache> m_indexCache = std::make_shared<ShardIndexCache>();
    quint64 m_nextJobId = 1;
    NdArray m_result;
    ReadStats m_stats;
    QElapsedTimer m_timer;
};

// Blocking convenience for the CLI and tests: runs an event loop until the read ends.
Result<NdArray> readSelection(std::shared_ptr<Store> store, const QString &arrayPath,
                              const ArrayMetadata &meta, const Selection &selection,
                              const ReadOptions &options = {}, ReadStats *stats = nullptr);

} // namespace zs
