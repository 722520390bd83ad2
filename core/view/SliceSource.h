#pragma once
// What the Data tab (and `zarrscope-cli scrub`) reads a slice through: one selection of one
// array at a time, the displayed dimensions strided or whole and the slider dimensions fixed
// (dropped). Reads go through ArrayReader with the store's shared ChunkCache, so stepping a
// slider within a chunk costs no request. Regions of the result are announced as each chunk
// lands, from the one read's buffer (no bands, no second buffer), and every signal carries the
// job id of its request: a new request() makes the previous one stale and it never reports again.
// While the user rests on a slice, the neighbouring slider positions (the next and previous chunk
// along each slider dimension) are read into the cache, one at a time; a user read that needs the
// store cancels the prefetch in flight, so a prefetch never delays what the user asked for.
// Lives in the thread that uses it (Qt Core only).

#include "array/ArrayReader.h"

#include <QObject>
#include <deque>
#include <memory>

namespace zs {

class SliceSource final : public QObject
{
    Q_OBJECT
public:
    // `cache` is the store's; null reads without one (and prefetches nothing).
    SliceSource(std::shared_ptr<Store> store, QString arrayPath, ArrayMetadata meta,
                std::shared_ptr<ChunkCache> cache, QObject *parent = nullptr);
    ~SliceSource() override;

    // Starts reading `selection` (cancelling the read in progress); returns its job id.
    quint64 request(const Selection &selection);
    void cancel(); // the user read and any prefetch
    bool isRunning() const;
    quint64 currentJob() const { return m_job; }
    const Selection &selection() const { return m_selection; }
    const ArrayMetadata &meta() const { return m_meta; }
    const std::shared_ptr<Store> &store() const { return m_store; }
    const std::shared_ptr<ChunkCache> &cache() const { return m_cache; } // null: reads without one
    // The current job's result bytes (C order of selection().resultShape()): while it runs only
    // the regions already announced are written; complete after finished(); null after a failure
    // or cancel.
    const char *data() const;

    void setPrefetchEnabled(bool on);
    bool isPrefetching() const;

    // Everything the user reads and the prefetches did since construction (store reads, bytes
    // they returned, chunks served from the cache to user reads).
    struct Totals
    {
        std::uint64_t requests = 0;
        std::uint64_t bytes = 0;
        std::uint64_t cacheHits = 0;
        std::uint64_t prefetchReads = 0; // neighbouring positions read into the cache
    };
    Totals totals() const;
    const ReadStats &lastStats() const { return m_lastStats; } // the last finished user read

Q_SIGNALS:
    void progress(quint64 job, quint64 chunksDone, quint64 chunksTotal, quint64 bytes);
    void regionReady(quint64 job, const zs::ResultRegion &region);
    void finished(quint64 job);
    void failed(quint64 job, const zs::Error &error);
    void prefetchIdle(); // nothing left to prefetch around the slice shown

private:
    // Whether every chunk `selection` touches is in the cache (no store read needed).
    bool isCached(const Selection &selection) const;
    bool canCache() const;
    std::deque<Selection> neighbours(const Selection &shown) const;
    void schedulePrefetch();
    void prefetchNext();
    void endUserRead();
    void endPrefetch();

    std::shared_ptr<Store> m_store;
    QString m_path;
    ArrayMetadata m_meta;
    std::shared_ptr<ChunkCache> m_cache;
    ArrayReader *m_reader;     // the user's reads
    ArrayReader *m_prefetcher; // one neighbouring position at a time
    quint64 m_job = 0;
    Selection m_selection;
    NdArray m_result; // the finished user read (shares the reader's buffer)
    bool m_userRunning = false;
    bool m_userNeedsStore = false;
    bool m_prefetchEnabled = true;
    bool m_prefetchRunning = false;
    Selection m_prefetching; // the target in flight
    std::deque<Selection> m_prefetchQueue;
    ReadStats m_lastStats;
    Totals m_totals;
    quint64 m_restSerial = 0; // drops a scheduled prefetch start when a new request came since
};

} // namespace zs
