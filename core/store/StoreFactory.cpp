#include "store/StoreFactory.h"

#include "auth/Redaction.h"
#include "store/LocalStore.h"
#include "store/RemoteAccess.h"
#include "store/http/HttpStore.h"
#include "store/zip/ZipLocation.h"
#include "store/zip/ZipStore.h"

#include <QFileInfo>
#include <QUrl>

namespace zs {

bool isRemoteLocation(const QString &location)
{
    const QString scheme = QUrl(location).scheme();
    return scheme == u"http" || scheme == u"https" || scheme == u"s3" || scheme == u"gs" || scheme == u"az";
}

// A zip archive at `base` + path: its parent folder over HTTP, the archive one key in it. No
// listing endpoint: the archive's directory is the listing.
static std::shared_ptr<Store> openRemoteZip(QUrl base, const ZipLocation &zip, FetchOptions fetch)
{
    QString parent = base.path();
    while (parent.endsWith(u'/'))
        parent.chop(1);
    base.setPath(parent + zip.parent);
    auto http = std::make_shared<HttpStore>(base, std::move(fetch));
    return std::make_shared<ZipStore>(std::move(http), zip.archive, zip.inner);
}

// An S3 bucket, an Azure container or a GCS bucket, with the credentials its chain found.
// Errors name keys under `shown`, the location the user typed (s3://, gs://, az://), if given.
static Result<std::shared_ptr<Store>> openAccess(const RemoteAccess &access, const StoreOptions &options,
                                                 const QUrl &shown = {})
{
    FetchOptions fetch = options.fetch;
    fetch.authorizer = access.authorizer;
    if (access.azure) fetch.suffixRanges = false;
    if (!access.credentialsHint.isEmpty()) fetch.credentialsHint = access.credentialsHint;
    if (!shown.isEmpty()) {
        fetch.wireBase = access.base.toString();
        fetch.shownBase = displayUrl(shown);
        while (fetch.shownBase.endsWith(u'/'))
            fetch.shownBase.chop(1);
    }
    if (const auto zip = findZipInUrlPath(access.prefix))
        return openRemoteZip(access.listingUrl, *zip, fetch);
    auto store = std::make_shared<HttpStore>(access.base, std::move(fetch), access.listingUrl, access.prefix);
    // A bucket lists one way only. An S3 or GCS bucket left to guess would, when its listing is
    // refused, also try for an HTML index (a second refused request) and then answer "cannot be
    // listed" in place of the refusal's own explanation (a wrong secret key, an expired token).
    if (access.azure)
        store->chooseListMode(HttpStore::ListMode::Azure);
    else if (!access.guessListing)
        store->chooseListMode(HttpStore::ListMode::S3);
    return std::shared_ptr<Store>(std::move(store));
}

static Result<std::shared_ptr<Store>> openHttp(QUrl url, const StoreOptions &options)
{
    if (!url.isValid() || url.host().isEmpty())
        return makeError(QStringLiteral("invalid URL"), displayUrl(url));
    FetchOptions fetch = options.fetch;
    ZS_TRY(fetch.authorizer, httpAuthorizer(url, options.credentials));
    // The password is the authorizer's now: Qt would otherwise answer a 401 challenge with it
    // itself, and every error would show it.
    url.setUserInfo(QString());
    if (const auto zip = findZipInUrlPath(url.path())) {
        QUrl server = url;
        server.setPath(QString());
        return openRemoteZip(server, *zip, std::move(fetch));
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
    return std::shared_ptr<Store>(std::make_shared<HttpStore>(url, std::move(fetch), bucketUrl, prefix));
}

Result<std::shared_ptr<Store>> openStore(const QString &location, const StoreOptions &options)
{
    QString path = location;
    if (location.contains(QLatin1String("://"))) {
        const QUrl url(location);
        const QString scheme = url.scheme();
        if (isAzureLocation(url)) {
            ZS_TRY(RemoteAccess access, azureAccess(url, options));
            return openAccess(access, options, scheme == u"az" ? url : QUrl());
        }
        if (scheme == u"http" || scheme == u"https") return openHttp(url, options);
        if (scheme == u"s3") {
            ZS_TRY(RemoteAccess access, s3Access(url, options));
            return openAccess(access, options, url);
        }
        if (scheme == u"gs") {
            ZS_TRY(RemoteAccess access, gcsAccess(url, options));
            return openAccess(access, options, url);
        }
        if (scheme != u"file")
            return makeError(QStringLiteral("unsupported store scheme \"%1\"").arg(scheme),
                             displayLocation(location));
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
