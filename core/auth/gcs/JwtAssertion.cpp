#include "auth/gcs/JwtAssertion.h"

#include "auth/gcs/RsaSha256.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace zs {

QByteArray base64UrlEncode(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QByteArray> makeJwtAssertion(const ServiceAccountKey &key, const QString &scope, qint64 nowSeconds)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), key.privateKeyId}};
    // aud is the endpoint the assertion is sent to, so an assertion for one endpoint is no good at
    // another.
    const QJsonObject claims{{QStringLiteral("iss"), key.clientEmail},
                             {QStringLiteral("scope"), scope},
                             {QStringLiteral("aud"), key.tokenUri.toString(QUrl::FullyEncoded)},
                             {QStringLiteral("iat"), nowSeconds},
                             {QStringLiteral("exp"), nowSeconds + kJwtMaxLifetimeSeconds}};
    const QByteArray signingInput = base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) +
                                    '.' +
                                    base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    auto signature = signRsaSha256(key.privateKeyPem, signingInput);
    if (!signature) return signature.error().at(key.file);
    return signingInput + '.' + base64UrlEncode(*signature);
}

} // namespace zs
