#include "array/ArrayReader.h"

#include "array/DecodePool.h"
#include "array/ShardStore.h"
#include "array/ShardedReadPlan.h"
#include "codec/BloscCodec.h"
#include "codec/BytesCodec.h"
#include "codec/ShardingCodec.h"
#include "metadata/Json.h"
#include "metadata/MetadataParser.h"
#include "util/Memory.h"
#include "util/WhenFinished.h"

#include <QEventLoop>
#include <QMutex>
#include <QThreadPool>
#include <atomic>
#include <mutex>

namespace zs {

// A chain whose decode is blosc's alone: `bytes` with nothing to swap, then blosc (v2 arrays with
// a blosc compressor, no filters and C order; v3 bytes + blosc in the host's byte order). Its
// chunks can be decompressed into any memory, the result included.
static bool isPlainBlosc(const CodecChain &chain, const ChunkSpec &spec)
{
    const auto *bytes = dynamic_cast<const BytesCodec *>(chain.arrayToBytes());
    return bytes && !spec.dtype.isVariableLength() && !spec.dtype.needsSwapFrom(bytes->endian()) &&
           chain.arrayToArray().empty() && chain.bytesToBytes().size() == 1 &&
           dynamic_cast<const BloscCodec *>(chain.bytesToBytes().front().get());
}

// Memory for one decoded chunk on a decode pool thread. Chunks up to kKeptBytes reuse the thread's
// buffer from its previous chunk: no allocation per chunk, and memory already faulted in and likely
// still in cache. Larger chunks get their own, so a pool thread does not pin a huge buffer after one
// large-chunk read (they are above the allocator's mmap threshold, util/Memory.cpp, so each would be
// mapped and faulted in afresh anyway).
namespace {
class DecodeBuffer
{
public:
    static constexpr std::uint64_t kKeptBytes = std::uint64_t(64) << 20;

    explicit DecodeBuffer(std::uint64_t bytes)
    {
        if (bytes > kKeptBytes) {
            m_own = std::make_unique_for_overwrite<char[]>(bytes);
            m_data = m_own.get();
            return;
        }
        thread_local std::unique_ptr<char[]> kept;
        thread_local std::uint64_t keptBytes = 0;
        if (keptBytes < bytes) {
            kept = std::make_unique_for_overwrite<char[]>(bytes);
            keptBytes = bytes;
        }
        m_data = kept.get();
    }
    char *data() const { return m_data; }

private:
    std::unique_ptr<char[]> m_own;
    char *m_data = nullptr;
};
} // namespace

struct ArrayReader::Job
{
    quint64 id = 0;
    ChunkPlan plan;
    ArrayMetadata meta;
    QString path;
    // What chunks come from: the array's store, or the shard adapter over it, whose keys are
    // inner chunks. Each read has its own adapter (the index cache is shared between them).
    std::shared_ptr<Store> source;
    std::shared_ptr<ShardStore> shards;
    const CodecChain *chain = nullptr;            // decodes one chunk (the inner chain for shards)
    ChunkSpec spec;                               // what one chunk decodes to
    bool plainBlosc = false;                      // chain is isPlainBlosc: decoded by decodeBlosc
    std::atomic<std::uint64_t> decodedInPlace{0}; // by decodeBlosc, with no copy (ReadStats)
    int window = 2; // chunks between asked-for and copied: bounds decoded memory
    QByteArray output;
    char *out = nullptr; // taken once on the reader's thread so workers never detach `output`
    std::once_flag fillOnce;
    QByteArray fillChunk;
    std::size_t next = 0; // next task to ask for
    int outstanding = 0;  // store reads not yet answered
    int slots = 0;        // chunks between asked-for and copied
    std::uint64_t done = 0;
    QHash<std::size_t, QFuture<GetResult>> fetching; // store reads not yet answered, to cancel them
    std::vector<bool> dropped;                       // per array dimension: not in the result
    std::shared_ptr<ChunkCache> cache;
    ChunkCache::ArrayId cacheId;

    // Decoded chunks on their way to the reader's thread. `reader` is cleared under the mutex
    // when the job ends or is cancelled, so a pool thread never posts to a reader that is gone.
    QMutex inboxMutex;
    ArrayReader *reader = nullptr;
    std::vector<std::pair<std::size_t, Status>> inbox;
    bool inboxPosted = false;

    const QByteArray &fill()
    {
        std::call_once(fillOnce, [this] {
            const std::uint64_t n = spec.elementCount();
            fillChunk = QByteArray(qsizetype(n * meta.dtype.size), Qt::Uninitialized);
            for (std::uint64_t i = 0; i < n; ++i)
                std::memcpy(fillChunk.data() + i * meta.dtype.size, meta.fill.constData(), meta.dtype.size);
        });
        return fillChunk;
    }

    QString chunkKey(std::size_t task) const
    {
        const Shape &coords = plan.tasks[task].coords;
        return shards ? ShardStore::innerKey(coords) : joinKey(path, meta.keyEncoding.key(coords));
    }
    // For messages: where the chunk is (an inner chunk: the shard that holds it).
    QString chunkLocation(std::size_t task) const
    {
        return shards ? shards->holdingKey(chunkKey(task)) : chunkKey(task);
    }
    Error locateDecodeError(std::size_t task, const Error &e) const
    {
        if (!shards) return e.at(chunkLocation(task));
        return Error{QStringLiteral("inner chunk %1: %2").arg(chunkKey(task), e.what), e.where}.at(
            chunkLocation(task));
    }

    // A plain-blosc chunk decompressed where its bytes go when they form one run of the result,
    // else into the thread's buffer and copied from there: no allocation per chunk either way.
    // Errors are the chain's own (blosc is its only decoding step).
    Status decodeBlosc(std::size_t task, const QByteArray &data)
    {
        const std::uint64_t bytes = spec.byteSize();
        const auto &copy = plan.tasks[task].copy;
        if (auto at = contiguousDestination(spec.shape, copy, plan.fullDstShape, meta.dtype.size)) {
            Status s = BloscCodec::decodeInto(data, out + *at, bytes);
            if (!s) return locateDecodeError(task, s.error());
            ++decodedInPlace;
            return Ok{};
        }
        DecodeBuffer buffer(bytes);
        Status s = BloscCodec::decodeInto(data, buffer.data(), bytes);
        if (!s) return locateDecodeError(task, s.error());
        copyChunkRegion(buffer.data(), spec.shape, copy, out, plan.fullDstShape, meta.dtype.size);
        return Ok{};
    }

    ResultRegion region(std::size_t task) const
    {
        ResultRegion r;
        const auto &copy = plan.tasks[task].copy;
        for (std::size_t d = 0; d < copy.size(); ++d) {
            if (dropped[d]) continue;
            r.start.push_back(copy[d].dstStart);
            r.count.push_back(copy[d].count);
        }
        return r;
    }
};

// Variable-length dtypes: the read's item storage, whose strings share the result limit
// with the handles themselves; one chunk's items obey the chunk limit. Null otherwise.
static std::shared_ptr<StringArena> makeArena(const ArrayMetadata &meta, const ReadOptions &options,
                                              std::uint64_t handleBytes)
{
    if (!meta.dtype.isVariableLength()) return nullptr;
    return std::make_shared<StringArena>(
        meta.fillItem, options.maxResultBytes - std::min(handleBytes, options.maxResultBytes),
        options.maxChunkBytes);
}

// Keeps only the items the result refers to, so a strided read does not hold whole chunks.
static std::shared_ptr<const StringArena> compactStrings(const std::shared_ptr<StringArena> &arena,
                                                         QByteArray &handles)
{
    if (!arena) return nullptr;
    return arena->compacted(reinterpret_cast<std::uint64_t *>(handles.data()),
                            std::size_t(handles.size() / 8));
}

ArrayReader::ArrayReader(std::shared_ptr<Store> store, QString arrayPath, ArrayMetadata meta, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_path(std::move(arrayPath)), m_meta(std::move(meta))
{
}

ArrayReader::~ArrayReader()
{
    cancel();
}

const char *ArrayReader::partialData() const
{
    return m_job ? m_job->out : nullptr;
}

bool ArrayReader::isRunning() const
{
    return m_job != nullptr;
}

void ArrayReader::cancel()
{
    if (!m_job) return;
    // Queued requests are dropped and running ones aborted by the store; anything that still
    // arrives sees a different job id and is ignored. Latest first: those are the ones still
    // queued, and an aborted running request frees a slot the store would otherwise give to a
    // queued one this loop has not reached yet.
    std::vector<std::size_t> tasks(m_job->fetching.keyBegin(), m_job->fetching.keyEnd());
    std::sort(tasks.begin(), tasks.end(), std::greater<>());
    for (std::size_t task : tasks)
        m_job->fetching[task].cancel();
    detach(*m_job);
    m_job.reset();
}

void ArrayReader::start(const Selection &selection, const ReadOptions &options)
{
    cancel();
    m_stats = ReadStats{};
    m_result = NdArray{};
    m_timer.start();
    const QString where = m_path.isEmpty() ? QStringLiteral("/") : m_path;

    auto job = std::make_shared<Job>();
    job->id = m_nextJobId++;
    job->meta = m_meta;
    job->path = m_path;
    job->source = m_store;
    job->chain = &job->meta.codecs;
    job->spec = job->meta.chunkSpec();
    Shape gridChunk = m_meta.chunks;
    // The codec chain says whether inner chunks can be read by range; then they are the chunks.
    if (auto layout = rangeReadableShards(job->meta)) {
        gridChunk = layout->innerShape;
        job->spec = layout->innerSpec;
        job->shards = ShardStore::create(m_store, m_path, job->meta, std::move(*layout),
                                         options.shardIndexCache ? options.shardIndexCache : m_indexCache,
                                         options.coalesce);
        job->chain = &job->meta.codecs.arrayToBytes()->sharding()->innerChain();
        job->source = job->shards;
    }
    job->plainBlosc = isPlainBlosc(*job->chain, job->spec);

    const std::uint64_t elements = selection.elementCount();
    const std::uint64_t bytes = elements * m_meta.dtype.size;
    if (elements != 0 && (bytes / m_meta.dtype.size != elements || bytes > options.maxResultBytes))
        return failLater(
            makeError(QStringLiteral("selection of %1 elements (%2 bytes) is larger than the %3-byte limit")
                          .arg(elements)
                          .arg(bytes)
                          .arg(options.maxResultBytes),
                      where));
    const auto chunkLimit = [&](std::uint64_t chunkBytes) {
        return makeError(QStringLiteral("chunks of %1 bytes are larger than the %2-byte limit")
                             .arg(chunkBytes)
                             .arg(options.maxChunkBytes),
                         where);
    };
    if (elements != 0 && !m_meta.innerChunks.empty()) {
        auto inner =
            checkedProduct(m_meta.innerChunks, m_meta.dtype.size, QStringLiteral("inner chunk size"));
        if (!inner || *inner > options.maxChunkBytes)
            return failLater(chunkLimit(inner ? *inner : ~std::uint64_t(0)));
    }
    // What is decoded one at a time: an inner chunk read by range, else the whole chunk (or shard).
    const std::uint64_t chunkBytes = job->spec.byteSize();
    if (elements != 0 && chunkBytes > options.maxChunkBytes) return failLater(chunkLimit(chunkBytes));
    auto plan = planChunks(selection, gridChunk); // only after the size check: a plan can be huge too
    if (!plan) return failLater(plan.error().at(where));
    job->plan = std::move(*plan);
    // The byte budget, and a cap far above any limiter's, so a plan of tiny chunks does not
    // create millions of futures at once.
    const std::uint64_t byBudget = options.maxBytesInFlight / std::max<std::uint64_t>(1, chunkBytes);
    job->window = int(std::clamp<std::uint64_t>(byBudget, 2, 8192));
    job->spec.arena = makeArena(m_meta, options, bytes);
    job->output = QByteArray(qsizetype(bytes), Qt::Uninitialized);
    job->out = job->output.data();
    for (const auto &d : selection.dims)
        job->dropped.push_back(d.dropped);
    if (options.cache && !m_meta.dtype.isVariableLength()) {
        job->cache = options.cache;
        job->cacheId = ChunkCache::ArrayId{m_store->location(), m_path, metadataFingerprint(m_meta)};
    }
    adviseHugePages(job->out, std::size_t(bytes));
    m_stats.chunks = job->plan.tasks.size();
    m_result.shape = job->plan.resultShape;
    m_result.dtype = m_meta.dtype;
    job->reader = this;
    m_job = job;
    // Deferred so callers can connect before the first signal, as with an asynchronous store.
    QMetaObject::invokeMethod(
        this,
        [this, id = job->id] {
            if (m_job && m_job->id == id) issueMore();
        },
        Qt::QueuedConnection);
}

void ArrayReader::failLater(const Error &e)
{
    QMetaObject::invokeMethod(
        this, [this, e] { Q_EMIT readFailed(e); }, Qt::QueuedConnection);
}

void ArrayReader::finishRead()
{
    auto job = std::move(m_job);
    detach(*job);
    if (job->shards) {
        const ShardStore::Counters c = job->shards->counters();
        m_stats.requests = m_stats.rangeRequests = c.requests;
        m_stats.bytes = c.bytes;
        m_stats.indexReads = c.indexReads;
        m_stats.indexCacheHits = c.indexCacheHits;
    }
    m_stats.decodedInPlace = job->decodedInPlace;
    m_stats.seconds = m_timer.nsecsElapsed() / 1e9;
    m_result.data = std::move(job->output);
    m_result.strings = compactStrings(job->spec.arena, m_result.data);
    Q_EMIT readFinished();
}

void ArrayReader::issueMore()
{
    auto job = m_job;
    if (job->done == job->plan.tasks.size()) return finishRead();
    // Ask in batches: a shard adapter coalesces the inner chunks asked for together, and the
    // store's limiter, not this window, decides how many are on the wire.
    const int free = job->window - job->slots;
    if (free < std::max(1, job->window / 4) && job->slots > 0) return;
    QStringList keys;
    std::vector<std::size_t> tasks;
    while (job->slots < job->window && job->next < job->plan.tasks.size()) {
        const std::size_t task = job->next++;
        ++job->slots;
        if (job->cache) {
            if (auto hit = job->cache->find(job->cacheId, job->chunkKey(task))) {
                ++m_stats.cacheHits;
                copyCached(job, task, std::move(*hit));
                continue;
            }
        }
        tasks.push_back(task);
        keys.push_back(job->chunkKey(task));
    }
    if (tasks.empty()) return;
    job->outstanding += int(tasks.size());
    m_stats.maxInFlight = std::max(m_stats.maxInFlight, job->outstanding);
    if (!job->shards) m_stats.requests += tasks.size();
    std::vector<QFuture<GetResult>> futures = job->source->getMany(keys);
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        job->fetching.insert(tasks[i], futures[i]);
        whenFinished(futures[i], this, [this, id = job->id, task = tasks[i]](GetResult r) {
            onFetched(id, task, std::move(r));
        });
    }
}

void ArrayReader::onFetched(quint64 jobId, std::size_t task, GetResult result)
{
    if (!m_job || m_job->id != jobId) return;
    auto job = m_job;
    --job->outstanding;
    job->fetching.remove(task);
    // The shard adapter's errors say where already (the shard object and the bytes in it).
    if (!result) return fail(job->shards ? result.error() : result.error().at(job->chunkLocation(task)));
    if (!result->has_value())
        ++m_stats.missing;
    else if (!job->shards)
        m_stats.bytes += std::uint64_t((*result)->size());

    auto decode = [job, task, data = std::move(*result)]() -> Status {
        // The cache keeps each decoded chunk, so its reads take the general path.
        if (data && job->plainBlosc && !job->cache) return job->decodeBlosc(task, *data);
        QByteArray decoded;
        const char *src;
        if (data) {
            auto r = job->chain->decode(*data, job->spec);
            if (!r) return job->locateDecodeError(task, r.error());
            decoded = std::move(*r);
            src = decoded.constData();
        } else {
            src = job->fill().constData();
        }
        if (job->cache) job->cache->insert(job->cacheId, job->chunkKey(task), {decoded, !data});
        copyChunkRegion(src, job->spec.shape, job->plan.tasks[task].copy, job->out, job->plan.fullDstShape,
                        job->meta.dtype.size);
        return Ok{};
    };
    decodePool()->start(
        [job, task, decode = std::move(decode)]() mutable { deliverDecoded(job, task, decode()); });
}

// A cached chunk: no request and no decode, only its copy into the result (on the pool, like a decode).
void ArrayReader::copyCached(const std::shared_ptr<Job> &job, std::size_t task, ChunkCache::Chunk chunk)
{
    decodePool()->start([job, task, chunk = std::move(chunk)] {
        const char *src = chunk.missing ? job->fill().constData() : chunk.decoded.constData();
        copyChunkRegion(src, job->spec.shape, job->plan.tasks[task].copy, job->out, job->plan.fullDstShape,
                        job->meta.dtype.size);
        deliverDecoded(job, task, Ok{});
    });
}

void ArrayReader::deliverDecoded(const std::shared_ptr<Job> &job, std::size_t task, Status status)
{
    QMutexLocker lock(&job->inboxMutex);
    if (!job->reader) return; // cancelled or failed: nobody waits for it
    job->inbox.emplace_back(task, std::move(status));
    if (std::exchange(job->inboxPosted, true)) return;
    QMetaObject::invokeMethod(
        job->reader, [reader = job->reader, id = job->id] { reader->takeDecoded(id); }, Qt::QueuedConnection);
}

void ArrayReader::detach(Job &job)
{
    QMutexLocker lock(&job.inboxMutex);
    job.reader = nullptr;
}

void ArrayReader::takeDecoded(quint64 jobId)
{
    if (!m_job || m_job->id != jobId) return;
    const std::shared_ptr<Job> job = m_job;
    std::vector<std::pair<std::size_t, Status>> batch;
    {
        QMutexLocker lock(&job->inboxMutex);
        batch.swap(job->inbox);
        job->inboxPosted = false;
    }
    for (auto &[task, status] : batch) {
        if (!status) return fail(status.error());
        --job->slots;
        ++job->done;
        Q_EMIT regionReady(job->region(task));
        if (m_job != job) return; // a receiver started another read or cancelled
    }
    Q_EMIT progress(job->done, job->plan.tasks.size(),
                    job->shards ? job->shards->counters().bytes : m_stats.bytes);
    if (m_job == job) issueMore();
}

void ArrayReader::fail(const Error &error)
{
    cancel();
    m_stats.seconds = m_timer.nsecsElapsed() / 1e9;
    Q_EMIT readFailed(error);
}

Result<NdArray> readSelection(std::shared_ptr<Store> store, const QString &arrayPath,
                              const ArrayMetadata &meta, const Selection &selection,
                              const ReadOptions &options, ReadStats *stats)
{
    ArrayReader reader(std::move(store), arrayPath, meta);
    QEventLoop loop;
    std::optional<Error> failure;
    QObject::connect(&reader, &ArrayReader::readFinished, &loop, &QEventLoop::quit);
    QObject::connect(&reader, &ArrayReader::readFailed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    reader.start(selection, options);
    loop.exec();
    if (stats) *stats = reader.stats();
    if (failure) return *failure;
    return reader.result();
}

} // namespace zs
