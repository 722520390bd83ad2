#include "view/SliceSource.h"

#include "array/ShardedReadPlan.h"
#include "metadata/MetadataParser.h"

namespace zs {

namespace {

// Prefetches take few of the store's request slots: they are for later, the user's reads are
// for now. The reader's smallest window (two chunks) keeps at most two of them asked for.
constexpr std::uint64_t kPrefetchBytesInFlight = 1;

bool sameSelection(const Selection &a, const Selection &b)
{
    if (a.dims.size() != b.dims.size()) return false;
    for (std::size_t i = 0; i < a.dims.size(); ++i) {
        const DimSelection &x = a.dims[i], &y = b.dims[i];
        if (x.start != y.start || x.step != y.step || x.count != y.count || x.dropped != y.dropped)
            return false;
    }
    return true;
}

} // namespace

SliceSource::SliceSource(std::shared_ptr<Store> store, QString arrayPath, ArrayMetadata meta,
                         std::shared_ptr<ChunkCache> cache, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_path(std::move(arrayPath)), m_meta(std::move(meta)),
      m_cache(std::move(cache)), m_reader(new ArrayReader(m_store, m_path, m_meta, this)),
      m_prefetcher(new ArrayReader(m_store, m_path, m_meta, this))
{
    // The reader only reports its current read, which is always job m_job.
    connect(m_reader, &ArrayReader::regionReady, this,
            [this](const ResultRegion &r) { Q_EMIT regionReady(m_job, r); });
    connect(m_reader, &ArrayReader::progress, this, [this](quint64 done, quint64 total, quint64 bytes) {
        Q_EMIT progress(m_job, done, total, bytes);
    });
    connect(m_reader, &ArrayReader::readFinished, this, [this] {
        m_result = m_reader->result();
        m_lastStats = m_reader->stats();
        endUserRead();
        Q_EMIT finished(m_job);
        schedulePrefetch();
    });
    connect(m_reader, &ArrayReader::readFailed, this, [this](const Error &error) {
        endUserRead();
        Q_EMIT failed(m_job, error);
    });
    connect(m_prefetcher, &ArrayReader::readFinished, this, [this] {
        endPrefetch();
        ++m_totals.prefetchReads;
        prefetchNext();
    });
    // A neighbour that cannot be read is the user's read's business, if they ever go there.
    connect(m_prefetcher, &ArrayReader::readFailed, this, [this] {
        endPrefetch();
        prefetchNext();
    });
}

SliceSource::~SliceSource() = default;

bool SliceSource::canCache() const
{
    // Sharded arrays read by range and variable-length dtypes do not go through the cache.
    return m_cache && !m_meta.dtype.isVariableLength() && !rangeReadableShards(m_meta);
}

quint64 SliceSource::request(const Selection &selection)
{
    if (m_userRunning) {
        m_reader->cancel();
        endUserRead();
    }
    ++m_job;
    m_selection = selection;
    m_result = {};
    m_userNeedsStore = !isCached(selection);
    if (m_userNeedsStore && m_prefetchRunning) {
        m_prefetcher->cancel(); // it would share the store's request slots with the user's read
        endPrefetch();
    }
    ReadOptions options;
    options.cache = m_cache;
    m_userRunning = true;
    m_reader->start(selection, options);
    return m_job;
}

void SliceSource::cancel()
{
    m_prefetchQueue.clear();
    if (m_prefetchRunning) {
        m_prefetcher->cancel();
        endPrefetch();
    }
    if (!m_userRunning) return;
    m_reader->cancel();
    endUserRead();
}

bool SliceSource::isRunning() const
{
    return m_userRunning;
}

bool SliceSource::isPrefetching() const
{
    return m_prefetchRunning;
}

const char *SliceSource::data() const
{
    if (m_userRunning) return m_reader->partialData();
    return m_result.data.isEmpty() ? nullptr : m_result.data.constData();
}

void SliceSource::setPrefetchEnabled(bool on)
{
    m_prefetchEnabled = on;
    if (!on) {
        m_prefetchQueue.clear();
        if (m_prefetchRunning) {
            m_prefetcher->cancel();
            endPrefetch();
        }
    }
}

SliceSource::Totals SliceSource::totals() const
{
    return m_totals;
}

void SliceSource::endUserRead()
{
    m_userRunning = false;
    const ReadStats &s = m_reader->stats();
    m_totals.requests += s.requests;
    m_totals.bytes += s.bytes;
    m_totals.cacheHits += s.cacheHits;
}

void SliceSource::endPrefetch()
{
    m_prefetchRunning = false;
    const ReadStats &s = m_prefetcher->stats();
    m_totals.requests += s.requests;
    m_totals.bytes += s.bytes;
}

bool SliceSource::isCached(const Selection &selection) const
{
    if (!canCache()) return false;
    auto plan = planChunks(selection, m_meta.chunks);
    if (!plan) return false;
    const ChunkCache::ArrayId id{m_store->location(), m_path, metadataFingerprint(m_meta)};
    for (const ChunkTask &t : plan->tasks) {
        if (!m_cache->contains(id, joinKey(m_path, m_meta.keyEncoding.key(t.coords)))) return false;
    }
    return true;
}

// The slider positions one chunk on along each fixed dimension, then one chunk back: a user
// steps forward more often than back.
std::deque<Selection> SliceSource::neighbours(const Selection &shown) const
{
    std::deque<Selection> next, previous;
    for (std::size_t d = 0; d < shown.dims.size() && d < m_meta.chunks.size(); ++d) {
        if (!shown.dims[d].dropped) continue;
        const std::uint64_t chunk = std::max<std::uint64_t>(1, m_meta.chunks[d]);
        const std::uint64_t c = shown.dims[d].start / chunk;
        if ((c + 1) * chunk < m_meta.shape[d]) {
            next.push_back(shown);
            next.back().dims[d].start = (c + 1) * chunk;
        }
        if (c > 0) {
            previous.push_back(shown);
            previous.back().dims[d].start = c * chunk - 1;
        }
    }
    next.insert(next.end(), previous.begin(), previous.end());
    return next;
}

void SliceSource::schedulePrefetch()
{
    if (!m_prefetchEnabled || !canCache()) {
        Q_EMIT prefetchIdle();
        return;
    }
    m_prefetchQueue = neighbours(m_selection);
    if (m_prefetchRunning) {
        // Still wanted: let it finish rather than ask again. Else it is for a place the user left.
        auto it = std::find_if(m_prefetchQueue.begin(), m_prefetchQueue.end(),
                               [&](const Selection &s) { return sameSelection(s, m_prefetching); });
        if (it != m_prefetchQueue.end()) {
            m_prefetchQueue.erase(it);
        } else {
            m_prefetcher->cancel();
            endPrefetch();
        }
    }
    prefetchNext();
}

void SliceSource::prefetchNext()
{
    if (m_prefetchRunning || !m_prefetchEnabled) return;
    if (m_userRunning && m_userNeedsStore) return; // resumed when that read ends
    while (!m_prefetchQueue.empty() && isCached(m_prefetchQueue.front()))
        m_prefetchQueue.pop_front();
    if (m_prefetchQueue.empty()) {
        Q_EMIT prefetchIdle();
        return;
    }
    m_prefetching = m_prefetchQueue.front();
    m_prefetchQueue.pop_front();
    ReadOptions options;
    options.cache = m_cache;
    options.maxBytesInFlight = kPrefetchBytesInFlight;
    m_prefetchRunning = true;
    m_prefetcher->start(m_prefetching, options);
}

} // namespace zs
