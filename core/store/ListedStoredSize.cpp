#include "store/ListedStoredSize.h"

#include "util/FutureChain.h"

#include <QMutex>
#include <QPromise>

namespace zs {

namespace {

// One walk: the listings still out, the sum so far. Each answer arrives on the network thread
// (afterFinished); the walk holds the store until it has settled.
class ListedSizeWalk final : public std::enable_shared_from_this<ListedSizeWalk>
{
public:
    explicit ListedSizeWalk(std::shared_ptr<Store> store) : m_store(std::move(store)) { m_promise.start(); }

    QFuture<StoredSizeResult> start(const QString &prefix)
    {
        QFuture<StoredSizeResult> out = m_promise.future();
        QMutexLocker lock(&m_mutex);
        listLevel(prefix);
        return out;
    }

private:
    void listLevel(const QString &prefix) // mutex held
    {
        ++m_pending;
        ++m_listings;
        afterFinished(m_store->list(prefix), [self = shared_from_this(), prefix](const ListResult &listing) {
            QMutexLocker lock(&self->m_mutex);
            self->onListing(prefix, listing);
        });
    }

    void onListing(const QString &prefix, const ListResult &listing) // mutex held
    {
        --m_pending;
        if (m_settled) return;
        if (m_promise.isCanceled()) return settle(makeError(QStringLiteral("cancelled")));
        if (!listing) return settle(listing.error());
        for (const QString &key : listing->keys) {
            if (isMetadataDocument(key)) continue;
            const auto size = listing->sizes.constFind(key);
            if (size == listing->sizes.cend()) return settle(std::optional<StoredSize>{}); // not stated
            m_size.bytes += *size;
            ++m_size.objects;
        }
        for (const QString &sub : listing->prefixes) {
            if (m_listings >= kMaxStoredSizeListings) return settle(std::optional<StoredSize>{});
            listLevel(prefix.isEmpty() ? sub : prefix + u'/' + sub);
        }
        if (m_pending == 0) settle(std::optional<StoredSize>(m_size));
    }

    void settle(StoredSizeResult result) // mutex held
    {
        m_settled = true;
        m_promise.addResult(std::move(result));
        m_promise.finish();
        m_store.reset(); // the store may go now: listings still out hold only this walk
    }

    std::shared_ptr<Store> m_store;
    QMutex m_mutex;
    QPromise<StoredSizeResult> m_promise;
    StoredSize m_size;
    int m_pending = 0;
    int m_listings = 0;
    bool m_settled = false;
};

} // namespace

QFuture<StoredSizeResult> storedSizeFromListings(std::shared_ptr<Store> store, const QString &prefix)
{
    return std::make_shared<ListedSizeWalk>(std::move(store))->start(prefix);
}

} // namespace zs
