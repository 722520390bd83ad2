#pragma once
// S3 ListObjectsV2 (GET /?list-type=2&prefix=P/&delimiter=/): the request URL and its XML answer.

#include "store/Store.h"

#include <QUrl>

namespace zs {

struct S3ListPage
{
    Listing listing;           // names relative to the listed prefix
    QString continuationToken; // non-empty when the answer was truncated
};

// `bucketUrl` is the bucket's endpoint (virtual-hosted or path-style); `prefix` has no trailing slash.
QUrl s3ListUrl(const QUrl &bucketUrl, const QString &prefix, const QString &continuationToken);
// Fails when the body is not a ListBucketResult (e.g. an HTML page from a plain web server).
Result<S3ListPage> parseS3ListPage(const QByteArray &xml, const QString &prefix, const QString &where);

} // namespace zs
