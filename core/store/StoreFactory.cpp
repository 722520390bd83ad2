#include "store/StoreFactory.h"

#include "store/LocalStore.h"
#include "store/http/HttpStore.h"
#include "store/zip/ZipLocation.h"
#include "store/zip/ZipStore.h"

#include <QFileInfo>
#include <QUrl>

namespace zs {

bool isRemoteLocation(const QString &location)
{
    const QString scheme = QUrl(location).scheme();
    return scheme == u"http" || scheme == u"https" || scheme == u"s3" || scheme == u"gs";
}

// A zip archive at `base` + path: its parent folder over HTTP, the archive one key in it. No
// listing endpoint: the archive's directory is the listing.
static std::shared_ptr<Store> openRemoteZip(QUrl base, const ZipLocation &zip, const StoreOptions &options)
{
    QString parent = base.path();
    while (parent.endsWith(u'/'))
        parent.chop(1);
    base.setPath(parent + zip.parent);
    auto http = std::make_shared<HttpStore>(base, options.fetch);
    return std::make_shared<ZipStore>(std::move(http), zip.archive, zip.inner);
}

static Result<std::shared_ptr<Store>> openBucket(const QUrl &url, const StoreOptions &options)
{
    const QString bucket = url.host();
    QString prefix = url.path();
    while (prefix.startsWith(u'/'))
        prefix.remove(0, 1);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    if (bucket.isEmpty()) return makeError(QStringLiteral("no bucket name"), url.toString());
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
    if (!bucketUrl.isValid()) return makeError(QStringLiteral("invalid bucket URL"), url.toString());
    if (const auto zip = findZipInUrlPath(prefix)) return openRemoteZip(bucketUrl, *zip, options);
    QUrl base = bucketUrl;
    if (!prefix.isEmpty()) base.setPath(bucketUrl.path() + u'/' + prefix);
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
            if (const auto zip = findZipInUrlPath(url.path())) {
                QUrl server = url;
                server.setPath(QString());
                return openRemoteZip(server, *zip, options);
            }
            // An HTTP endpoint may still answer S3 listing (MinIO, s3rver): its first path segment is the
            // bucket.
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
        if (scheme == u"s3" || scheme == u"gs") return openBucket(url, options);
        if (scheme != u"file")
            return makeError(QStringLiteral("unsupported store scheme \"%1\"").arg(scheme), location);
        path = url.toLocalFile();
    }
    if (!QFileInfo(path).isDir()) {
        // A file on the way is a zip archive, the rest a folder inside it. Its directory is
        // read now, from disk, so a file that is no zip fails here rather than at the first read.
        if (const auto zip = findLocalZip(path)) {
            auto store = std::make_shared<ZipStore>(
                std::make_shared<LocalStore>(zip->parent, options.fetch.concurrency), zip->archive,
                zip->inner);
            ZS_CHECK(store->waitUntilOpen());
            return std::shared_ptr<Store>(std::move(store));
        }
        return makeError(QStringLiteral("no such store directory"), location);
    }
    return std::shared_ptr<Store>(std::make_shared<LocalStore>(path, options.fetch.concurrency));
}

} // namespace zs
