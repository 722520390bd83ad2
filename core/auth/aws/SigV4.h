#pragma once
// AWS Signature Version 4 with the Authorization header (the AWS docs' "Signature Version 4
// signing process"; S3's "Authenticating Requests: Using the Authorization Header"). Pure: the
// time, region and service are parameters, so a signature is a function of its inputs and the
// AWS test suite's vectors can be checked byte for byte. No query-string presigning.

#include "auth/RequestAuthorizer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>
#include <optional>

namespace zs {

struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;                // temporary credentials (STS, credential_process)
    std::optional<QDateTime> expiration; // when temporary credentials stop working
};

// True from five minutes before `expiration` on (the AWS SDKs' refresh window), so a request
// signed now does not arrive with credentials that expired on the way; false without expiration.
bool needsRefresh(const AwsCredentials &credentials, const QDateTime &now);

inline constexpr char kSigV4UnsignedPayload[] = "UNSIGNED-PAYLOAD";

struct SigV4Request
{
    QByteArray method = "GET";
    QUrl url;
    // Set already (Range, Content-Type, ...): all are signed. Must not hold the headers the signer
    // sets (Host, Authorization, X-Amz-Date, X-Amz-Content-Sha256, X-Amz-Security-Token).
    HeaderList headers;
    // Lower-case hex SHA-256 of the body. Empty: UNSIGNED-PAYLOAD for "s3" (reads have no body;
    // S3 accepts the literal), the empty body's hash for other services.
    QByteArray payloadHash;
    // The path exactly as on the request line, when it is not url's encoded path. Empty for
    // requests sent by QNetworkAccessManager; the AWS test suite writes raw bytes there.
    QByteArray wirePath;
};

struct SigV4Scope
{
    QString region;  // "us-east-1"
    QString service; // "s3"; any other service uses the generic (double-encoded) path
    QDateTime time;  // the signing time, converted to UTC
};

struct SigV4Signed
{
    // To append to the request: X-Amz-Date, X-Amz-Content-Sha256 (s3), X-Amz-Security-Token (with
    // a session token), Authorization. The Host header is signed but not listed: Qt sets it.
    HeaderList headers;
    QByteArray canonicalRequest; // for tests and debugging only: it may hold the session token
    QByteArray stringToSign;
    QByteArray signedHeaders; // "host;range;x-amz-content-sha256;x-amz-date"
};

// Fails (naming the field, never a value) on missing keys, region, service, time or host, and
// when the request already carries a header the signer sets.
Result<SigV4Signed> signSigV4(const SigV4Request &request, const AwsCredentials &credentials,
                              const SigV4Scope &scope);

// "20150830T123600Z", the X-Amz-Date form of `time` in UTC.
QByteArray sigV4Timestamp(const QDateTime &time);

} // namespace zs
