#include "ContractServers.h"

#include "AzureTestClient.h"
#include "AzureTestSas.h"
#include "ContractFixture.h"
#include "auth/azure/AzureConnection.h"
#include "auth/azure/AzureConnectionString.h"

namespace zstest {

namespace {

const QString kBucket = QStringLiteral("contract-private");
const QString kContainer = QStringLiteral("contract");
const QString kPrefix = QStringLiteral("fixture");
// The only session token the private gate accepts (S3RVER_SESSION_TOKEN); requests without one
// pass as long-term keys.
const QString kSessionToken = QStringLiteral("FwoGZXIvYXdzEXAMPLEcontractTOKEN+/=");
const QString kS3rverKey = QStringLiteral("S3RVER");
// Another well-formed key: 64 bytes, base64, so the signature is computed and refused.
const QByteArray kWrongAzureKey = QByteArray(64, 'k');

QProcessEnvironment environmentOf(const QList<std::pair<QString, QString>> &vars)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : vars)
        env.insert(name, value);
    return env;
}

} // namespace

const QStringList &SignedStores::names()
{
    static const QStringList rows = {QStringLiteral("s3rver signed"), QStringLiteral("s3rver signed token"),
                                     QStringLiteral("azurite shared key"), QStringLiteral("azurite sas")};
    return rows;
}

bool SignedStores::start(const QString &fixtureDir, const QString &dataDir, QString *problem)
{
    if (!m_home.isValid()) {
        *problem = QStringLiteral("cannot make an empty home directory");
        return false;
    }
    m_s3.setPrivate(kSessionToken);
    if (!m_s3.start(dataDir, kBucket, {fixtureDir, kPrefix})) {
        *problem = m_s3.problem() + QStringLiteral(" (npm ci in tests/js)");
        return false;
    }
    if (!m_azurite.start()) {
        *problem = m_azurite.problem();
        return false;
    }
    const QString account = QString::fromLatin1(zs::kAzuriteAccount);
    const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(3600);
    m_sasRight = azureContainerSas(account, QByteArray::fromBase64(zs::kAzuriteKey), kContainer,
                                   QStringLiteral("rl"), expiry);
    m_sasWrong = azureContainerSas(account, kWrongAzureKey, kContainer, QStringLiteral("rl"), expiry);
    return uploadBlobs(problem);
}

// The fixture objects as block blobs under kPrefix, PUT with Shared Key into a new container.
bool SignedStores::uploadBlobs(QString *problem)
{
    const zs::AzureEnvironment env{
        {QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"),
         QStringLiteral("DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;BlobEndpoint=%3;")
             .arg(QString::fromLatin1(zs::kAzuriteAccount), QString::fromLatin1(zs::kAzuriteKey),
                  m_azurite.blobEndpoint())}};
    const auto connection = zs::resolveAzureConnection(QUrl(QStringLiteral("az://") + kContainer), env);
    if (!connection) {
        *problem = connection.error().toString();
        return false;
    }
    AzureTestClient client(connection->location.containerUrl);
    *problem = client.createContainer(connection->credentials);
    for (const auto &obj : fixtureObjects()) {
        if (!problem->isEmpty()) break;
        *problem = client.putBlob(kPrefix + u'/' + obj.key, obj.bytes, connection->credentials);
    }
    if (!problem->isEmpty()) {
        problem->prepend(QStringLiteral("Azurite: "));
        return false;
    }
    return true;
}

bool SignedStores::configure(const QString &name, Secret secret, QString *location,
                             zs::StoreOptions *options) const
{
    const bool wrong = secret == Secret::Wrong;
    options->credentials.homeDir = m_home.path();
    if (name.startsWith(QStringLiteral("s3rver signed"))) {
        QList<std::pair<QString, QString>> vars = {
            {QStringLiteral("AWS_ACCESS_KEY_ID"), kS3rverKey},
            {QStringLiteral("AWS_SECRET_ACCESS_KEY"), wrong ? QStringLiteral("NOT-S3RVER") : kS3rverKey}};
        if (name.endsWith(QStringLiteral("token")))
            vars.append({QStringLiteral("AWS_SESSION_TOKEN"), kSessionToken});
        options->credentials.environment = environmentOf(vars);
        options->s3Endpoint = m_s3.endpoint();
        *location = QStringLiteral("s3://%1/%2").arg(kBucket, kPrefix);
        return true;
    }
    if (name == u"azurite shared key") {
        const QString key =
            wrong ? QString::fromLatin1(kWrongAzureKey.toBase64()) : QString::fromLatin1(zs::kAzuriteKey);
        options->credentials.environment = environmentOf(
            {{QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"),
              QStringLiteral("DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;BlobEndpoint=%3;")
                  .arg(QString::fromLatin1(zs::kAzuriteAccount), key, m_azurite.blobEndpoint())}});
        *location = QStringLiteral("az://%1/%2").arg(kContainer, kPrefix);
        return true;
    }
    if (name == u"azurite sas") {
        options->credentials.environment = QProcessEnvironment();
        *location = QStringLiteral("%1/%2/%3?%4")
                        .arg(m_azurite.blobEndpoint(), kContainer, kPrefix, wrong ? m_sasWrong : m_sasRight);
        return true;
    }
    return false;
}

} // namespace zstest
