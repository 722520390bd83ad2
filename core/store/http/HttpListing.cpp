#include "store/http/HttpListing.h"

#include "store/http/AzureListing.h"
#include "store/http/HtmlIndex.h"
#include "store/http/HttpStore.h"
#include "store/http/S3Listing.h"
#include "util/FutureChain.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QPromise>

namespace zs {

namespace {

constexpr int kMaxPages = 10000;

bool isCredentialRefusal(const Error &error)
{
    return error.what.startsWith(QLatin1String("access denied")) ||
           error.what.startsWith(QLatin1String("credentials are needed"));
}

class HttpListing final : public std::enable_shared_from_this<HttpListing>
{
public:
    HttpListing(std::shared_ptr<HttpStore> store, QString prefix, std::vector<ListingKind> kinds,
                bool choosing)
        : m_store(std::move(store)), m_prefix(std::move(prefix)), m_kinds(std::move(kinds)),
          m_choosing(choosing)
    {
        m_promise.start();
    }

    QFuture<ListResult> start()
    {
        QFuture<ListResult> out = m_promise.future();
        watchForCancel();
        QMutexLocker lock(&m_mutex);
        nextPage();
        return out;
    }

private:
    // A watcher on the network thread hears the caller cancel and aborts the page in flight.
    void watchForCancel()
    {
        QObject *context = detail::futureChainContext();
        QMetaObject::invokeMethod(
            context,
            [self = shared_from_this(), context] {
                auto *watcher = new QFutureWatcher<ListResult>;
                QObject::connect(watcher, &QFutureWatcherBase::canceled, context, [self] {
                    QMutexLocker lock(&self->m_mutex);
                    self->m_page.cancel();
                });
                QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
                watcher->setFuture(self->m_promise.future());
            },
            Qt::QueuedConnection);
    }

    ListingKind kind() const { return m_kinds[m_kindIndex]; }

    QUrl pageUrl() const
    {
        if (kind() == ListingKind::Html) {
            QUrl url = m_store->urlFor(m_prefix);
            url.setPath(url.path() + u'/');
            return url;
        }
        if (kind() == ListingKind::Azure) return azureListUrl(m_store->bucketUrl(), s3Prefix(), m_token);
        return s3ListUrl(m_store->bucketUrl(), s3Prefix(), m_token);
    }

    QString s3Prefix() const
    {
        const QString &bucketPrefix = m_store->bucketPrefix();
        if (bucketPrefix.isEmpty()) return m_prefix;
        return m_prefix.isEmpty() ? bucketPrefix : bucketPrefix + u'/' + m_prefix;
    }

    void nextPage() // mutex held
    {
        if (m_promise.isCanceled()) return settle(makeError(QStringLiteral("the listing was cancelled")));
        const QUrl url = pageUrl();
        m_page = m_store->scheduler()->fetch(url);
        afterFinished(m_page, [self = shared_from_this(), url](const GetResult &page) {
            QMutexLocker lock(&self->m_mutex);
            self->onPage(page, url);
        });
    }

    void onPage(const GetResult &page, const QUrl &url) // mutex held
    {
        if (m_promise.isCanceled()) return settle(makeError(QStringLiteral("the listing was cancelled")));
        if (!page) return failed(page.error());
        const QString where = m_store->bucketUrl().toString();
        if (!*page)
            return failed(makeError(kind() == ListingKind::Html ? QStringLiteral("no directory index here")
                                    : kind() == ListingKind::S3 ? QStringLiteral("no S3 listing here")
                                                                : QStringLiteral("no such container"),
                                    kind() == ListingKind::Html ? url.toString() : where));
        if (kind() == ListingKind::Html) {
            if (!(*page)->contains("<a ") && !(*page)->contains("<A "))
                return failed(makeError(QStringLiteral("no directory index here"), url.toString()));
            return succeeded(parseHtmlIndex(**page, url.path()));
        }
        // A page's URL may carry a continuation token, never shown: errors name the bucket.
        QString next;
        if (kind() == ListingKind::Azure) {
            auto parsed = parseAzureListPage(**page, s3Prefix(), where);
            if (!parsed) return failed(parsed.error());
            append(parsed->listing);
            next = parsed->nextMarker;
        } else {
            auto parsed = parseS3ListPage(**page, s3Prefix(), where);
            if (!parsed) return failed(parsed.error());
            append(parsed->listing);
            next = parsed->continuationToken;
        }
        if (next.isEmpty()) return succeeded(m_all);
        m_token = next;
        if (++m_pages >= kMaxPages)
            return failed(
                makeError(QStringLiteral("S3 listing did not end"), m_store->bucketUrl().toString()));
        nextPage();
    }

    void append(const Listing &page)
    {
        m_all.keys << page.keys;
        m_all.prefixes << page.prefixes;
        m_all.sizes.insert(page.sizes);
    }

    void succeeded(Listing listing)
    {
        if (m_choosing)
            m_store->chooseListMode(kind() == ListingKind::S3      ? HttpStore::ListMode::S3
                                    : kind() == ListingKind::Azure ? HttpStore::ListMode::Azure
                                                                   : HttpStore::ListMode::Html);
        settle(std::move(listing));
    }

    void failed(const Error &error)
    {
        if (!m_choosing) return settle(error);
        // Refused credentials are the answer, whatever way of listing is tried next: that would
        // be refused too, and "cannot be listed" would hide why.
        if (isCredentialRefusal(error)) return settle(error);
        if (++m_kindIndex < m_kinds.size()) {
            m_all = Listing{};
            m_token.clear();
            m_pages = 0;
            return nextPage();
        }
        m_store->chooseListMode(HttpStore::ListMode::None);
        settle(m_store->cannotListError());
    }

    void settle(ListResult result)
    {
        m_promise.addResult(std::move(result));
        m_promise.finish();
        m_store.reset(); // the store may go now
    }

    std::shared_ptr<HttpStore> m_store;
    const QString m_prefix;
    const std::vector<ListingKind> m_kinds;
    const bool m_choosing;
    QMutex m_mutex;
    QPromise<ListResult> m_promise;
    QFuture<GetResult> m_page;
    std::size_t m_kindIndex = 0;
    Listing m_all;
    QString m_token;
    int m_pages = 0;
};

} // namespace

QFuture<ListResult> startListing(std::shared_ptr<HttpStore> store, QString prefix,
                                 std::vector<ListingKind> kinds, bool choosing)
{
    return std::make_shared<HttpListing>(std::move(store), std::move(prefix), std::move(kinds), choosing)
        ->start();
}

} // namespace zs
