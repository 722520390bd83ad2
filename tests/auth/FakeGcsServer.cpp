#include "FakeGcsServer.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace test {

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpResponse oauthError(const QString &error, const QString &description)
{
    return {400, "application/json",
            json({{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}})};
}

// An independent RS256 check (EVP_DigestVerify with the public half), so the signer under test is
// not checked against itself.
bool signatureVerifies(const QByteArray &signingInput, const QByteArray &signature,
                       const QByteArray &publicPem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(publicPem.constData(), int(publicPem.size())), &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!key || !ctx) return false;
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            size_t(signingInput.size())) == 1;
}

bool isBase64Url(const QByteArray &part)
{
    for (const char c : part)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_'))
            return false; // '=' padding included: RFC 7515 leaves it out
    return !part.isEmpty();
}

} // namespace

JwtCheck verifyRs256Jwt(const QByteArray &jwt, const QByteArray &publicKeyPem)
{
    JwtCheck check;
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3) return {QStringLiteral("not three parts"), {}, {}};
    for (const QByteArray &part : parts)
        if (!isBase64Url(part)) return {QStringLiteral("a part is not unpadded base64url"), {}, {}};
    const auto decode = [](const QByteArray &part) {
        return QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    check.header = QJsonDocument::fromJson(decode(parts[0])).object();
    check.claims = QJsonDocument::fromJson(decode(parts[1])).object();
    if (check.header.isEmpty() || check.claims.isEmpty())
        check.problem = QStringLiteral("header or claims not JSON");
    else if (!signatureVerifies(parts[0] + '.' + parts[1], decode(parts[2]), publicKeyPem))
        check.problem = QStringLiteral("Invalid JWT Signature.");
    return check;
}

FakeGcsServer::FakeGcsServer() : m_http([this](const HttpRequest &r) { return answer(r); }) {}

HttpResponse FakeGcsServer::answer(const HttpRequest &request)
{
    if (request.method == "POST" && request.target == "/token") return token(request);
    if (request.method == "GET" && request.target.startsWith("/storage/")) return object(request);
    return {404, "text/plain", "no such endpoint"};
}

HttpResponse FakeGcsServer::token(const HttpRequest &request)
{
    if (!request.headers.value("content-type").startsWith("application/x-www-form-urlencoded"))
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("not a form"));
    const QUrlQuery form(QString::fromLatin1(request.body));
    if (form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded) !=
        u"urn:ietf:params:oauth:grant-type:jwt-bearer")
        return oauthError(QStringLiteral("unsupported_grant_type"), QStringLiteral("wrong grant_type"));
    const QByteArray assertion =
        form.queryItemValue(QStringLiteral("assertion"), QUrl::FullyDecoded).toLatin1();
    m_assertions << assertion;

    const JwtCheck check = verifyRs256Jwt(assertion, publicKeyPem);
    QString problem = check.problem;
    const qint64 iat = check.claims.value(QStringLiteral("iat")).toInteger();
    const qint64 exp = check.claims.value(QStringLiteral("exp")).toInteger();
    if (!problem.isEmpty()) {
    } else if (check.header.value(QStringLiteral("alg")).toString() != u"RS256" ||
               check.header.value(QStringLiteral("typ")).toString() != u"JWT")
        problem = QStringLiteral("header is not RS256 JWT");
    else if (check.header.value(QStringLiteral("kid")).toString() != keyId)
        problem = QStringLiteral("kid is not the key's id");
    else if (check.claims.value(QStringLiteral("iss")).toString() != clientEmail)
        problem = QStringLiteral("iss is not the service account");
    else if (check.claims.value(QStringLiteral("aud")).toString() != tokenUrl().toString())
        problem = QStringLiteral("aud is not this endpoint");
    else if (check.claims.value(QStringLiteral("scope")).toString() !=
             u"https://www.googleapis.com/auth/devstorage.read_only")
        problem = QStringLiteral("scope is not devstorage.read_only");
    else if (iat <= 0 || exp <= iat || exp - iat > 3600)
        problem = QStringLiteral("Invalid JWT: exp and iat are more than an hour apart.");
    if (!problem.isEmpty()) {
        m_refusals << problem;
        if (quoteAssertion) problem += QStringLiteral(" assertion=") + QString::fromLatin1(assertion);
        return oauthError(QStringLiteral("invalid_grant"), problem);
    }
    if (answerWithoutToken)
        return {200, "application/json", json({{QStringLiteral("token_type"), QStringLiteral("Bearer")}})};
    const QString issued = fixedToken.isEmpty()
                               ? QStringLiteral("ya29.") + QUuid::createUuid().toString(QUuid::Id128)
                               : fixedToken;
    m_issued << issued;
    return {200, "application/json",
            json({{QStringLiteral("access_token"), issued},
                  {QStringLiteral("expires_in"), expiresIn},
                  {QStringLiteral("token_type"), QStringLiteral("Bearer")}})};
}

HttpResponse FakeGcsServer::object(const HttpRequest &request)
{
    const QByteArray authorization = request.headers.value("authorization");
    const bool known =
        authorization.startsWith("Bearer ") && m_issued.contains(QString::fromLatin1(authorization.mid(7)));
    if (!known)
        return {401, "application/json",
                json({{QStringLiteral("error"),
                       QJsonObject{
                           {QStringLiteral("code"), 401},
                           {QStringLiteral("message"),
                            QStringLiteral("Anonymous caller does not have storage.objects.get access")}}}})};
    const QString name = QString::fromUtf8(request.target.mid(int(sizeof("/storage/") - 1)));
    if (!objects.contains(name)) return {404, "text/plain", "No such object"};
    return {200, "application/octet-stream", objects.value(name)};
}

} // namespace test
