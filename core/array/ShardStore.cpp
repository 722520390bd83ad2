#include "array/ShardStore.h"

#include "array/DecodePool.h"
#include "codec/ShardingCodec.h"
#include "metadata/MetadataParser.h"
#include "util/FutureChain.h"

#include <map>

namespace zs {

struct ShardStore::Request
{
    QPromise<GetResult> promise;
    std::uint64_t entry = 0; // the inner chunk's place in its shard's index (C order)

    void answer(GetResult r)
    {
        promise.addResult(std::move(r));
        promise.finish();
    }
};

namespace {

// Cancels `base` once every request it serves has been cancelled by its caller.
void cancelWhenAbandoned(const QFuture<GetResult> &base, const std::vector<QFuture<GetResult>> &served)
{
    auto live = std::make_shared<std::atomic<int>>(int(served.size()));
    for (const auto &f : served)
        detail::whenCanceled(f, [live, base] {
            if (--*live == 0) QFuture<GetResult>(base).cancel();
        });
}

template <typename Requests> std::vector<QFuture<GetResult>> futuresOf(const Requests &requests)
{
    std::vector<QFuture<GetResult>> out;
    for (const auto &r : requests)
        out.push_back(r->promise.future());
    return out;
}

template <typename Requests> bool allCancelled(const Requests &requests)
{
    for (const auto &r : requests)
        if (!r->promise.isCanceled()) return false;
    return true;
}

} // namespace

std::shared_ptr<ShardStore> ShardStore::create(std::shared_ptr<Store> base, QString arrayPath,
                                               ArrayMetadata meta, ShardLayout layout,
                                               std::shared_ptr<ShardIndexCache> cache,
                                               CoalesceLimits coalesce)
{
    return std::shared_ptr<ShardStore>(new ShardStore(std::move(base), std::move(arrayPath), std::move(meta),
                                                      std::move(layout), std::move(cache), coalesce));
}

ShardStore::ShardStore(std::shared_ptr<Store> base, QString arrayPath, ArrayMetadata meta, ShardLayout layout,
                       std::shared_ptr<ShardIndexCache> cache, CoalesceLimits coalesce)
    : m_base(std::move(base)), m_path(std::move(arrayPath)), m_meta(std::move(meta)),
      m_layout(std::move(layout)), m_cache(cache ? std::move(cache) : std::make_shared<ShardIndexCache>()),
      m_coalesce(coalesce)
{
    // The layout's codec pointer must point into the metadata this adapter keeps.
    m_layout.codec = m_meta.codecs.arrayToBytes()->sharding();
}

QString ShardStore::innerKey(const Shape &coords)
{
    QString key = QStringLiteral("c");
    for (std::uint64_t c : coords)
        key += u'/' + QString::number(c);
    return key;
}

Result<ShardStore::Address> ShardStore::address(const QString &key) const
{
    const QStringList parts = key.split(u'/');
    const std::size_t rank = m_layout.innerShape.size();
    if (parts.value(0) != u"c" || std::size_t(parts.size()) != rank + 1)
        return makeError(QStringLiteral("not an inner chunk key"), key);
    Address a;
    a.shard.resize(rank);
    for (std::size_t i = 0; i < rank; ++i) {
        bool ok = false;
        const std::uint64_t c = parts[qsizetype(i + 1)].toULongLong(&ok);
        if (!ok) return makeError(QStringLiteral("not an inner chunk key"), key);
        a.shard[i] = c / m_layout.innerPerShard[i];
        a.entry = a.entry * m_layout.innerPerShard[i] + c % m_layout.innerPerShard[i];
    }
    return a;
}

QString ShardStore::shardKey(const Shape &shard) const
{
    return joinKey(m_path, m_meta.keyEncoding.key(shard));
}

QString ShardStore::location() const
{
    return m_base->locate(m_path);
}

QString ShardStore::holdingKey(const QString &key) const
{
    const QStringList parts = key.split(u'/');
    if (parts.value(0) != u"c" || std::size_t(parts.size()) != m_layout.innerShape.size() + 1) return m_path;
    Shape shard;
    for (std::size_t i = 0; i < m_layout.innerShape.size(); ++i)
        shard.push_back(parts[qsizetype(i + 1)].toULongLong() / m_layout.innerPerShard[i]);
    return shardKey(shard);
}

// An inner chunk is located by the shard object that holds it.
QString ShardStore::locate(const QString &key) const
{
    return m_base->locate(holdingKey(key));
}

ShardStore::Counters ShardStore::counters() const
{
    return Counters{m_indexReads.load(), m_indexCacheHits.load(), m_requests.load(), m_bytes.load()};
}

QFuture<GetResult> ShardStore::get(const QString &key)
{
    return getMany({key}).front();
}

std::vector<QFuture<GetResult>> ShardStore::getMany(const QStringList &keys)
{
    std::vector<QFuture<GetResult>> out;
    out.reserve(std::size_t(keys.size()));
    std::map<QString, Requests> byShard; // ordered, so requests go out in a stable order
    for (const QString &key : keys) {
        auto request = std::make_shared<Request>();
        request->promise.start();
        out.push_back(request->promise.future());
        auto a = address(key);
        if (!a) {
            request->answer(a.error());
            continue;
        }
        request->entry = a->entry;
        byShard[shardKey(a->shard)].push_back(std::move(request));
    }
    for (auto &[shard, requests] : byShard)
        withIndex(shard, std::move(requests));
    return out;
}

QFuture<GetResult> ShardStore::getRange(const QString &key, ByteRange range)
{
    return continueIn<GetResult>(nullptr, get(key),
                                 [key, range, self = shared_from_this()](GetResult r) -> GetResult {
                                     if (!r || !r->has_value()) return r;
                                     ZS_TRY(QByteArray part, sliceRange(**r, range, self->locate(key)));
                                     return MaybeBytes(std::move(part));
                                 });
}

QFuture<ListResult> ShardStore::list(const QString &)
{
    QPromise<ListResult> p;
    p.start();
    p.addResult(
        ListResult(makeError(QStringLiteral("the inner chunks of a shard cannot be listed"), location())));
    p.finish();
    return p.future();
}

void ShardStore::withIndex(const QString &shard, Requests requests)
{
    const QString cacheKey = m_base->locate(shard);
    if (auto cached = m_cache->find(cacheKey)) {
        m_indexCacheHits.fetch_add(1);
        return readInner(shard, *cached, std::move(requests));
    }
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_waitingForIndex.find(shard);
        if (it != m_waitingForIndex.end()) { // its index is being read: wait for that read
            for (auto &r : requests)
                it->push_back(std::move(r));
            return;
        }
        m_waitingForIndex.insert(shard, requests);
    }
    const ShardingCodec &codec = *m_layout.codec;
    const std::uint64_t n = codec.indexByteSize();
    const ByteRange range = codec.indexLocation() == ShardingCodec::IndexLocation::End
                                ? ByteRange::lastBytes(n)
                                : ByteRange::fromStart(0, n);
    m_indexReads.fetch_add(1);
    m_requests.fetch_add(1);
    QFuture<GetResult> read = m_base->getRange(shard, range);
    cancelWhenAbandoned(read, futuresOf(requests));
    // Checking the index (its checksum covers every entry) is CPU work: off the network thread.
    continueIn<Status>(decodePool(), read, [self = shared_from_this(), shard](GetResult r) -> Status {
        self->onIndexRead(shard, std::move(r));
        return Ok{};
    });
}

void ShardStore::onIndexRead(const QString &shard, GetResult result)
{
    Requests requests;
    {
        QMutexLocker lock(&m_mutex);
        requests = m_waitingForIndex.take(shard);
    }
    const auto failAll = [&](const Error &e) {
        for (auto &r : requests)
            r->answer(e);
    };
    if (!result) {
        // Cancelled because its first requests were; requests that joined later still want it.
        Requests still;
        for (auto &r : requests)
            r->promise.isCanceled() ? r->promise.finish() : still.push_back(r);
        if (!still.empty() && result.error().what == u"the read was cancelled")
            return withIndex(shard, std::move(still));
        requests = std::move(still);
        return failAll(
            Error{QStringLiteral("cannot read the shard index: ") + result.error().what, result.error().where}
                .at(shard));
    }
    if (!result->has_value()) { // an absent shard: every inner chunk is absent
        for (auto &r : requests)
            r->answer(MaybeBytes{});
        return;
    }
    const QByteArray bytes = std::move(**result);
    m_bytes.fetch_add(std::uint64_t(bytes.size()));
    const ShardingCodec &codec = *m_layout.codec;
    if (std::uint64_t(bytes.size()) != codec.indexByteSize())
        return failAll(makeError(QStringLiteral("shard of %1 bytes is smaller than its %2-byte index")
                                     .arg(bytes.size())
                                     .arg(codec.indexByteSize()),
                                 shard));
    // The object's size is not known from a suffix read: entries beyond it fail when their range is read.
    auto index = codec.decodeIndex(bytes, ~std::uint64_t(0));
    if (!index) return failAll(index.error().at(shard));
    if (codec.indexLocation() == ShardingCodec::IndexLocation::Start) {
        for (std::size_t i = 0; i < index->size(); ++i) {
            const auto &e = (*index)[i];
            if (!e.empty() && e.offset < codec.indexByteSize())
                return failAll(
                    makeError(QStringLiteral("shard index entry %1 (offset %2) overlaps the %3-byte index "
                                             "at the start of the shard")
                                  .arg(i)
                                  .arg(e.offset)
                                  .arg(codec.indexByteSize()),
                              shard));
        }
    }
    auto shared = std::make_shared<const ShardIndex>(std::move(*index));
    m_cache->insert(m_base->locate(shard), shared);
    readInner(shard, *shared, std::move(requests));
}

void ShardStore::readInner(const QString &shard, const ShardIndex &index, Requests requests)
{
    std::vector<WantedRange> wanted;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        Request &r = *requests[i];
        if (r.entry >= index.size()) {
            r.answer(makeError(QStringLiteral("shard index has %1 entries, inner chunk %2 needs more")
                                   .arg(index.size())
                                   .arg(r.entry),
                               shard));
            continue;
        }
        const auto &e = index[r.entry];
        if (e.empty())
            r.answer(MaybeBytes{}); // never written: the fill value
        else
            wanted.push_back(WantedRange{e.offset, e.nbytes, i});
    }
    for (MergedRange &m : coalesceRanges(std::move(wanted), m_coalesce)) {
        Requests served;
        for (const WantedRange &part : m.parts)
            served.push_back(requests[part.tag]);
        readMerged(shard, std::move(m), std::move(served));
    }
}

void ShardStore::readMerged(const QString &shard, MergedRange merged, Requests requests)
{
    if (allCancelled(requests)) {
        for (auto &r : requests)
            r->promise.finish();
        return;
    }
    m_requests.fetch_add(1);
    QFuture<GetResult> read = m_base->getRange(shard, ByteRange::fromStart(merged.offset, merged.length));
    cancelWhenAbandoned(read, futuresOf(requests));
    // Cutting the parts out copies them: on the pool, so the network thread only hands over.
    continueIn<Status>(
        decodePool(), read,
        [self = shared_from_this(), shard, merged = std::move(merged),
         requests = std::move(requests)](GetResult result) -> Status {
            const auto where = [&] {
                return QStringLiteral("cannot read inner chunks at bytes %1-%2, where the shard "
                                      "index puts them")
                    .arg(merged.offset)
                    .arg(merged.offset + merged.length);
            };
            const QString &at = shard;
            if (result && result->has_value()) self->m_bytes.fetch_add(std::uint64_t((*result)->size()));
            std::optional<Error> failure;
            if (!result)
                failure = Error{where() + QStringLiteral(": ") + result.error().what, at};
            else if (!result->has_value())
                failure = makeError(
                    where() + QStringLiteral(": the shard is gone (it was there for its index)"), at);
            else if (std::uint64_t((*result)->size()) != merged.length)
                failure = makeError(where() + QStringLiteral(": got %1 bytes").arg((*result)->size()), at);
            for (std::size_t i = 0; i < requests.size(); ++i) {
                if (failure) {
                    requests[i]->answer(*failure);
                    continue;
                }
                const WantedRange &part = merged.parts[i];
                requests[i]->answer(MaybeBytes(
                    (*result)->mid(qsizetype(part.offset - merged.offset), qsizetype(part.length))));
            }
            return Ok{};
        });
}

} // namespace zs
