#include "store/StoreFactory.h"

#include "store/LocalStore.h"
#include "store/http/HttpStore.h"

#include <QFileInfo>
#include <QUrl>

namespace zs {

bool isRemoteLocation(const QString &location)
{
    const QString scheme = QUrl(location).scheme();
    return scheme == u"http" || scheme == u"https" || scheme == u"s3" || scheme == u"gs";
}

static Result<std::shared_ptr<Store>> openBucket(const QUrl &url, const StoreOptions &options)
{
    const QString bucket = url.host();
    QString prefix = url.path();
    while (prefix.startsWith(u'/'))
        prefix.remove(0, 1);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    if (bucket.isEmpty())
        return makeError(QStringLiteral("no bucket name"), url.toString());
    QUrl bucketUrl;
    if (url.scheme() == u"gs") {
        bucketUrl = QUrl(QStringLiteral("https://storage.googleapis.com/%1").arg(bucket));
    } else if (!options.s3Endpoint.isEmpty()) {
        QString endpoint = options.s3Endpoint;
        while (endpoint.endsWith(u'/'))
            endpoint.chop(1);
        bucketUrl = QUrl(QStringLiteral("%1/%2").arg(endpoint, bucket)); // path style
    } else if (!options.s3Region.isEmpty()) {
        bucketUrl = QUrl(QStringLiteral("https://%1.s3.%2.amazonaws.com").arg(bucket, options.s3Region));
    } else {
        bucketUrl = QUrl(QStringLiteral("https://%1.s3.amazonaws.com").arg(bucket));
    }
    if (!bucketUrl.isValid())
        return makeError(QStringLiteral("invalid bucket URL"), url.toString());
    QUrl base = bucketUrl;
    if (!prefix.isEmpty())
        base.setPath(bucketUrl.path() + u'/' + prefix);
    // Google Cloud Storage answers the same ListObjectsV2 shape on its XML API.
    return std::shared_ptr<Store>(std::make_shared<HttpStore>(base, options.fetch, bucketUrl, prefix));
}

Result<std::shared_ptr<Store>> openStore(const QString &location, const StoreOptions &options)
{
    QString path = location;
    if (location.contains(QLatin1String("://"))) {
        const QUrl url(location);
        const QString scheme = url.scheme();
        if (scheme == u"http" || scheme == u"https") {
            if (!url.isValid() || url.host().isEmpty())
                return makeError(QStringLiteral("invalid URL"), location);
            // An HTTP endpoint may still answer S3 listing (MinIO, s3rver): its first path segment is the bucket.
            QUrl bucketUrl;
            QString prefix;
            const QStringList segments = url.path().split(u'/', Qt::SkipEmptyParts);
            if (!segments.isEmpty()) {
                bucketUrl = url;
                bucketUrl.setPath(u'/' + segments.first());
                bucketUrl.setQuery(QString());
                prefix = segments.mid(1).join(u'/');
            }
            return std::shared_ptr<Store>(std::make_shared<HttpStore>(url, options.fetch, bucketUrl, prefix));
        }
        if (scheme == u"s3" || scheme == u"gs")
            return openBucket(url, options);
        if (scheme != u"file")
            return makeError(QStringLiteral("unsupported store scheme \"%1\"").arg(scheme), location);
        path = url.toLocalFile();
    }
    if (!QFileInfo(path).isDir())
        return makeError(QStringLiteral("no such store directory"), location);
    return std::shared_ptr<Store>(std::make_shared<LocalStore>(path));
}

} // namespace zs
