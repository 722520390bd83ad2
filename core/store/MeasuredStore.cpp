#include "store/MeasuredStore.h"

#include "util/FutureChain.h"
#include "util/MonotonicClock.h"

#include <utility>

namespace zs {

using Outcome = FetchRecord::Outcome;

namespace {

std::uint64_t bytesOf(const GetResult &r)
{
    return r && *r ? std::uint64_t((*r)->size()) : 0;
}
std::uint64_t bytesOf(const RangeReadResult &r)
{
    return r && *r ? std::uint64_t((*r)->bytes.size()) : 0;
}
std::uint64_t bytesOf(const ListResult &)
{
    return 0;
}

// A missing key is not a failure (a 404 is not either); a listing is never "missing".
bool isMissing(const GetResult &r)
{
    return r && !*r;
}
bool isMissing(const RangeReadResult &r)
{
    return r && !*r;
}
bool isMissing(const ListResult &)
{
    return false;
}

} // namespace

RequestLog::RequestLog() : m_startNs(monotonicNs())
{
    qRegisterMetaType<zs::FetchRecord>();
}

qint64 RequestLog::elapsedNs() const
{
    return monotonicNs() - m_startNs;
}

void RequestLog::record(FetchRecord record)
{
    for (qint64 *t : {&record.queuedNs, &record.sentNs, &record.firstByteNs, &record.doneNs})
        if (*t) *t -= m_startNs;
    Q_EMIT requestRecorded(record);
}

MeasuredStore::MeasuredStore(std::shared_ptr<Store> inner)
    : m_inner(std::move(inner)), m_log(std::make_shared<RequestLog>())
{
    // The observer holds the log, not this wrapper: exchanges may end after the wrapper is gone.
    m_exchanges = m_inner->observeExchanges([log = m_log](FetchRecord r) { log->record(std::move(r)); });
}

bool MeasuredStore::observeExchanges(const ExchangeObserver &observer)
{
    return m_inner->observeExchanges(observer);
}

// The inner future, continued by a record of it on the network thread before the caller sees the
// answer (so a bench pass that ends on its last chunk has every record queued before it). A
// caller's cancel is recorded when it happens and reaches the inner request; a queued request
// may only be dropped later, when its turn comes, and is not recorded twice.
template <typename R> QFuture<R> MeasuredStore::timed(const QString &key, bool range, QFuture<R> inner)
{
    if (m_exchanges) return inner; // the wire records it, retries and statuses included
    struct Call
    {
        FetchRecord record;
        QPromise<R> promise;
        bool settled = false; // touched only on the network thread
    };
    auto call = std::make_shared<Call>();
    call->record.key = key;
    call->record.range = range;
    call->record.queuedNs = call->record.sentNs = monotonicNs();
    call->promise.start();
    QFuture<R> out = call->promise.future();
    const auto settle = [log = m_log, call](Outcome outcome, std::optional<R> result) {
        if (std::exchange(call->settled, true)) return;
        FetchRecord &r = call->record;
        r.firstByteNs = r.doneNs = monotonicNs();
        r.outcome = outcome;
        r.bytes = result ? bytesOf(*result) : 0;
        log->record(r);
        if (result) call->promise.addResult(std::move(*result));
        call->promise.finish();
    };
    detail::whenCanceled(out, [inner, settle]() mutable {
        QFuture<R>(inner).cancel();
        settle(Outcome::Cancelled, std::nullopt);
    });
    detail::whenDone(inner, [inner, settle](R result) {
        const Outcome outcome = QFuture<R>(inner).isCanceled() ? Outcome::Cancelled
                                : !result                      ? Outcome::Failed
                                : isMissing(result)            ? Outcome::Missing
                                                               : Outcome::Ok;
        settle(outcome, std::move(result));
    });
    return out;
}

QFuture<GetResult> MeasuredStore::get(const QString &key)
{
    return timed(key, false, m_inner->get(key));
}

std::vector<QFuture<GetResult>> MeasuredStore::getMany(const QStringList &keys)
{
    std::vector<QFuture<GetResult>> futures = m_inner->getMany(keys);
    for (std::size_t i = 0; i < futures.size(); ++i)
        futures[i] = timed(keys[qsizetype(i)], false, std::move(futures[i]));
    return futures;
}

QFuture<GetResult> MeasuredStore::getRange(const QString &key, ByteRange range)
{
    return timed(key, true, m_inner->getRange(key, range));
}

QFuture<RangeReadResult> MeasuredStore::getRangeOrWhole(const QString &key, ByteRange range)
{
    return timed(key, true, m_inner->getRangeOrWhole(key, range));
}

// A listing is recorded under its prefix with a trailing slash ("/" for the root), as a
// directory's URL reads.
QFuture<ListResult> MeasuredStore::list(const QString &prefix)
{
    return timed(prefix + u'/', false, m_inner->list(prefix));
}

} // namespace zs
