#pragma once
// The JWT a service account signs to ask Google for an access token ("Using OAuth 2.0 for Server
// to Server Applications"): header {"alg":"RS256","typ":"JWT","kid":private_key_id}, claims iss,
// scope, aud (= token_uri), iat, exp, each part base64url without padding (RFC 7515 §2).

#include "auth/gcs/ServiceAccountKey.h"

namespace zs {

// Read access to objects and buckets: all a viewer needs, so a leaked token cannot write.
inline constexpr char kGcsReadOnlyScope[] = "https://www.googleapis.com/auth/devstorage.read_only";
// Google refuses assertions that live longer than an hour.
inline constexpr qint64 kJwtMaxLifetimeSeconds = 3600;

// RFC 7515 base64url: '-' and '_' for '+' and '/', no '=' padding.
QByteArray base64UrlEncode(const QByteArray &bytes);

// The signed assertion "header.claims.signature" for `key`, issued at `nowSeconds` (Unix time)
// and valid for an hour. A secret for as long as it lives: never log it.
Result<QByteArray> makeJwtAssertion(const ServiceAccountKey &key, const QString &scope, qint64 nowSeconds);

} // namespace zs
