#include "array/ArrayReader.h"

#include "array/DecodePool.h"
#include "array/ShardedRead.h"
#include "metadata/Json.h"
#include "metadata/MetadataParser.h"
#include "util/Memory.h"
#include "util/WhenFinished.h"

#include <QEventLoop>
#include <QThreadPool>
#include <QtConcurrent>
#include <atomic>
#include <mutex>

namespace zs {

struct ArrayReader::Job
{
    quint64 id = 0;
    ChunkPlan plan;
    ArrayMetadata meta;
    QString path;
    int concurrency = 1;
    QByteArray output;
    char *out = nullptr;                // taken once on the reader's thread so workers never detach `output`
    std::shared_ptr<StringArena> arena; // variable-length dtypes: the items the handles name
    std::once_flag fillOnce;
    QByteArray fillChunk;
    std::size_t next = 0; // next task to issue
    int inFlight = 0;     // store reads outstanding
    int slots = 0;        // chunks between issue and copied (bounds memory held)
    std::uint64_t done = 0;
    QHash<std::size_t, QFuture<GetResult>> fetching; // store reads not yet answered, to cancel them
    std::vector<bool> dropped;                       // per array dimension: not in the result
    std::shared_ptr<ChunkCache> cache;
    ChunkCache::ArrayId cacheId;

    const QByteArray &fill()
    {
        std::call_once(fillOnce, [this] {
            const std::uint64_t n = meta.chunkSpec().elementCount();
            fillChunk = QByteArray(qsizetype(n * meta.dtype.size), Qt::Uninitialized);
            for (std::uint64_t i = 0; i < n; ++i)
                std::memcpy(fillChunk.data() + i * meta.dtype.size, meta.fill.constData(), meta.dtype.size);
        });
        return fillChunk;
    }

    QString chunkKey(std::size_t task) const
    {
        return joinKey(path, meta.keyEncoding.key(plan.tasks[task].coords));
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
    return m_job != nullptr || m_sharded != nullptr;
}

void ArrayReader::cancel()
{
    if (m_sharded) {
        m_sharded->cancel();
        m_sharded->deleteLater(); // may be inside one of its own signals
        m_sharded = nullptr;
    }
    if (!m_job) return;
    // Queued requests are dropped and running ones aborted by the store; anything that still
    // arrives sees a different job id and is ignored.
    for (auto &f : m_job->fetching)
        f.cancel();
    m_job.reset();
}

void ArrayReader::start(const Selection &selection, const ReadOptions &options)
{
    cancel();
    m_stats = ReadStats{};
    m_result = NdArray{};
    m_timer.start();

    auto job = std::make_shared<Job>();
    job->id = m_nextJobId++;
    job->meta = m_meta;
    job->path = m_path;
    const std::uint64_t chunkBytes = std::max<std::uint64_t>(1, m_meta.chunkSpec().byteSize());
    const std::uint64_t byBudget = std::max<std::uint64_t>(2, options.maxBytesInFlight / chunkBytes);
    job->concurrency = int(std::min<std::uint64_t>(std::max(1, options.concurrency), byBudget));

    const std::uint64_t elements = selection.elementCount();
    const std::uint64_t bytes = elements * m_meta.dtype.size;
    if (elements != 0 && (bytes / m_meta.dtype.size != elements || bytes > options.maxResultBytes))
        return failLater(
            makeError(QStringLiteral("selection of %1 elements (%2 bytes) is larger than the %3-byte limit")
                          .arg(elements)
                          .arg(bytes)
                          .arg(options.maxResultBytes),
                      m_path.isEmpty() ? QStringLiteral("/") : m_path));
    const auto chunkLimit = [&](std::uint64_t chunkBytes) {
        return makeError(QStringLiteral("chunks of %1 bytes are larger than the %2-byte limit")
                             .arg(chunkBytes)
                             .arg(options.maxChunkBytes),
                         m_path.isEmpty() ? QStringLiteral("/") : m_path);
    };
    if (elements != 0 && !m_meta.innerChunks.empty()) {
        auto inner =
            checkedProduct(m_meta.innerChunks, m_meta.dtype.size, QStringLiteral("inner chunk size"));
        if (!inner || *inner > options.maxChunkBytes)
            return failLater(chunkLimit(inner ? *inner : ~std::uint64_t(0)));
    }
    if (startSharded(selection, options, bytes)) return;
    // Whole chunks (or shards) are decoded from here on.
    if (elements != 0 && m_meta.chunkSpec().byteSize() > options.maxChunkBytes)
        return failLater(chunkLimit(m_meta.chunkSpec().byteSize()));
    auto plan = planChunks(selection, m_meta.chunks); // only after the size check: a plan can be huge too
    if (!plan) return failLater(plan.error().at(m_path.isEmpty() ? QStringLiteral("/") : m_path));
    job->plan = std::move(*plan);
    job->arena = makeArena(m_meta, options, bytes);
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
    m_stats.concurrency = job->concurrency;
    m_result.shape = job->plan.resultShape;
    m_result.dtype = m_meta.dtype;
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
        this, [this, e] { Q_EMIT readFailed(e.toString()); }, Qt::QueuedConnection);
}

// Sharded arrays whose inner chunks can be read by range; false leaves the read to the chunk path.
bool ArrayReader::startSharded(const Selection &selection, const ReadOptions &options, std::uint64_t bytes)
{
    auto layout = rangeReadableShards(m_meta);
    if (!layout) return false;
    auto plan = planChunks(selection, layout->innerShape);
    if (!plan) {
        failLater(plan.error().at(m_path.isEmpty() ? QStringLiteral("/") : m_path));
        return true;
    }
    ShardedRead::Setup setup;
    setup.store = m_store;
    setup.path = m_path;
    setup.meta = m_meta;
    setup.layout = std::move(*layout);
    setup.plan = std::move(*plan);
    setup.output = QByteArray(qsizetype(bytes), Qt::Uninitialized);
    adviseHugePages(setup.output.data(), std::size_t(bytes));
    setup.concurrency = std::max(1, options.concurrency);
    setup.maxBytesInFlight = options.maxBytesInFlight;
    setup.coalesce = options.coalesce;
    setup.cache = options.shardIndexCache ? options.shardIndexCache : m_indexCache;
    setup.arena = makeArena(m_meta, options, bytes);
    m_stats.chunks = setup.plan.tasks.size();
    m_stats.concurrency = setup.concurrency;
    m_result.shape = setup.plan.resultShape;
    m_result.dtype = m_meta.dtype;

    auto *read = new ShardedRead(std::move(setup), &m_stats, this);
    m_sharded = read;
    connect(read, &ShardedRead::progress, this, &ArrayReader::progress);
    connect(read, &ShardedRead::readFinished, this, [this, read] {
        m_stats.seconds = m_timer.nsecsElapsed() / 1e9;
        m_result.data = read->takeOutput();
        m_result.strings = compactStrings(read->arena(), m_result.data);
        m_sharded = nullptr;
        read->deleteLater();
        Q_EMIT readFinished();
    });
    connect(read, &ShardedRead::readFailed, this, [this](const QString &message) {
        cancel();
        m_stats.seconds = m_timer.nsecsElapsed() / 1e9;
        Q_EMIT readFailed(message);
    });
    // Deferred so callers can connect before the first signal, as with an asynchronous store.
    QMetaObject::invokeMethod(read, &ShardedRead::start, Qt::QueuedConnection);
    return true;
}

void ArrayReader::issueMore()
{
    auto job = m_job;
    if (job->done == job->plan.tasks.size()) {
        m_stats.seconds = m_timer.nsecsElapsed() / 1e9;
        m_result.data = std::move(job->output);
        m_result.strings = compactStrings(job->arena, m_result.data);
        m_job.reset();
        Q_EMIT readFinished();
        return;
    }
    while (job->slots < job->concurrency && job->next < job->plan.tasks.size()) {
        const std::size_t task = job->next++;
        ++job->slots;
        if (job->cache) {
            if (auto hit = job->cache->find(job->cacheId, job->chunkKey(task))) {
                ++m_stats.cacheHits;
                copyCached(job, task, std::move(*hit));
                continue;
            }
        }
        ++job->inFlight;
        ++m_stats.requests;
        m_stats.maxInFlight = std::max(m_stats.maxInFlight, job->inFlight);
        QFuture<GetResult> f = m_store->get(job->chunkKey(task));
        job->fetching.insert(task, f);
        whenFinished(f, this, [this, id = job->id, task](GetResult r) { onFetched(id, task, std::move(r)); });
    }
}

void ArrayReader::onFetched(quint64 jobId, std::size_t task, GetResult result)
{
    if (!m_job || m_job->id != jobId) return;
    auto job = m_job;
    --job->inFlight;
    job->fetching.remove(task);
    if (!result) return fail(result.error().at(job->chunkKey(task)));
    if (result->has_value())
        m_stats.bytes += std::uint64_t((*result)->size());
    else
        ++m_stats.missing;

    auto decoding = QtConcurrent::run(decodePool(), [job, task, data = std::move(*result)]() -> Status {
        ChunkSpec spec = job->meta.chunkSpec();
        spec.arena = job->arena;
        QByteArray decoded;
        const char *src;
        if (data) {
            auto r = job->meta.codecs.decode(*data, spec);
            if (!r) return r.error().at(job->chunkKey(task));
            decoded = std::move(*r);
            src = decoded.constData();
        } else {
            src = job->fill().constData();
        }
        if (job->cache) job->cache->insert(job->cacheId, job->chunkKey(task), {decoded, !data});
        copyChunkRegion(src, spec.shape, job->plan.tasks[task].copy, job->out, job->plan.fullDstShape,
                        job->meta.dtype.size);
        return Ok{};
    });
    whenFinished(decoding, this, [this, id = jobId, task](Status s) { onDecoded(id, task, std::move(s)); });
}

// A cached chunk: no request and no decode, only its copy into the result (on the pool, like a decode).
void ArrayReader::copyCached(const std::shared_ptr<Job> &job, std::size_t task, ChunkCache::Chunk chunk)
{
    auto copying = QtConcurrent::run(decodePool(), [job, task, chunk = std::move(chunk)]() -> Status {
        const char *src = chunk.missing ? job->fill().constData() : chunk.decoded.constData();
        copyChunkRegion(src, job->meta.chunks, job->plan.tasks[task].copy, job->out, job->plan.fullDstShape,
                        job->meta.dtype.size);
        return Ok{};
    });
    whenFinished(copying, this, [this, id = job->id, task](Status s) { onDecoded(id, task, std::move(s)); });
}

void ArrayReader::onDecoded(quint64 jobId, std::size_t task, Status status)
{
    if (!m_job || m_job->id != jobId) return;
    if (!status) return fail(status.error());
    --m_job->slots;
    ++m_job->done;
    Q_EMIT regionReady(m_job->region(task));
    if (!m_job || m_job->id != jobId) return; // a receiver started another read or cancelled
    Q_EMIT progress(m_job->done, m_job->plan.tasks.size(), m_stats.bytes);
    if (m_job && m_job->id == jobId) issueMore();
}

void ArrayReader::fail(const Error &error)
{
    cancel();
    m_stats.seconds = m_timer.nsecsElapsed() / 1e9;
    Q_EMIT readFailed(error.toString());
}

Result<NdArray> readSelection(std::shared_ptr<Store> store, const QString &arrayPath,
                              const ArrayMetadata &meta, const Selection &selection,
                              const ReadOptions &options, ReadStats *stats)
{
    ArrayReader reader(std::move(store), arrayPath, meta);
    QEventLoop loop;
    std::optional<Error> failure;
    QObject::connect(&reader, &ArrayReader::readFinished, &loop, &QEventLoop::quit);
    QObject::connect(&reader, &ArrayReader::readFailed, &loop, [&](const QString &message) {
        failure = Error{message, {}};
        loop.quit();
    });
    reader.start(selection, options);
    loop.exec();
    if (stats) *stats = reader.stats();
    if (failure) return *failure;
    return reader.result();
}

} // namespace zs
