#include "store/http/S3Listing.h"

#include <QUrlQuery>
#include <QXmlStreamReader>

namespace zs {

QUrl s3ListUrl(const QUrl &bucketUrl, const QString &prefix, const QString &continuationToken)
{
    QUrl url = bucketUrl;
    if (!url.path().endsWith(u'/')) url.setPath(url.path() + u'/');
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("list-type"), QStringLiteral("2"));
    // Percent-encode everything but '/': S3 reads a query's '+' as a space, and QUrlQuery leaves '+' as is.
    q.addQueryItem(QStringLiteral("prefix"),
                   prefix.isEmpty() ? QString()
                                    : QString::fromLatin1(QUrl::toPercentEncoding(prefix + u'/', "/")));
    q.addQueryItem(QStringLiteral("delimiter"), QStringLiteral("/"));
    if (!continuationToken.isEmpty())
        q.addQueryItem(QStringLiteral("continuation-token"),
                       QString::fromLatin1(QUrl::toPercentEncoding(continuationToken)));
    url.setQuery(q);
    return url;
}

Result<S3ListPage> parseS3ListPage(const QByteArray &xml, const QString &prefix, const QString &where)
{
    QXmlStreamReader r(xml);
    S3ListPage page;
    const QString start = prefix.isEmpty() ? QString() : prefix + u'/';
    bool sawRoot = false, truncated = false, inContents = false, inPrefixes = false;
    // Within one <Contents>: its name under the prefix (empty when it lies elsewhere) and <Size>,
    // in whichever order they come.
    QString contentName;
    std::optional<std::uint64_t> contentSize;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const auto name = r.name();
            if (name == u"ListBucketResult")
                sawRoot = true;
            else if (name == u"Contents") {
                inContents = true;
                contentName.clear();
                contentSize.reset();
            } else if (name == u"Size" && inContents) {
                bool ok = false;
                const std::uint64_t size = r.readElementText().toULongLong(&ok);
                if (ok) contentSize = size;
            } else if (name == u"CommonPrefixes")
                inPrefixes = true;
            else if (name == u"IsTruncated")
                truncated = r.readElementText() == u"true";
            else if (name == u"NextContinuationToken")
                page.continuationToken = r.readElementText();
            else if (name == u"Key" && inContents) {
                const QString key = r.readElementText();
                if (key.startsWith(start) && key.size() > start.size() &&
                    !key.mid(start.size()).contains(u'/')) {
                    contentName = key.mid(start.size());
                    page.listing.keys << contentName;
                }
            } else if (name == u"Prefix" && inPrefixes) {
                QString p = r.readElementText();
                if (p.startsWith(start) && p.endsWith(u'/') && p.size() > start.size() + 1)
                    page.listing.prefixes << p.mid(start.size()).chopped(1);
            }
        } else if (r.isEndElement()) {
            if (r.name() == u"Contents") {
                inContents = false;
                if (!contentName.isEmpty() && contentSize)
                    page.listing.sizes.insert(contentName, *contentSize);
            } else if (r.name() == u"CommonPrefixes")
                inPrefixes = false;
        }
    }
    if (r.hasError() || !sawRoot) return makeError(QStringLiteral("not an S3 ListObjectsV2 answer"), where);
    if (!truncated) page.continuationToken.clear();
    return page;
}

} // namespace zs
