#pragma once
// Azure List Blobs (GET container?restype=container&comp=list&prefix=P/&delimiter=/): the
// request URL and its XML answer, the Azure counterpart of S3Listing.

#include "store/Store.h"

#include <QUrl>

namespace zs {

struct AzureListPage
{
    Listing listing;    // names relative to the listed prefix
    QString nextMarker; // non-empty when more pages follow: ask again with it as the marker
};

// `containerUrl` is the container's URL (no query; a SAS is merged later by the authorizer);
// `prefix` has no trailing slash; `maxResults` 0 leaves the service's default (5000).
QUrl azureListUrl(const QUrl &containerUrl, const QString &prefix, const QString &marker, int maxResults = 0);
// Fails when the body is not an EnumerationResults (an <Error> document, an HTML page).
Result<AzureListPage> parseAzureListPage(const QByteArray &xml, const QString &prefix, const QString &where);

} // namespace zs
