#include "store/http/HttpStore.h"

#include "store/http/HtmlIndex.h"
#include "store/http/S3Listing.h"
#include "util/FutureChain.h"

#include <QtConcurrent>

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
    // Listing may take several round trips (pages, fallbacks): run it off the caller's thread.
    return QtConcurrent::run([this, prefix] { return listBlocking(prefix); });
}

ListResult HttpStore::listBlocking(const QString &prefix)
{
    QMutexLocker lock(&m_listMutex);
    if (m_listMode == ListMode::S3) return listS3(prefix);
    if (m_listMode == ListMode::Html) return listHtml(prefix);
    if (m_listMode == ListMode::Unknown) {
        if (m_bucketUrl.isValid()) {
            auto s3 = listS3(prefix);
            if (s3) {
                m_listMode = ListMode::S3;
                return s3;
            }
        }
        auto html = listHtml(prefix);
        if (html) {
            m_listMode = ListMode::Html;
            return html;
        }
        m_listMode = ListMode::None;
    }
    return makeError(QStringLiteral("this store cannot be listed: open an array path directly"), location());
}

// Listing runs on a worker thread (see list()), so waiting here blocks no caller.
Result<QByteArray> HttpStore::fetchListingPage(const QUrl &url, const QString &whenMissing)
{
    ZS_TRY(MaybeBytes page, await(m_scheduler->fetch(url)));
    if (!page) return makeError(whenMissing, url.toString());
    return *page;
}

ListResult HttpStore::listS3(const QString &prefix)
{
    const QString full = m_bucketPrefix.isEmpty() ? prefix
                         : prefix.isEmpty()       ? m_bucketPrefix
                                                  : m_bucketPrefix + u'/' + prefix;
    Listing all;
    QString token;
    for (int page = 0; page < 10000; ++page) {
        const QUrl url = s3ListUrl(m_bucketUrl, full, token);
        ZS_TRY(const QByteArray xml, fetchListingPage(url, QStringLiteral("no S3 listing here")));
        ZS_TRY(S3ListPage p, parseS3ListPage(xml, full, url.toString()));
        all.keys << p.listing.keys;
        all.prefixes << p.listing.prefixes;
        if (p.continuationToken.isEmpty()) return all;
        token = p.continuationToken;
    }
    return makeError(QStringLiteral("S3 listing did not end"), m_bucketUrl.toString());
}

ListResult HttpStore::listHtml(const QString &prefix)
{
    QUrl url = urlFor(prefix);
    url.setPath(url.path() + u'/');
    ZS_TRY(const QByteArray body, fetchListingPage(url, QStringLiteral("no directory index here")));
    if (!body.contains("<a ") && !body.contains("<A "))
        return makeError(QStringLiteral("no directory index here"), url.toString());
    return parseHtmlIndex(body, url.path());
}

} // namespace zs
