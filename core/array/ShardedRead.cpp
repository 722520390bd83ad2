#include "array/ShardedRead.h"

#include "array/DecodePool.h"
#include "codec/ShardingCodec.h"
#include "metadata/MetadataParser.h"
#include "util/WhenFinished.h"

#include <QtConcurrent>
#include <cstring>

namespace zs {

struct ShardedRead::Shared
{
    ArrayMetadata meta; // owns the codec layout.codec points to
    ShardLayout layout;
    ChunkPlan plan;
    QByteArray output;
    char *out = nullptr; // taken once on the reader's thread so workers never detach `output`
    QByteArray fill;     // one inner chunk of the fill value

    void copy(const char *chunk, std::size_t task) const
    {
        copyChunkRegion(chunk, layout.innerShape, plan.tasks[task].copy, out, plan.fullDstShape,
                        meta.dtype.size);
    }
};

ShardedRead::ShardedRead(Setup setup, ReadStats *stats, QObject *parent)
    : QObject(parent), m_shared(std::make_shared<Shared>()), m_store(std::move(setup.store)),
      m_path(std::move(setup.path)), m_cache(std::move(setup.cache)), m_coalesce(setup.coalesce),
      m_concurrency(std::max(1, setup.concurrency)),
      m_maxBytes(std::max<std::uint64_t>(1, setup.maxBytesInFlight)), m_stats(stats)
{
    Shared &s = *m_shared;
    s.meta = std::move(setup.meta);
    s.layout = std::move(setup.layout);
    s.plan = std::move(setup.plan);
    s.output = std::move(setup.output);
    s.out = s.output.data();
    s.layout.innerSpec.arena = std::move(setup.arena); // inner chunks decode with the spec
    const std::size_t es = s.meta.dtype.size;
    const std::uint64_t n = s.layout.innerSpec.elementCount();
    s.fill = QByteArray(qsizetype(n * es), Qt::Uninitialized);
    for (std::uint64_t i = 0; i < n; ++i)
        std::memcpy(s.fill.data() + i * es, s.meta.fill.constData(), es);
    m_shards = groupByShard(s.plan, s.layout);
    if (!m_cache) m_cache = std::make_shared<ShardIndexCache>();
}

ShardedRead::~ShardedRead()
{
    cancel();
}

void ShardedRead::cancel()
{
    m_stopped = true;
    for (auto &f : m_fetching)
        f.cancel();
    m_fetching.clear();
}

QByteArray ShardedRead::takeOutput()
{
    return std::move(m_shared->output);
}

const std::shared_ptr<StringArena> &ShardedRead::arena() const
{
    return m_shared->layout.innerSpec.arena;
}

QString ShardedRead::shardKey(std::size_t shard) const
{
    return joinKey(m_path, m_shared->meta.keyEncoding.key(m_shards[shard].coords));
}

void ShardedRead::start()
{
    issueMore();
}

void ShardedRead::countRequest(bool isIndex)
{
    ++m_inFlight;
    ++m_stats->requests;
    ++m_stats->rangeRequests;
    m_stats->indexReads += isIndex ? 1 : 0;
    m_stats->maxInFlight = std::max(m_stats->maxInFlight, m_inFlight);
}

void ShardedRead::issueMore()
{
    if (m_stopped) return;
    if (m_done == m_shared->plan.tasks.size()) {
        m_stopped = true;
        Q_EMIT readFinished();
        return;
    }
    while (m_inFlight < m_concurrency) {
        // Inner chunks of shards already indexed go first: they are what the caller waits for.
        if (!m_ready.empty()) {
            const Group &g = m_ready.front();
            // Fetched bytes are held until their last inner chunk is copied; decoded chunks live
            // only while a pool thread copies them, so they are not counted.
            const std::uint64_t cost = g.range.length;
            if (m_bytesHeld > 0 && m_bytesHeld + cost > m_maxBytes) return;
            Group group = std::move(m_ready.front());
            m_ready.pop_front();
            m_bytesHeld += cost;
            issueGroup(std::move(group));
            continue;
        }
        if (m_nextShard == m_shards.size()) return;
        const std::size_t shard = m_nextShard++;
        if (auto cached = m_cache->find(m_store->locate(shardKey(shard)))) {
            ++m_stats->indexCacheHits;
            planShard(shard, *cached);
            if (m_stopped) return;
            continue;
        }
        issueIndexRead(shard);
    }
}

void ShardedRead::issueIndexRead(std::size_t shard)
{
    const ShardingCodec &codec = *m_shared->layout.codec;
    const std::uint64_t n = codec.indexByteSize();
    const ByteRange range = codec.indexLocation() == ShardingCodec::IndexLocation::End
                                ? ByteRange::lastBytes(n)
                                : ByteRange::fromStart(0, n);
    const quint64 op = m_nextOp++;
    countRequest(true);
    QFuture<GetResult> f = m_store->getRange(shardKey(shard), range);
    m_fetching.insert(op, f);
    whenFinished(f, this, [this, op, shard](GetResult r) { onIndexFetched(op, shard, std::move(r)); });
}

void ShardedRead::onIndexFetched(quint64 op, std::size_t shard, GetResult result)
{
    if (m_stopped) return;
    --m_inFlight;
    m_fetching.remove(op);
    if (!result)
        return fail(
            Error{QStringLiteral("cannot read the shard index: ") + result.error().what, result.error().where}
                .at(shardKey(shard)));
    if (!result->has_value()) { // an absent shard: every inner chunk is fill
        std::vector<std::size_t> tasks;
        for (const auto &c : m_shards[shard].chunks)
            tasks.push_back(c.task);
        m_stats->missing += tasks.size();
        fillChunks(std::move(tasks));
        return issueMore();
    }
    const QByteArray bytes = std::move(**result);
    m_stats->bytes += std::uint64_t(bytes.size());
    const ShardingCodec *codec = m_shared->layout.codec;
    if (std::uint64_t(bytes.size()) != codec->indexByteSize())
        return fail(makeError(QStringLiteral("shard of %1 bytes is smaller than its %2-byte index")
                                  .arg(bytes.size())
                                  .arg(codec->indexByteSize()),
                              shardKey(shard)));
    // The index's checksum covers every entry; large indexes are worth keeping off this thread.
    auto decoding = QtConcurrent::run(decodePool(), [shared = m_shared, bytes]() -> Result<ShardIndex> {
        // The object's size is not known from a suffix read: entries beyond it fail when their range is read.
        return shared->layout.codec->decodeIndex(bytes, ~std::uint64_t(0));
    });
    whenFinished(decoding, this, [this, shard](Result<ShardIndex> index) {
        if (!m_stopped) onIndexDecoded(shard, std::move(index));
    });
}

void ShardedRead::onIndexDecoded(std::size_t shard, Result<ShardIndex> index)
{
    if (!index) return fail(index.error().at(shardKey(shard)));
    const ShardingCodec &codec = *m_shared->layout.codec;
    if (codec.indexLocation() == ShardingCodec::IndexLocation::Start) {
        for (std::size_t i = 0; i < index->size(); ++i) {
            const auto &e = (*index)[i];
            if (!e.empty() && e.offset < codec.indexByteSize())
                return fail(
                    makeError(QStringLiteral("shard index entry %1 (offset %2) overlaps the %3-byte index "
                                             "at the start of the shard")
                                  .arg(i)
                                  .arg(e.offset)
                                  .arg(codec.indexByteSize()),
                              shardKey(shard)));
        }
    }
    auto shared = std::make_shared<const ShardIndex>(std::move(*index));
    m_cache->insert(m_store->locate(shardKey(shard)), shared);
    planShard(shard, *shared);
    issueMore();
}

void ShardedRead::planShard(std::size_t shard, const ShardIndex &index)
{
    std::vector<WantedRange> wanted;
    std::vector<std::size_t> empty;
    for (const auto &c : m_shards[shard].chunks) {
        if (c.entry >= index.size())
            return fail(makeError(QStringLiteral("shard index has %1 entries, inner chunk %2 needs more")
                                      .arg(index.size())
                                      .arg(c.entry),
                                  shardKey(shard)));
        const auto &e = index[c.entry];
        if (e.empty())
            empty.push_back(c.task);
        else
            wanted.push_back(WantedRange{e.offset, e.nbytes, c.task});
    }
    if (!empty.empty()) {
        m_stats->missing += empty.size();
        fillChunks(std::move(empty));
    }
    for (auto &m : coalesceRanges(std::move(wanted), m_coalesce))
        m_ready.push_back(Group{shard, std::move(m)});
}

void ShardedRead::issueGroup(Group group)
{
    const quint64 op = m_nextOp++;
    const std::uint64_t cost = group.range.length;
    countRequest(false);
    QFuture<GetResult> f = m_store->getRange(shardKey(group.shard),
                                             ByteRange::fromStart(group.range.offset, group.range.length));
    m_fetching.insert(op, f);
    whenFinished(f, this, [this, op, group = std::move(group), cost](GetResult r) {
        onGroupFetched(op, group, cost, std::move(r));
    });
}

void ShardedRead::onGroupFetched(quint64 op, const Group &group, std::uint64_t cost, GetResult result)
{
    if (m_stopped) return;
    --m_inFlight;
    m_fetching.remove(op);
    const MergedRange &m = group.range;
    const auto where = [&] {
        return QStringLiteral("cannot read inner chunks at bytes %1-%2, where the shard index puts them")
            .arg(m.offset)
            .arg(m.offset + m.length);
    };
    if (!result)
        return fail(Error{where() + QStringLiteral(": ") + result.error().what, shardKey(group.shard)});
    if (!result->has_value())
        return fail(makeError(where() + QStringLiteral(": the shard is gone (it was there for its index)"),
                              shardKey(group.shard)));
    const QByteArray data = std::move(**result);
    m_stats->bytes += std::uint64_t(data.size());
    if (std::uint64_t(data.size()) != m.length)
        return fail(
            makeError(where() + QStringLiteral(": got %1 bytes").arg(data.size()), shardKey(group.shard)));

    // One decode per inner chunk, so a large coalesced range still spreads over the cores.
    auto remaining = std::make_shared<std::size_t>(m.parts.size());
    for (const WantedRange &part : m.parts) {
        auto decoding =
            QtConcurrent::run(decodePool(), [shared = m_shared, data, part, base = m.offset]() -> Status {
                const QByteArray view =
                    QByteArray::fromRawData(data.constData() + (part.offset - base), qsizetype(part.length));
                auto decoded = shared->layout.codec->innerChain().decode(view, shared->layout.innerSpec);
                if (!decoded)
                    return Error{QStringLiteral("inner chunk at bytes %1-%2: %3")
                                     .arg(part.offset)
                                     .arg(part.offset + part.length)
                                     .arg(decoded.error().what),
                                 decoded.error().where};
                shared->copy(decoded->constData(), part.tag);
                return Ok{};
            });
        whenFinished(decoding, this, [this, remaining, cost, shard = group.shard](Status s) {
            if (m_stopped) return;
            if (!s) return fail(s.error().at(shardKey(shard)));
            if (--*remaining == 0) m_bytesHeld -= cost;
            chunksDone(1);
        });
    }
}

void ShardedRead::fillChunks(std::vector<std::size_t> tasks)
{
    const std::uint64_t count = tasks.size();
    auto copying = QtConcurrent::run(decodePool(), [shared = m_shared, tasks = std::move(tasks)]() -> Status {
        for (std::size_t t : tasks)
            shared->copy(shared->fill.constData(), t);
        return Ok{};
    });
    whenFinished(copying, this, [this, count](const Status &) {
        if (!m_stopped) chunksDone(count);
    });
}

void ShardedRead::chunksDone(std::uint64_t count)
{
    m_done += count;
    Q_EMIT progress(m_done, m_shared->plan.tasks.size(), m_stats->bytes);
    issueMore();
}

void ShardedRead::fail(const Error &error)
{
    if (m_stopped) return;
    cancel();
    Q_EMIT readFailed(error.toString());
}

} // namespace zs
