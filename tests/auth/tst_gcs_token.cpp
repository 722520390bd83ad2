// GCS service-account tokens end to end: a key generated at test time, the JWT-bearer exchange
// against a loopback token endpoint that verifies the RS256 signature with the public half, the
// cache and its renewal, clear errors without secrets, and the token accepted by an object endpoint.

#include "FakeGcsServer.h"
#include "auth/Redaction.h"
#include "auth/gcs/GcsCredentials.h"
#include "auth/gcs/GcsTokenSource.h"
#include "auth/gcs/JwtAssertion.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace zs;
using test::FakeGcsServer;

namespace {

const QString kAccount = QStringLiteral("reader@proj.iam.gserviceaccount.com");
const QString kKeyId = QStringLiteral("3f1c0ffee0ddba11");

std::optional<QByteArray> run(const QStringList &arguments)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0)
        return std::nullopt;
    return openssl.readAllStandardOutput();
}

// The base64 lines of a PEM, which is what a leak of the key would show.
QStringList pemBodyLines(const QByteArray &pem)
{
    QStringList lines;
    for (const QByteArray &line : pem.split('\n'))
        if (!line.startsWith("-----") && line.size() > 20) lines << QString::fromLatin1(line);
    return lines;
}

Result<GcsToken> await(const QFuture<Result<GcsToken>> &future)
{
    QDeadlineTimer deadline(15000);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    if (!future.isFinished()) return makeError(QStringLiteral("test: the future did not finish"));
    if (future.resultCount() == 0)
        return makeError(QStringLiteral("test: the future finished without a result"));
    return future.result();
}

} // namespace

class TestGcsToken : public QObject
{
    Q_OBJECT

private:
    QString writeKey(const QString &name, const QByteArray &privatePem, const QJsonObject &changes = {},
                     const QStringList &removed = {});
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_clockOffset); }
    std::unique_ptr<GcsTokenSource> source(const QString &keyFile);
    void verifyNoSecretIn(const QString &text);

    QTemporaryDir m_dir;
    QByteArray m_privateA, m_publicA, m_privateB;
    std::unique_ptr<FakeGcsServer> m_server;
    QNetworkAccessManager m_nam;
    QString m_keyFile;
    qint64 m_clockOffset = 0;

private Q_SLOTS:
    void initTestCase();
    void init();
    void tokenIsObtainedAndCached();
    void tokenIsRenewedNearExpiry_data();
    void tokenIsRenewedNearExpiry();
    void concurrentAsksShareOneExchange();
    void invalidatedTokenIsAskedAgain();
    void brokenKeyFileIsClearError_data();
    void brokenKeyFileIsClearError();
    void corruptPrivateKeyIsClearError();
    void tamperedKeyGetsTheServersRefusal_data();
    void tamperedKeyGetsTheServersRefusal();
    void downTokenServerFailsClearly();
    void answerWithoutTokenIsError();
    void abandonedExchangeFinishesWithError();
    void sourceMayDieBeforeTheAnswer();
    void credentialOrder_data();
    void credentialOrder();
    void credentialErrorsAreNotAnonymous_data();
    void credentialErrorsAreNotAnonymous();
    void tokenFetchesObject_data();
    void tokenFetchesObject();
};

QString TestGcsToken::writeKey(const QString &name, const QByteArray &privatePem, const QJsonObject &changes,
                               const QStringList &removed)
{
    QJsonObject key{{QStringLiteral("type"), QStringLiteral("service_account")},
                    {QStringLiteral("project_id"), QStringLiteral("proj")},
                    {QStringLiteral("private_key_id"), kKeyId},
                    {QStringLiteral("private_key"), QString::fromLatin1(privatePem)},
                    {QStringLiteral("client_email"), kAccount},
                    {QStringLiteral("token_uri"), m_server->tokenUrl().toString()}};
    for (auto it = changes.begin(); it != changes.end(); ++it)
        key.insert(it.key(), it.value());
    for (const QString &field : removed)
        key.remove(field);
    QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(QJsonDocument(key).toJson());
    return path;
}

std::unique_ptr<GcsTokenSource> TestGcsToken::source(const QString &keyFile)
{
    auto key = readServiceAccountKey(keyFile);
    if (!key) return nullptr;
    return std::make_unique<GcsTokenSource>(*key, QString::fromLatin1(kGcsReadOnlyScope),
                                            [this] { return now(); });
}

void TestGcsToken::verifyNoSecretIn(const QString &text)
{
    QStringList secrets = pemBodyLines(m_privateA) + pemBodyLines(m_privateB) + m_server->issuedTokens();
    for (const QByteArray &assertion : m_server->assertions()) {
        secrets << QString::fromLatin1(assertion);
        secrets << QString::fromLatin1(assertion.mid(assertion.lastIndexOf('.') + 1)); // the signature
    }
    for (const QString &secret : std::as_const(secrets))
        QVERIFY2(!text.contains(secret), qPrintable(QStringLiteral("a secret in: ") + text.left(300)));
}

void TestGcsToken::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString keyA = m_dir.filePath(QStringLiteral("a.pem")),
                  keyB = m_dir.filePath(QStringLiteral("b.pem"));
    for (const QString &path : {keyA, keyB})
        QVERIFY(run({"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path}));
    m_publicA = run({"pkey", "-in", keyA, "-pubout"}).value_or(QByteArray());
    QVERIFY(m_publicA.startsWith("-----BEGIN PUBLIC KEY-----"));
    QFile a(keyA), b(keyB);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    m_privateA = a.readAll();
    m_privateB = b.readAll();
    QVERIFY(m_privateA.startsWith("-----BEGIN PRIVATE KEY-----")); // PKCS#8, as Google writes it
}

void TestGcsToken::init()
{
    m_server = std::make_unique<FakeGcsServer>();
    QVERIFY(m_server->listening());
    m_server->publicKeyPem = m_publicA;
    m_server->clientEmail = kAccount;
    m_server->keyId = kKeyId;
    m_server->objects.insert(QStringLiteral("bucket/data.zarr/zarr.json"), "{\"zarr_format\":3}");
    m_keyFile = writeKey(QStringLiteral("key.json"), m_privateA);
    m_clockOffset = 0;
}

void TestGcsToken::tokenIsObtainedAndCached()
{
    auto tokens = source(m_keyFile);
    QVERIFY(tokens);
    const auto first = await(tokens->token(&m_nam));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QCOMPARE(m_server->refusals(), QStringList());
    QCOMPARE(m_server->issuedTokens().size(), 1);
    QCOMPARE(QString::fromLatin1(first->accessToken), m_server->issuedTokens().first());
    QVERIFY(qAbs(now().secsTo(first->expiresAt) - 3600) < 10);

    auto secondFuture = tokens->token(&m_nam);
    QVERIFY(secondFuture.isFinished()); // from the cache: no wait, no request
    QCOMPARE(secondFuture.result()->accessToken, first->accessToken);
    QCOMPARE(m_server->tokenPosts(), 1);
    QCOMPARE(tokens->exchangeCount(), 1);
}

void TestGcsToken::tokenIsRenewedNearExpiry_data()
{
    QTest::addColumn<qint64>("expiresIn");
    QTest::addColumn<qint64>("age");
    QTest::addColumn<int>("posts");
    QTest::addRow("fresh after 50 minutes") << qint64(3600) << qint64(3000) << 1;
    QTest::addRow("70 s before expiry") << qint64(3600) << qint64(3530) << 1;
    QTest::addRow("50 s before expiry") << qint64(3600) << qint64(3550) << 2;
    QTest::addRow("expired") << qint64(3600) << qint64(7200) << 2;
    QTest::addRow("lives less than the margin") << qint64(30) << qint64(0) << 2;
}

void TestGcsToken::tokenIsRenewedNearExpiry()
{
    QFETCH(qint64, expiresIn);
    QFETCH(qint64, age);
    QFETCH(int, posts);
    m_server->expiresIn = expiresIn;
    auto tokens = source(m_keyFile);
    QVERIFY(tokens);
    const auto first = await(tokens->token(&m_nam));
    QVERIFY(first.ok());
    m_clockOffset = age;
    const auto second = await(tokens->token(&m_nam));
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    QCOMPARE(m_server->tokenPosts(), posts);
    QCOMPARE(m_server->refusals(), QStringList());
    QCOMPARE(second->accessToken == first->accessToken, posts == 1);
    QCOMPARE(tokens->cachedToken().has_value(), expiresIn > kGcsTokenRenewSeconds);
}

void TestGcsToken::concurrentAsksShareOneExchange()
{
    auto tokens = source(m_keyFile);
    QVERIFY(tokens);
    auto a = tokens->token(&m_nam);
    auto b = tokens->token(&m_nam);
    const auto ra = await(a), rb = await(b);
    QVERIFY(ra.ok() && rb.ok());
    QCOMPARE(ra->accessToken, rb->accessToken);
    QCOMPARE(m_server->tokenPosts(), 1);
}

void TestGcsToken::invalidatedTokenIsAskedAgain()
{
    auto tokens = source(m_keyFile);
    QVERIFY(tokens);
    QVERIFY(await(tokens->token(&m_nam)).ok());
    tokens->invalidate();
    QVERIFY(!tokens->cachedToken());
    QVERIFY(await(tokens->token(&m_nam)).ok());
    QCOMPARE(m_server->tokenPosts(), 2);
}

void TestGcsToken::brokenKeyFileIsClearError_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no client_email") << QJsonObject{} << QStringList{"client_email"}
                                     << "no field \"client_email\"";
    QTest::addRow("no private_key") << QJsonObject{} << QStringList{"private_key"}
                                    << "no field \"private_key\"";
    QTest::addRow("no private_key_id")
        << QJsonObject{} << QStringList{"private_key_id"} << "no field \"private_key_id\"";
    QTest::addRow("no type") << QJsonObject{} << QStringList{"type"} << "no field \"type\"";
    QTest::addRow("user credentials") << QJsonObject{{"type", "authorized_user"}} << QStringList{}
                                      << "\"authorized_user\", not \"service_account\"";
    QTest::addRow("key is a number") << QJsonObject{{"private_key", 42}} << QStringList{}
                                     << "\"private_key\" is not a non-empty string";
    QTest::addRow("key is not PEM") << QJsonObject{{"private_key", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"}}
                                    << QStringList{} << "\"private_key\" is not a PEM private key";
    QTest::addRow("key is encrypted")
        << QJsonObject{{"private_key", "-----BEGIN ENCRYPTED PRIVATE "
                                       "KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n"
                                       "-----END ENCRYPTED PRIVATE KEY-----\n"}}
        << QStringList{} << "\"private_key\" is encrypted";
    QTest::addRow("token_uri in clear to another host")
        << QJsonObject{{"token_uri", "http://oauth2.example.com/token"}} << QStringList{} << "\"token_uri\"";
}

void TestGcsToken::brokenKeyFileIsClearError()
{
    QFETCH(QJsonObject, changes);
    QFETCH(QStringList, removed);
    QFETCH(QString, expected);
    const QString path = writeKey(QStringLiteral("broken.json"), m_privateA, changes, removed);
    const auto key = readServiceAccountKey(path);
    QVERIFY(!key.ok());
    const QString message = key.error().toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(path), qPrintable(message));
    verifyNoSecretIn(message);
}

void TestGcsToken::corruptPrivateKeyIsClearError()
{
    // PEM armour around a body that is not a key: found when signing, before anything is sent.
    QByteArray corrupt = m_privateA;
    corrupt.replace(28, 12, QByteArray(12, 'A')); // the DER header of the first line
    const QString path = writeKey(QStringLiteral("corrupt.json"), corrupt);
    auto tokens = source(path);
    QVERIFY(tokens);
    auto future = tokens->token(&m_nam);
    QVERIFY(future.isFinished());
    const auto result = future.result();
    QVERIFY(!result.ok());
    const QString message = result.error().toString();
    QVERIFY2(message.contains(QStringLiteral("private key")) && message.contains(path), qPrintable(message));
    QCOMPARE(m_server->tokenPosts(), 0);
    QStringList corruptLines = pemBodyLines(corrupt);
    for (const QString &line : std::as_const(corruptLines))
        QVERIFY2(!message.contains(line), qPrintable(message));
    verifyNoSecretIn(message);
}

void TestGcsToken::tamperedKeyGetsTheServersRefusal_data()
{
    QTest::addColumn<bool>("quoteAssertion");
    QTest::addRow("Google's refusal") << false;
    QTest::addRow("a refusal quoting the assertion") << true;
}

void TestGcsToken::tamperedKeyGetsTheServersRefusal()
{
    QFETCH(bool, quoteAssertion);
    m_server->quoteAssertion = quoteAssertion;
    // The file names the account and key id, but holds another key's private half.
    auto tokens = source(writeKey(QStringLiteral("tampered.json"), m_privateB));
    QVERIFY(tokens);
    const auto result = await(tokens->token(&m_nam));
    QVERIFY(!result.ok());
    const QString message = result.error().toString();
    QVERIFY2(message.contains(QStringLiteral("HTTP 400")) &&
                 message.contains(QStringLiteral("invalid_grant")) &&
                 message.contains(QStringLiteral("Invalid JWT Signature")) && message.contains(kAccount),
             qPrintable(message));
    QVERIFY2(message.contains(displayUrl(m_server->tokenUrl())), qPrintable(message));
    QCOMPARE(m_server->assertions().size(), 1);
    verifyNoSecretIn(message);
    QVERIFY(!tokens->cachedToken());
}

void TestGcsToken::downTokenServerFailsClearly()
{
    QUrl down;
    {
        QTcpServer probe; // a port that was free a moment ago and now has no listener
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        down = QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(probe.serverPort()));
    }
    auto tokens = source(writeKey(QStringLiteral("down.json"), m_privateA, {{"token_uri", down.toString()}}));
    QVERIFY(tokens);
    const auto result = await(tokens->token(&m_nam));
    QVERIFY(!result.ok());
    const QString message = result.error().toString();
    QVERIFY2(message.contains(QStringLiteral("token exchange for service account")) &&
                 message.contains(down.toString()),
             qPrintable(message));
    verifyNoSecretIn(message);
}

void TestGcsToken::answerWithoutTokenIsError()
{
    m_server->answerWithoutToken = true;
    auto tokens = source(m_keyFile);
    QVERIFY(tokens);
    const auto result = await(tokens->token(&m_nam));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().what.contains(QStringLiteral("no access_token")),
             qPrintable(result.error().toString()));
}

void TestGcsToken::abandonedExchangeFinishesWithError()
{
    auto tokens = source(m_keyFile);
    QVERIFY(tokens);
    auto nam = std::make_unique<QNetworkAccessManager>();
    auto future = tokens->token(nam.get());
    nam.reset(); // its replies go with it, unanswered
    const auto result = await(future);
    QVERIFY(!result.ok());
    QVERIFY2(!result.error().what.startsWith(QStringLiteral("test:")), qPrintable(result.error().toString()));
    verifyNoSecretIn(result.error().toString());
}

void TestGcsToken::sourceMayDieBeforeTheAnswer()
{
    auto tokens = source(m_keyFile);
    QVERIFY(tokens);
    auto future = tokens->token(&m_nam);
    tokens.reset();
    QVERIFY(await(future).ok());
}

void TestGcsToken::credentialOrder_data()
{
    QTest::addColumn<bool>("flag");
    QTest::addColumn<QString>("envToken");
    QTest::addColumn<bool>("envKey");
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("description");
    const QString account = QStringLiteral("service account ") + kAccount + QStringLiteral(" from ");
    QTest::addRow("nothing") << false << "" << false << int(GcsCredentialSource::Anonymous) << "anonymous";
    QTest::addRow("flag over everything")
        << true << "ya29.env" << true << int(GcsCredentialSource::KeyFlag) << account + "FLAG";
    QTest::addRow("env token over env key") << false << "ya29.env\n"
                                            << true << int(GcsCredentialSource::AccessTokenVariable)
                                            << "bearer token from GOOGLE_OAUTH_ACCESS_TOKEN";
    QTest::addRow("env key") << false << "" << true << int(GcsCredentialSource::ApplicationCredentialsVar)
                             << account + "ENV (GOOGLE_APPLICATION_CREDENTIALS)";
    QTest::addRow("empty variables are unset")
        << false << "  " << false << int(GcsCredentialSource::Anonymous) << "anonymous";
}

void TestGcsToken::credentialOrder()
{
    QFETCH(bool, flag);
    QFETCH(QString, envToken);
    QFETCH(bool, envKey);
    QFETCH(int, source);
    QFETCH(QString, description);
    const QString flagFile = writeKey(QStringLiteral("flag.json"), m_privateA);
    const QString envFile = writeKey(QStringLiteral("env.json"), m_privateA);
    QProcessEnvironment env;
    env.insert(QStringLiteral("GOOGLE_OAUTH_ACCESS_TOKEN"), envToken);
    if (envKey) env.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"), envFile);
    const auto chosen = chooseGcsCredentials(flag ? flagFile : QString(), env);
    QVERIFY2(chosen.ok(), qPrintable(chosen.ok() ? QString() : chosen.error().toString()));
    QCOMPARE(int(chosen->source), source);
    description.replace(QStringLiteral("FLAG"), flagFile).replace(QStringLiteral("ENV"), envFile);
    QCOMPARE(chosen->description, description);
    QCOMPARE(chosen->key.has_value(), source == int(GcsCredentialSource::KeyFlag) ||
                                          source == int(GcsCredentialSource::ApplicationCredentialsVar));
    if (source == int(GcsCredentialSource::AccessTokenVariable)) QCOMPARE(chosen->bearerToken, "ya29.env");
    QVERIFY(!chosen->description.contains(QStringLiteral("ya29")));
}

void TestGcsToken::credentialErrorsAreNotAnonymous_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("envToken");
    QTest::addColumn<QString>("envKey");
    QTest::addColumn<QString>("expected");
    QTest::addRow("missing --gcs-key file") << "/nonexistent/key.json"
                                            << ""
                                            << ""
                                            << "/nonexistent/key.json";
    QTest::addRow("missing GOOGLE_APPLICATION_CREDENTIALS file") << ""
                                                                 << ""
                                                                 << "/nonexistent/adc.json"
                                                                 << "/nonexistent/adc.json";
    QTest::addRow("token with a line break inside") << ""
                                                    << "ya29.a\r\nX-Evil: 1"
                                                    << ""
                                                    << "GOOGLE_OAUTH_ACCESS_TOKEN";
}

void TestGcsToken::credentialErrorsAreNotAnonymous()
{
    QFETCH(QString, flag);
    QFETCH(QString, envToken);
    QFETCH(QString, envKey);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    env.insert(QStringLiteral("GOOGLE_OAUTH_ACCESS_TOKEN"), envToken);
    env.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"), envKey);
    const auto chosen = chooseGcsCredentials(flag, env);
    QVERIFY(!chosen.ok());
    QVERIFY2(chosen.error().toString().contains(expected), qPrintable(chosen.error().toString()));
    QVERIFY(envToken.isEmpty() || !chosen.error().toString().contains(envToken.trimmed()));
}

void TestGcsToken::tokenFetchesObject_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("status");
    QTest::addRow("service-account token") << "exchange" << 200;
    QTest::addRow("GOOGLE_OAUTH_ACCESS_TOKEN") << "environment" << 200;
    QTest::addRow("no Authorization") << "none" << 401;
    QTest::addRow("a token the server never issued") << "forged" << 401;
}

void TestGcsToken::tokenFetchesObject()
{
    QFETCH(QString, how);
    QFETCH(int, status);
    HeaderList headers;
    if (how == u"exchange") {
        auto tokens = source(m_keyFile);
        QVERIFY(tokens);
        const auto token = await(tokens->token(&m_nam));
        QVERIFY(token.ok());
        headers << bearerAuthorizationHeader(token->accessToken);
    } else if (how == u"environment") {
        m_server->acceptToken(QStringLiteral("ya29.from-gcloud"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("GOOGLE_OAUTH_ACCESS_TOKEN"), QStringLiteral("ya29.from-gcloud\n"));
        const auto chosen = chooseGcsCredentials({}, env);
        QVERIFY(chosen.ok());
        headers << bearerAuthorizationHeader(chosen->bearerToken);
    } else if (how == u"forged") {
        headers << bearerAuthorizationHeader("ya29.forged");
    }
    QNetworkRequest request(m_server->objectUrl(QStringLiteral("bucket/data.zarr/zarr.json")));
    for (const auto &[name, value] : std::as_const(headers))
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    if (status == 200) QCOMPARE(reply->readAll(), QByteArray("{\"zarr_format\":3}"));
}

QTEST_GUILESS_MAIN(TestGcsToken)
#include "tst_gcs_token.moc"
