#include "PrivateStores.h"

#include "AzureTestClient.h"
#include "AzureTestSas.h"
#include "FixtureScript.h"
#include "NpyFile.h"
#include "auth/azure/AzureConnectionString.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QUrlQuery>
#include <cstring>

namespace zstest {

namespace {

const QString kScript = QStringLiteral("tests/cli/make_private_fixtures.py");
const QString kBucket = QStringLiteral("lab");
const QString kS3Prefix = QStringLiteral("runs/private.zarr");
const QString kS3Secret = QStringLiteral("s3cr3t-Key-of-the-browser-x17");
const QString kS3WrongSecret = QStringLiteral("not-the-browser-secret-x17");
const QString kContainer = QStringLiteral("vault");
const QString kAzurePrefix = QStringLiteral("study/private.zarr");
// A valid base64 key that is not the account's: Azurite answers 403 AuthenticationFailed.
const QString kWrongKey = QString::fromLatin1(QByteArray(64, 'w').toBase64());
const QString kGcsToken = QStringLiteral("ya29.private-gcs-token-of-the-browser");
const QString kGcsWrongToken = QStringLiteral("ya29.wrong-token-of-the-browser");

bool writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

} // namespace

QString PrivateStores::start()
{
    if (!m_dir.isValid()) return QStringLiteral("no temporary folder");
    if (QString problem = writeFixture(); !problem.isEmpty()) return problem;
    const QString store = m_dir.filePath(QStringLiteral("bucket/private.zarr"));
    const QString keys =
        QStringLiteral("[default]\naws_access_key_id = NOPE\naws_secret_access_key = nope\n"
                       "[research]\naws_access_key_id = S3RVER\naws_secret_access_key = %1\n")
            .arg(kS3Secret);
    if (!writeText(home() + QStringLiteral("/.aws/credentials"), keys.toUtf8()))
        return QStringLiteral("cannot write ~/.aws/credentials");

    m_s3.setPrivate();
    m_s3.setGateOption(QStringLiteral("S3RVER_SECRET_ACCESS_KEY"), kS3Secret);
    const QString data = m_dir.filePath(QStringLiteral("s3rver"));
    QDir().mkpath(data);
    if (!m_s3.start(data, kBucket, {store, kS3Prefix})) return m_s3.problem();
    if (!m_azurite.start()) return m_azurite.problem();
    if (QString problem = uploadToAzurite(); !problem.isEmpty()) return problem;
    m_sas =
        azureContainerSas(QString::fromLatin1(zs::kAzuriteAccount), QByteArray::fromBase64(zs::kAzuriteKey),
                          kContainer, QStringLiteral("rl"), QDateTime::currentDateTimeUtc().addSecs(3600));
    // gs://bucket/private.zarr under the served folder; every request needs the token.
    if (!m_gcs.start(m_dir.path(), QStringLiteral("Authorization: Bearer ") + kGcsToken))
        return m_gcs.problem();
    return {};
}

QString PrivateStores::writeFixture()
{
    QString error;
    const auto expected = runFixtureScript(kScript, m_dir.filePath(QStringLiteral("bucket")),
                                           QStringLiteral("python3-zarr"), 60000, &error);
    if (!expected) return error;
    for (const auto &node : (*expected)["nodes"])
        m_nodes << QString::fromStdString(node.get<std::string>());
    const auto npy = readNpy(m_dir.filePath(QStringLiteral("bucket/a.npy")), &error);
    if (!npy) return error;
    if (npy->descr != u"<i4") return QStringLiteral("a.npy holds %1, not <i4").arg(npy->descr);
    for (qsizetype i = 0; i + 4 <= npy->data.size(); i += 4) {
        std::int32_t v = 0;
        std::memcpy(&v, npy->data.constData() + i, 4);
        m_valuesOfA.push_back(double(v));
    }
    return {};
}

QString PrivateStores::connectionString(const QString &key) const
{
    return QStringLiteral("DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;BlobEndpoint=%3")
        .arg(QString::fromLatin1(zs::kAzuriteAccount), key, m_azurite.blobEndpoint());
}

QString PrivateStores::uploadToAzurite()
{
    const auto connection =
        zs::resolveAzureConnection(QUrl(QStringLiteral("az://") + kContainer),
                                   {{QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"),
                                     connectionString(QString::fromLatin1(zs::kAzuriteKey))}});
    if (!connection) return connection.error().toString();
    AzureTestClient client(connection->location.containerUrl);
    if (QString problem = client.createContainer(connection->credentials); !problem.isEmpty()) return problem;
    return client.uploadDirectory(m_dir.filePath(QStringLiteral("bucket/private.zarr")), kAzurePrefix,
                                  connection->credentials);
}

QList<PrivateStores::Way> PrivateStores::ways(Secret secret) const
{
    const bool right = secret == Secret::Right;
    const QString s3 = QStringLiteral("s3://%1/%2").arg(kBucket, kS3Prefix);
    const QString az = QStringLiteral("az://%1/%2").arg(kContainer, kAzurePrefix);
    const QString gs = QStringLiteral("gs://bucket/private.zarr");
    zs::ConnectionSettings endpoint;
    endpoint.s3Endpoint = m_s3.endpoint();
    zs::ConnectionSettings profile = endpoint;
    profile.s3Profile = QStringLiteral("research");
    zs::ConnectionSettings anonymous = endpoint;
    anonymous.anonymous = true;
    zs::ConnectionSettings gcs;
    gcs.gcsEndpoint = m_gcs.url();
    const QString keyed = QStringLiteral("AZURE_STORAGE_CONNECTION_STRING=") +
                          connectionString(right ? QString::fromLatin1(zs::kAzuriteKey) : kWrongKey);
    const QString awsKeys = QStringLiteral("AWS_SECRET_ACCESS_KEY=") + (right ? kS3Secret : kS3WrongSecret);
    const QString gcsToken =
        QStringLiteral("GOOGLE_OAUTH_ACCESS_TOKEN=") + (right ? kGcsToken : kGcsWrongToken);
    if (!right)
        return {
            {QStringLiteral("s3 wrong secret"),
             s3,
             endpoint,
             {QStringLiteral("AWS_ACCESS_KEY_ID=S3RVER"), awsKeys},
             QStringLiteral(
                 "access denied: the signature does not match (check the secret key) (s3://lab/runs/")},
            {QStringLiteral("s3 anonymous"),
             s3,
             anonymous,
             {QStringLiteral("AWS_ACCESS_KEY_ID=S3RVER"), awsKeys},
             QStringLiteral("access denied: this bucket needs credentials")},
            {QStringLiteral("azure wrong key"), az, {}, {keyed}, QStringLiteral("access denied")},
            {QStringLiteral("gcs wrong token"),
             gs,
             gcs,
             {gcsToken},
             QStringLiteral("access denied: the server did not accept the credentials")},
            {QStringLiteral("gcs without token"),
             gs,
             gcs,
             {},
             QStringLiteral("credentials are needed (HTTP 401)")},
        };
    return {
        {QStringLiteral("s3 profile research in ~/.aws/credentials"),
         s3,
         profile,
         {},
         QStringLiteral("signed with profile research from ~/.aws/credentials, region us-east-1")},
        {QStringLiteral("s3 keys from the environment"),
         s3,
         endpoint,
         {QStringLiteral("AWS_ACCESS_KEY_ID=S3RVER"), awsKeys},
         QStringLiteral("signed with keys from AWS_ACCESS_KEY_ID, region us-east-1")},
        {QStringLiteral("azure shared key"),
         az,
         {},
         {keyed},
         QStringLiteral("signed with the shared key of account devstoreaccount1 from "
                        "AZURE_STORAGE_CONNECTION_STRING")},
        {QStringLiteral("azure SAS on the URL"),
         QStringLiteral("%1/%2/%3?%4").arg(m_azurite.blobEndpoint(), kContainer, kAzurePrefix, m_sas),
         {},
         {},
         QStringLiteral("SAS token from the URL")},
        {QStringLiteral("gcs bearer token"),
         gs,
         gcs,
         {gcsToken},
         QStringLiteral("bearer token from GOOGLE_OAUTH_ACCESS_TOKEN")},
    };
}

QStringList PrivateStores::secrets() const
{
    const QString sig = QUrlQuery(m_sas).queryItemValue(QStringLiteral("sig"), QUrl::FullyEncoded);
    return {kS3Secret,
            kS3WrongSecret,
            QString::fromLatin1(zs::kAzuriteKey),
            kWrongKey,
            sig,
            QUrl::fromPercentEncoding(sig.toLatin1()),
            kGcsToken,
            kGcsWrongToken};
}

QString PrivateStores::checkExport(const QString &dir) const
{
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(QStringLiteral(ZS_DEBIAN_PYTHON),
                {QStringLiteral(ZS_SOURCE_DIR "/") + kScript, QStringLiteral("--check-export"), dir,
                 m_dir.filePath(QStringLiteral("bucket"))});
    if (!check.waitForFinished(60000) || check.exitStatus() != QProcess::NormalExit || check.exitCode() != 0)
        return QStringLiteral("zarr-python does not read the export as written: ") +
               QString::fromUtf8(check.readAll());
    return {};
}

QString PrivateStores::workDir(int run) const
{
    QString dir = m_dir.filePath(QStringLiteral("run%1").arg(run));
    QDir().mkpath(dir);
    return dir;
}

void PrivateStores::clearCredentialEnvironment()
{
    for (const QString &name : QProcessEnvironment::systemEnvironment().keys())
        if (name.startsWith(u"AWS_") || name.startsWith(u"AZURE_") || name.startsWith(u"GOOGLE_") ||
            name == u"NETRC")
            qunsetenv(name.toLocal8Bit().constData());
}

void PrivateStores::setEnvironment(const QStringList &nameValues)
{
    for (const QString &item : nameValues) {
        const qsizetype eq = item.indexOf(u'=');
        qputenv(item.left(eq).toLocal8Bit().constData(), item.mid(eq + 1).toLocal8Bit());
    }
}

} // namespace zstest
