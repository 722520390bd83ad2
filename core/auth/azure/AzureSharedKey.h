#pragma once
// Azure Storage Shared Key authorization (the Blob service's scheme for version 2009-09-19 and
// later, with the 2015-02-21 rule that a zero Content-Length signs as empty): the headers a
// request needs so the service (or Azurite) accepts it as signed by the account's key.
// Pure functions of their inputs, the time included, so tests can pin every byte.

#include "auth/RequestAuthorizer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace zs {

// The x-ms-version we send: a Blob REST version Azure and Azurite 3.37 both accept, recent
// enough for `Encoded` blob names in listings (2020-something) yet not bleeding edge.
inline constexpr char kAzureApiVersion[] = "2021-08-06";

// RFC 1123 in GMT ("Tue, 01 Dec 2026 09:05:03 GMT"), always English whatever the locale.
QByteArray azureHttpDate(const QDateTime &time);

// The account key as bytes: it is base64 in connection strings and AZURE_STORAGE_KEY. An error
// (naming `where`, never the key) when it is empty or not base64.
Result<QByteArray> decodeAzureAccountKey(const QString &base64Key, const QString &where);

// The string the signature covers, for a request whose headers already hold x-ms-date and
// x-ms-version (and every header that goes on the wire: Content-Length and Content-Type of an
// upload must be in `headers`, since the service signs what it receives).
QByteArray azureStringToSign(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                             const QString &account);

// The pieces of the string to sign, exposed so tests can check each rule on its own.
QByteArray azureCanonicalizedHeaders(const HeaderList &headers);
QByteArray azureCanonicalizedResource(const QUrl &url, const QString &account);

// The headers to add to a request: x-ms-date (from `now`), x-ms-version (unless the request has
// one) and `Authorization: SharedKey account:signature`. `base64Key` is the account key as Azure
// shows it; a key that does not decode is an error naming `keySource` (e.g. AZURE_STORAGE_KEY).
Result<HeaderList> azureSharedKeyHeaders(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                                         const QString &account, const QString &base64Key,
                                         const QDateTime &now,
                                         const QString &keySource = QStringLiteral("the account key"));
// The same with the key already decoded (what a long-lived authorizer keeps).
HeaderList azureSharedKeyHeadersWithKey(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                                        const QString &account, const QByteArray &key, const QDateTime &now);

} // namespace zs
