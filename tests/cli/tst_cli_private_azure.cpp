// zarrscope-cli on a private Azure container (issue 17): Azurite (Microsoft's emulator, which
// checks Shared Key and SAS signatures) holding a store zarr-python wrote, uploaded by the test's
// own Shared Key client. ls, info, get, bench and export through az:// with a connection string
// (Shared Key), through the emulator's URL with a SAS query, and through az:// with
// AZURE_STORAGE_SAS_TOKEN and a connection string without key; a wrong key is one clear error.
// No account key or SAS signature may appear in any output.

#include "AzureTestClient.h"
#include "AzureTestSas.h"
#include "AzuriteProcess.h"
#include "PrivateCliSupport.h"
#include "auth/azure/AzureConnectionString.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace zstest;
using zs::kAzuriteKey;

namespace {

const QString kAccount = QStringLiteral("devstoreaccount1");
const QString kContainer = QStringLiteral("vault");
const QString kPrefix = QStringLiteral("study/private.zarr");
// A valid base64 key that is not the account's: Azurite answers 403 AuthenticationFailed.
const QString kWrongKey = QString::fromLatin1(QByteArray(64, 'w').toBase64());

} // namespace

class TestCliPrivateAzure : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PrivateFixture m_fixture;
    AzuriteProcess m_azurite;
    QString m_sas; // a container SAS with read and list permissions
    int m_runs = 0;

    QString connectionString(const QString &key) const
    {
        return QStringLiteral("DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;BlobEndpoint=%3")
            .arg(kAccount, key, m_azurite.blobEndpoint());
    }
    // The secrets of a run: the key (both forms a leak could take) and the SAS signature.
    QStringList secrets() const
    {
        const QString sig = QUrlQuery(m_sas).queryItemValue(QStringLiteral("sig"), QUrl::FullyEncoded);
        return {QString::fromLatin1(kAzuriteKey), kWrongKey, sig, QUrl::fromPercentEncoding(sig.toLatin1())};
    }
    PrivateTarget target(const QString &store) const
    {
        return PrivateTarget{store, {}, environmentWithoutCredentials(m_dir.path()), secrets()};
    }

    // Creates the container and uploads every file of the fixture under kPrefix.
    QString upload()
    {
        const auto connection =
            zs::resolveAzureConnection(QUrl(QStringLiteral("az://") + kContainer),
                                       {{QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"),
                                         connectionString(QString::fromLatin1(kAzuriteKey))}});
        if (!connection) return connection.error().toString();
        AzureTestClient client(connection->location.containerUrl);
        if (QString problem = client.createContainer(connection->credentials); !problem.isEmpty())
            return problem;
        return client.uploadDirectory(m_fixture.store, kPrefix, connection->credentials);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(ZS_CLI)).isExecutable(), ZS_CLI " was not built");
        QVERIFY(m_dir.isValid());
        QString error;
        const auto fixture = writePrivateFixture(m_dir.filePath(QStringLiteral("fixture")), &error);
        QVERIFY2(fixture, qPrintable(error));
        m_fixture = *fixture;
        // A missing azurite fails (never skips), with the command that installs it.
        QVERIFY2(m_azurite.start(), qPrintable(m_azurite.problem()));
        const QString problem = upload();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_sas = azureContainerSas(kAccount, QByteArray::fromBase64(kAzuriteKey), kContainer,
                                  QStringLiteral("rl"), QDateTime::currentDateTimeUtc().addSecs(3600));
    }

    void readsPrivate_data()
    {
        QTest::addColumn<QString>("store");   // {ENDPOINT} and {SAS} replaced
        QTest::addColumn<QStringList>("env"); // NAME=VALUE, same replacements
        QTest::addColumn<QString>("source");  // what info's "credentials" says
        const QString az = QStringLiteral("az://%1/%2").arg(kContainer, kPrefix);
        QTest::addRow("shared key from AZURE_STORAGE_CONNECTION_STRING")
            << az << QStringList{QStringLiteral("AZURE_STORAGE_CONNECTION_STRING={KEYED}")}
            << QStringLiteral("signed with the shared key of account devstoreaccount1");
        QTest::addRow("SAS on the URL") << QStringLiteral("{ENDPOINT}/%1/%2?{SAS}").arg(kContainer, kPrefix)
                                        << QStringList{} << QStringLiteral("SAS token from the URL");
        QTest::addRow("AZURE_STORAGE_SAS_TOKEN and a connection string without key")
            << az
            << QStringList{QStringLiteral("AZURE_STORAGE_CONNECTION_STRING=AccountName=devstoreaccount1;"
                                          "BlobEndpoint={ENDPOINT}"),
                           QStringLiteral("AZURE_STORAGE_SAS_TOKEN={SAS}")}
            << QStringLiteral("SAS token from AZURE_STORAGE_SAS_TOKEN");
    }
    void readsPrivate()
    {
        QFETCH(QString, store);
        QFETCH(QStringList, env);
        QFETCH(QString, source);
        const auto fill = [this](QString s) {
            return s.replace(QStringLiteral("{KEYED}"), connectionString(QString::fromLatin1(kAzuriteKey)))
                .replace(QStringLiteral("{ENDPOINT}"), m_azurite.blobEndpoint())
                .replace(QStringLiteral("{SAS}"), m_sas);
        };
        PrivateTarget t = target(fill(store));
        for (const QString &item : std::as_const(env)) {
            const qsizetype eq = item.indexOf(u'=');
            t.env.insert(item.left(eq), fill(item.mid(eq + 1)));
        }
        const QString work = m_dir.filePath(QStringLiteral("run%1").arg(++m_runs));
        QDir().mkpath(work);
        const QString problem = readsEverything(t, m_fixture, source, work);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void wrongKeyIsOneClearError()
    {
        PrivateTarget t = target(QStringLiteral("az://%1/%2").arg(kContainer, kPrefix));
        t.env.insert(QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"), connectionString(kWrongKey));
        QString line;
        const QString problem = failsClearly(t, QStringLiteral("access denied"), &line);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The key under the location the user typed, not under the emulator's address.
        QVERIFY2(line.contains(QStringLiteral("(az://%1/%2/").arg(kContainer, kPrefix)), qPrintable(line));
    }

    void unsignedIsDenied()
    {
        const QString problem = failsClearly(
            target(QStringLiteral("%1/%2/%3").arg(m_azurite.blobEndpoint(), kContainer, kPrefix)),
            QStringLiteral("error"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestCliPrivateAzure)
#include "tst_cli_private_azure.moc"
