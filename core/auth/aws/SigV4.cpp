#include "auth/aws/SigV4.h"

#include "auth/aws/SigV4Canonical.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace zs {

namespace {

const QString kWhere = QStringLiteral("AWS Signature V4");

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// Headers whose value the signer decides: a caller's copy would be sent next to the signed one.
bool setBySigner(const QByteArray &lowerName)
{
    return lowerName == "host" || lowerName == "authorization" || lowerName == "x-amz-date" ||
           lowerName == "x-amz-content-sha256" || lowerName == "x-amz-security-token";
}

} // namespace

bool needsRefresh(const AwsCredentials &credentials, const QDateTime &now)
{
    if (!credentials.expiration || !credentials.expiration->isValid()) return false;
    return now.secsTo(*credentials.expiration) <= 5 * 60;
}

QByteArray sigV4Timestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

Result<SigV4Signed> signSigV4(const SigV4Request &request, const AwsCredentials &credentials,
                              const SigV4Scope &scope)
{
    if (credentials.accessKeyId.isEmpty()) return makeError(QStringLiteral("no access key id"), kWhere);
    if (credentials.secretAccessKey.isEmpty())
        return makeError(QStringLiteral("no secret access key"), kWhere);
    if (scope.region.isEmpty()) return makeError(QStringLiteral("no region to sign for"), kWhere);
    if (scope.service.isEmpty()) return makeError(QStringLiteral("no service to sign for"), kWhere);
    if (!scope.time.isValid()) return makeError(QStringLiteral("no signing time"), kWhere);
    if (request.url.host().isEmpty())
        return makeError(QStringLiteral("the URL has no host"), request.url.toDisplayString());
    for (const auto &header : request.headers)
        if (setBySigner(header.first.trimmed().toLower()))
            return makeError(QStringLiteral("the request already has a %1 header (the signer sets it)")
                                 .arg(QString::fromLatin1(header.first)),
                             kWhere);

    const bool s3 = scope.service == u"s3";
    const QByteArray amzDate = sigV4Timestamp(scope.time);
    const QByteArray date = amzDate.left(8);
    QByteArray payloadHash = request.payloadHash;
    if (payloadHash.isEmpty()) payloadHash = s3 ? QByteArray(kSigV4UnsignedPayload) : sha256Hex({});

    SigV4Signed out;
    out.headers.append({"X-Amz-Date", amzDate});
    // S3 refuses a signed request without this header; the other services do not know it.
    if (s3) out.headers.append({"X-Amz-Content-Sha256", payloadHash});
    if (!credentials.sessionToken.isEmpty())
        out.headers.append({"X-Amz-Security-Token", credentials.sessionToken.toUtf8()});

    HeaderList toSign = request.headers;
    toSign.append({"host", sigV4HostHeader(request.url)});
    toSign.append(out.headers);
    const SigV4CanonicalHeaders headers = sigV4CanonicalHeaders(toSign);

    const QByteArray wirePath =
        request.wirePath.isEmpty() ? request.url.path(QUrl::FullyEncoded).toUtf8() : request.wirePath;
    const QByteArray path = sigV4CanonicalPath(wirePath, s3 ? SigV4PathStyle::S3 : SigV4PathStyle::Generic);
    out.canonicalRequest = request.method.toUpper() + '\n' + path + '\n' + sigV4CanonicalQuery(request.url) +
                           '\n' + headers.lines + '\n' + headers.signedHeaders + '\n' + payloadHash;
    out.signedHeaders = headers.signedHeaders;

    const QByteArray credentialScope =
        date + '/' + scope.region.toUtf8() + '/' + scope.service.toUtf8() + "/aws4_request";
    out.stringToSign =
        "AWS4-HMAC-SHA256\n" + amzDate + '\n' + credentialScope + '\n' + sha256Hex(out.canonicalRequest);

    // The signing key is derived per day, region and service, so a leaked key is of limited use.
    QByteArray key = hmac("AWS4" + credentials.secretAccessKey.toUtf8(), date);
    key = hmac(key, scope.region.toUtf8());
    key = hmac(key, scope.service.toUtf8());
    key = hmac(key, "aws4_request");
    const QByteArray signature = hmac(key, out.stringToSign).toHex();

    out.headers.append({"Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId.toUtf8() +
                                             '/' + credentialScope + ", SignedHeaders=" +
                                             headers.signedHeaders + ", Signature=" + signature});
    return out;
}

} // namespace zs
