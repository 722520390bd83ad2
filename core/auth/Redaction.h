#pragma once
// What of a store's address may be shown: in errors, logs, JSON output, recent stores and window
// titles. Credentials ride in URLs in two places, the userinfo (https://user:password@host) and
// the query (presigned S3 URLs, Azure SAS, GCS access_token); both are cut here, once, so no
// caller has to remember which query items are secret.

#include <QString>
#include <QStringList>
#include <QUrl>

namespace zs {

// The URL without userinfo and without signature and credential query items (isSecretQueryItem);
// every other part kept as the user gave it.
QString displayUrl(const QUrl &url);
// What the user typed: a URL shown as displayUrl, a local path unchanged.
QString displayLocation(const QString &location);
// Whether a query item of this name carries a secret (case-insensitive):
//   AWS presigned URLs  X-Amz-Signature, X-Amz-Credential, X-Amz-Security-Token
//   GCS signed URLs     X-Goog-Signature, X-Goog-Credential, Signature, GoogleAccessId
//   Azure SAS           sig only: the other SAS fields (sv, se, sp, st, spr, sr, skoid, ...) are
//                       not secret, say why a SAS fails (se: it expired; sp: no read permission),
//                       and without sig the rest grants nothing
//   OAuth and generic   access_token, token, key, signature, password, secret
bool isSecretQueryItem(const QString &name);
// A last line of defence for messages built from server answers: each non-empty secret, and its
// percent-encoded form, replaced with "***".
QString redactSecrets(QString text, const QStringList &secrets);

} // namespace zs
