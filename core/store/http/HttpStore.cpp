#include "store/http/HttpStore.h"

#include "auth/RequestAuthorizer.h"
#include "store/ListedStoredSize.h"
#include "store/http/HttpListing.h"
#include "util/FutureChain.h"

namespace zs {

HttpStore::HttpStore(QUrl base, FetchOptions options, QUrl bucketUrl, QString bucketPrefix)
    : m_base(std::move(base)), m_bucketUrl(std::move(bucketUrl)), m_bucketPrefix(std::move(bucketPrefix)),
      m_scheduler(new FetchScheduler(std::move(options)))
{
    QString path = m_base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_base.setPath(path);
}

HttpStore::~HttpStore()
{
    m_scheduler->deleteLater(); // it lives on the network thread
}

QUrl HttpStore::urlFor(const QString &key) const
{
    QUrl url = m_base;
    if (!key.isEmpty()) url.setPath(m_base.path() + u'/' + key);
    return url;
}

QString HttpStore::credentialSource() const
{
    const auto &authorizer = m_scheduler->options().authorizer;
    return authorizer ? authorizer->describe() : QStringLiteral("anonymous");
}

// The scheduler is this store's limiter: its counts, in the limiter's terms.
std::optional<LimiterStats> HttpStore::limiterStats() const
{
    const TransferStats t = m_scheduler->stats();
    LimiterStats l;
    l.started = t.requests;
    l.running = t.inFlight;
    l.maxRunning = t.maxInFlight;
    return l;
}

bool HttpStore::observeExchanges(const ExchangeObserver &observer)
{
    // The scheduler names the URL path; the store root's path comes off so keys read as keys.
    // Listing requests to a bucket endpoint keep their full path.
    const QString root = m_base.path() + u'/';
    QObject::connect(
        m_scheduler, &FetchScheduler::requestFinished, m_scheduler,
        [root, observer](FetchRecord record) {
            if (record.key.startsWith(root)) record.key = record.key.mid(root.size());
            observer(std::move(record));
        },
        Qt::DirectConnection);
    return true;
}

QFuture<GetResult> HttpStore::get(const QString &key)
{
    return m_scheduler->fetch(urlFor(key));
}

QFuture<GetResult> HttpStore::getRange(const QString &key, ByteRange range)
{
    if (range.length > 0 || range.suffix) return m_scheduler->fetch(urlFor(key), range);
    // HTTP cannot ask for zero bytes ("bytes=5-4" is not a range; nginx and S3 answer the whole
    // object or 416). Read the byte before the offset instead (the last byte, or nothing of an
    // empty object, for offset 0): that tells a missing key and an offset past the end, as
    // every other store does, and the answer is empty.
    const ByteRange probe =
        range.offset == 0 ? ByteRange::lastBytes(1) : ByteRange::fromStart(range.offset - 1, 1);
    return continueIn<GetResult>(nullptr, m_scheduler->fetch(urlFor(key), probe),
                                 [](const GetResult &r) -> GetResult {
                                     if (!r || !*r) return r;
                                     return MaybeBytes{QByteArray()};
                                 });
}

QFuture<RangeReadResult> HttpStore::getRangeOrWhole(const QString &key, ByteRange range)
{
    return m_scheduler->fetchRangeOrWhole(urlFor(key), range);
}

QFuture<ListResult> HttpStore::list(const QString &prefix)
{
    // The listing's pages continue after this call returns: the operation must own the store.
    std::shared_ptr<HttpStore> self = weak_from_this().lock();
    if (!self)
        return QtFuture::makeReadyFuture(ListResult(
            makeError(QStringLiteral("an HttpStore must be owned by a shared_ptr to list"), location())));
    switch (listMode()) {
    case ListMode::S3:
        return startListing(std::move(self), prefix, {ListingKind::S3}, false);
    case ListMode::Html:
        return startListing(std::move(self), prefix, {ListingKind::Html}, false);
    case ListMode::Azure:
        return startListing(std::move(self), prefix, {ListingKind::Azure}, false);
    case ListMode::None:
        return QtFuture::makeReadyFuture(ListResult(cannotListError()));
    case ListMode::Unknown:
        break;
    }
    std::vector<ListingKind> kinds;
    if (m_bucketUrl.isValid()) kinds.push_back(ListingKind::S3);
    kinds.push_back(ListingKind::Html);
    return startListing(std::move(self), prefix, std::move(kinds), true);
}

QFuture<StoredSizeResult> HttpStore::storedSize(const QString &prefix)
{
    std::shared_ptr<HttpStore> self = weak_from_this().lock();
    if (!self || listMode() == ListMode::None) return Store::storedSize(prefix);
    QFuture<StoredSizeResult> walk = storedSizeFromListings(self, prefix);
    // A store found not to list (its first listing just failed) cannot tell: unknown, not an error.
    QFuture<StoredSizeResult> out = continueIn<StoredSizeResult>(
        nullptr, walk,
        [store = std::weak_ptr<HttpStore>(self)](const StoredSizeResult &r) -> StoredSizeResult {
            const auto s = store.lock();
            if (!r && s && s->listMode() == ListMode::None) return std::optional<StoredSize>{};
            return r;
        });
    detail::whenCanceled(out, [walk]() mutable { walk.cancel(); }); // a panel moving on stops the walk
    return out;
}

HttpStore::ListMode HttpStore::listMode() const
{
    QMutexLocker lock(&m_modeMutex);
    return m_listMode;
}

void HttpStore::chooseListMode(ListMode mode)
{
    QMutexLocker lock(&m_modeMutex);
    if (m_listMode == ListMode::Unknown) m_listMode = mode;
}

Error HttpStore::cannotListError() const
{
    return makeError(QStringLiteral("this store cannot be listed: open an array path directly"), location());
}

} // namespace zs
