// Where an Azure store's credentials come from (SAS on the URL, AZURE_STORAGE_SAS_TOKEN, the
// connection string, AZURE_STORAGE_ACCOUNT + AZURE_STORAGE_KEY, anonymous: first match wins),
// what the description says, and how az://, *.blob.core.windows.net and emulator URLs map to an
// endpoint, a container and a prefix. Explicit environment maps: the process's is never read.

#include "auth/azure/AzureConnection.h"
#include "auth/azure/AzureConnectionString.h"

#include <QtTest>

using namespace zs;

Q_DECLARE_METATYPE(zs::AzureEnvironment)

namespace {

const QString kKey = QString::fromLatin1(kAzuriteKey);
const QString kOtherKey = QStringLiteral("c2VjcmV0LWtleS1mb3ItYWNjdC10aGF0LW11c3Qtbm90LWxlYWs=");
const QString kSig = QStringLiteral("c2lnbmF0dXJlLXZhbHVl%2Bx%3D");
const QString kSas = "sv=2021-08-06&sp=rl&sig=" + kSig;
const QString kDevConnection = QStringLiteral("UseDevelopmentStorage=true");
const QString kAcctConnection = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + kOtherKey;

bool leaksSecret(const QString &text)
{
    return text.contains(kKey) || text.contains(kOtherKey) || text.contains(kSig) ||
           text.contains(QStringLiteral("c2lnbmF0dXJl"));
}

AzureEnvironment env(std::initializer_list<std::pair<const char *, QString>> entries)
{
    AzureEnvironment e;
    for (const auto &[name, value] : entries)
        e.insert(QString::fromLatin1(name), value);
    return e;
}

} // namespace

class TestAzureConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void credentialOrder_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<AzureEnvironment>("environment");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("description");
        const QString acct = QStringLiteral("https://acct.blob.core.windows.net/data/x.zarr");
        const AzureEnvironment everything = env({{"AZURE_STORAGE_SAS_TOKEN", "?" + kSas},
                                                 {"AZURE_STORAGE_CONNECTION_STRING", kAcctConnection},
                                                 {"AZURE_STORAGE_ACCOUNT", "acct"},
                                                 {"AZURE_STORAGE_KEY", kOtherKey}});
        const int sas = int(AzureAuthKind::Sas), key = int(AzureAuthKind::SharedKey);
        QTest::addRow("1 SAS on the URL")
            << acct + "?" + kSas << everything << sas << "SAS token from the URL";
        AzureEnvironment noUrlSas = everything;
        QTest::addRow("2 SAS variable")
            << acct << noUrlSas << sas << "SAS token from AZURE_STORAGE_SAS_TOKEN";
        noUrlSas.remove(QStringLiteral("AZURE_STORAGE_SAS_TOKEN"));
        QTest::addRow("3 connection string key")
            << acct << noUrlSas << key
            << "signed with the shared key of account acct from AZURE_STORAGE_CONNECTION_STRING";
        QTest::addRow("3 connection string SAS")
            << acct
            << env({{"AZURE_STORAGE_CONNECTION_STRING",
                     "BlobEndpoint=" + acct + ";SharedAccessSignature=" + kSas}})
            << sas << "SAS token from AZURE_STORAGE_CONNECTION_STRING";
        QTest::addRow("3 development storage")
            << "http://127.0.0.1:10000/devstoreaccount1/data"
            << env({{"AZURE_STORAGE_CONNECTION_STRING", kDevConnection}}) << key
            << "signed with the shared key of account devstoreaccount1 from AZURE_STORAGE_CONNECTION_STRING "
               "(UseDevelopmentStorage)";
        noUrlSas.remove(QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"));
        QTest::addRow("4 account and key")
            << acct << noUrlSas << key << "signed with the shared key of account acct from AZURE_STORAGE_KEY";
        QTest::addRow("4 key, account from the URL")
            << "http://127.0.0.1:10000/devstoreaccount1/data" << env({{"AZURE_STORAGE_KEY", kKey}}) << key
            << "signed with the shared key of account devstoreaccount1 from AZURE_STORAGE_KEY";
        QTest::addRow("5 anonymous") << acct << env({{"AZURE_STORAGE_ACCOUNT", "acct"}})
                                     << int(AzureAuthKind::Anonymous) << "anonymous";
    }
    void credentialOrder()
    {
        QFETCH(QString, url);
        QFETCH(AzureEnvironment, environment);
        QFETCH(int, kind);
        QFETCH(QString, description);
        const auto c = resolveAzureConnection(QUrl(url), environment);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(int(c->credentials.kind), kind);
        QCOMPARE(c->credentials.description, description);
        QVERIFY(!leaksSecret(c->credentials.description));
        // The SAS of the URL is credentials, not part of the store's location.
        QVERIFY(!leaksSecret(c->location.containerUrl.toString()));
        if (kind == int(AzureAuthKind::Sas)) QCOMPARE(c->credentials.sasToken, kSas);
    }

    void credentialErrors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<AzureEnvironment>("environment");
        QTest::addColumn<QString>("what");
        const QString acct = QStringLiteral("https://acct.blob.core.windows.net/data");
        QTest::addRow("undecodable key")
            << acct << env({{"AZURE_STORAGE_KEY", "Zm9v*" + kOtherKey}}) << "not valid base64";
        QTest::addRow("empty key") << acct << env({{"AZURE_STORAGE_KEY", ""}}) << "empty";
        QTest::addRow("key of another account")
            << acct << env({{"AZURE_STORAGE_ACCOUNT", "other"}, {"AZURE_STORAGE_KEY", kOtherKey}})
            << "the account key is for account other, but the URL names account acct";
        QTest::addRow("SAS without sig")
            << acct << env({{"AZURE_STORAGE_SAS_TOKEN", "sv=2021-08-06&sp=rl"}}) << "no signature";
        QTest::addRow("bad connection string key")
            << acct
            << env({{"AZURE_STORAGE_CONNECTION_STRING", "AccountName=acct;AccountKey=%%" + kOtherKey}})
            << "not valid base64";
        QTest::addRow("az:// without account")
            << "az://data/x" << env({{"AZURE_STORAGE_KEY", kOtherKey}}) << "needs the storage account";
    }
    void credentialErrors()
    {
        QFETCH(QString, url);
        QFETCH(AzureEnvironment, environment);
        QFETCH(QString, what);
        const auto c = resolveAzureConnection(QUrl(url), environment);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().what.contains(what), qPrintable(c.error().toString()));
        QVERIFY2(!leaksSecret(c.error().toString()), qPrintable(c.error().toString()));
    }

    void location_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<AzureEnvironment>("environment");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("containerUrl");
        QTest::addColumn<QString>("prefix");
        QTest::addRow("az, account variable")
            << "az://data/stores/x.zarr/" << env({{"AZURE_STORAGE_ACCOUNT", "acct"}}) << "acct"
            << "https://acct.blob.core.windows.net"
            << "https://acct.blob.core.windows.net/data"
            << "stores/x.zarr";
        QTest::addRow("az, development storage")
            << "az://data/x.zarr" << env({{"AZURE_STORAGE_CONNECTION_STRING", kDevConnection}})
            << "devstoreaccount1"
            << "http://127.0.0.1:10000/devstoreaccount1"
            << "http://127.0.0.1:10000/devstoreaccount1/data"
            << "x.zarr";
        QTest::addRow("az, connection string suffix")
            << "az://data"
            << env({{"AZURE_STORAGE_CONNECTION_STRING",
                     kAcctConnection + ";EndpointSuffix=core.usgovcloudapi.net"}})
            << "acct"
            << "https://acct.blob.core.usgovcloudapi.net"
            << "https://acct.blob.core.usgovcloudapi.net/data"
            << "";
        QTest::addRow("https with SAS")
            << "https://acct.blob.core.windows.net/data/a%20b/x.zarr?" + kSas << AzureEnvironment{} << "acct"
            << "https://acct.blob.core.windows.net"
            << "https://acct.blob.core.windows.net/data"
            << "a b/x.zarr";
        QTest::addRow("emulator") << "http://127.0.0.1:41234/devstoreaccount1/data/deep/x.zarr"
                                  << AzureEnvironment{} << "devstoreaccount1"
                                  << "http://127.0.0.1:41234/devstoreaccount1"
                                  << "http://127.0.0.1:41234/devstoreaccount1/data"
                                  << "deep/x.zarr";
        QTest::addRow("emulator, localhost")
            << "http://localhost:10000/devstoreaccount1/data" << AzureEnvironment{} << "devstoreaccount1"
            << "http://localhost:10000/devstoreaccount1"
            << "http://localhost:10000/devstoreaccount1/data"
            << "";
    }
    void location()
    {
        QFETCH(QString, url);
        QFETCH(AzureEnvironment, environment);
        QFETCH(QString, account);
        QFETCH(QString, endpoint);
        QFETCH(QString, containerUrl);
        QFETCH(QString, prefix);
        const auto loc = azureLocationFor(QUrl(url), environment);
        QVERIFY2(loc.ok(), qPrintable(loc.ok() ? QString() : loc.error().toString()));
        QCOMPARE(loc->account, account);
        QCOMPARE(loc->serviceEndpoint.toString(), endpoint);
        QCOMPARE(loc->containerUrl.toString(), containerUrl);
        QCOMPARE(loc->prefix, prefix);
        QVERIFY(isAzureUrl(QUrl(url)) == !url.startsWith(u"http://"));
    }

    void badLocation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addRow("no container") << "https://acct.blob.core.windows.net/";
        QTest::addRow("bad container") << "https://acct.blob.core.windows.net/Data_1/x";
        QTest::addRow("emulator without container") << "http://127.0.0.1:10000/devstoreaccount1";
        QTest::addRow("other scheme") << "s3://bucket/x";
    }
    void badLocation()
    {
        QFETCH(QString, url);
        QVERIFY(!azureLocationFor(QUrl(url), {}).ok());
    }

    void authorize()
    {
        // Every kind sends x-ms-version; SAS goes on the query; Shared Key adds three headers.
        AzureCredentials sas;
        sas.kind = AzureAuthKind::Sas;
        sas.sasToken = kSas;
        OutgoingRequest r{"GET", QUrl(QStringLiteral("http://127.0.0.1:1/devstoreaccount1/data/k")), {}};
        authorizeAzureRequest(sas, r, QDateTime::currentDateTimeUtc());
        QCOMPARE(r.url.query(QUrl::FullyEncoded), kSas);
        QCOMPARE(r.headers, (HeaderList{{"x-ms-version", "2021-08-06"}}));
        const QUrl bare = r.url.adjusted(QUrl::RemoveQuery);
        const auto key = resolveAzureConnection(bare, env({{"AZURE_STORAGE_KEY", kKey}}));
        QVERIFY(key.ok());
        OutgoingRequest s{"GET", bare, {{"Range", "bytes=0-1"}}};
        authorizeAzureRequest(key->credentials, s, QDateTime::currentDateTimeUtc());
        QCOMPARE(s.headers.size(), 4);
        QVERIFY(s.headers.last().second.startsWith("SharedKey devstoreaccount1:"));
    }
};

QTEST_GUILESS_MAIN(TestAzureConnection)
#include "tst_azure_connection.moc"
