#pragma once
// Google's token endpoint and a Cloud Storage object endpoint on loopback, as strict as Google:
// POST /token checks the JWT-bearer grant (RS256 signature against the service account's PUBLIC
// key, header alg/typ/kid, claims iss/aud/scope and an hour at most) and issues a token;
// GET /storage/<bucket>/<object> demands "Authorization: Bearer <an issued token>".

#include "LoopbackHttpServer.h"

#include <QJsonObject>
#include <QStringList>

namespace test {

// The checks a token endpoint makes of an assertion; `problem` is empty when all passed.
struct JwtCheck
{
    QString problem;
    QJsonObject header;
    QJsonObject claims;
};
JwtCheck verifyRs256Jwt(const QByteArray &jwt, const QByteArray &publicKeyPem);

class FakeGcsServer
{
public:
    FakeGcsServer();

    // The service account the token endpoint accepts.
    QByteArray publicKeyPem;
    QString clientEmail;
    QString keyId;
    qint64 expiresIn = 3600;
    bool answerWithoutToken = false; // a 200 whose JSON lacks access_token
    QString fixedToken;          // the access token every exchange issues; empty: a new random one each time
    bool quoteAssertion = false; // refusals quote the assertion back, as careless servers do
    QHash<QString, QByteArray> objects; // "bucket/path" -> bytes

    QUrl tokenUrl() const { return m_http.url(QStringLiteral("/token")); }
    QUrl objectUrl(const QString &object) const { return m_http.url(QStringLiteral("/storage/") + object); }
    int tokenPosts() const { return m_http.count("POST", "/token"); }
    const QStringList &issuedTokens() const { return m_issued; }
    // A token issued elsewhere (GOOGLE_OAUTH_ACCESS_TOKEN) that the object endpoint accepts.
    void acceptToken(const QString &token) { m_issued << token; }
    const QList<QByteArray> &assertions() const { return m_assertions; } // every one received
    const QStringList &refusals() const { return m_refusals; }           // why each was refused
    bool listening() const { return m_http.listening(); }

private:
    HttpResponse answer(const HttpRequest &request);
    HttpResponse token(const HttpRequest &request);
    HttpResponse object(const HttpRequest &request);

    QStringList m_issued;
    QList<QByteArray> m_assertions;
    QStringList m_refusals;
    LoopbackHttpServer m_http;
};

} // namespace test
