// Azure Blob requests against Azurite (Microsoft's emulator, npm, started by the test on a free
// loopback port), nothing mocked: QNetworkAccessManager carries requests signed by the core's
// Shared Key signer, so every 2xx proves the string to sign is the one Azurite computes.
//  - a container, block blobs with nested keys and a name with a space and a '+';
//  - GET (200) and range GET (206), List Blobs at the top and under prefixes, maxresults=2 pages
//    followed through NextMarker, all parsed by the core's parser;
//  - a wrong key (403 AuthenticationFailed), SAS tokens (account and container) without Shared
//    Key, a SAS lacking the list permission, and an unsigned request to the private container.

#include "AzureTestClient.h"
#include "AzureTestSas.h"
#include "AzuriteProcess.h"
#include "auth/azure/AzureConnection.h"
#include "auth/azure/AzureConnectionString.h"
#include "auth/azure/AzureSharedKey.h"
#include "store/http/AzureError.h"
#include "store/http/AzureListing.h"

#include <QtTest>

using namespace zs;

namespace {

// One blob of the container: a nested key, and one whose name needs percent-encoding.
const QList<std::pair<QString, QByteArray>> kBlobs = {
    {QStringLiteral(".zgroup"), QByteArray("{\"zarr_format\": 2}")},
    {QStringLiteral("x.zarr/.zarray"), QByteArray(310, 'z')},
    {QStringLiteral("x.zarr/0.0"), QByteArray("0123456789abcdef")},
    {QStringLiteral("x.zarr/0.1"), QByteArray(1000, '\x01')},
    {QStringLiteral("x.zarr/1.0"), QByteArray("tail")},
    {QStringLiteral("x.zarr/c/0"), QByteArray("deep")},
    {QStringLiteral("a b+c/.zattrs"), QByteArray("{}")},
};

QByteArray blobContent(const QString &key)
{
    for (const auto &[k, v] : kBlobs)
        if (k == key) return v;
    return {};
}

} // namespace

class TestAzurite : public QObject
{
    Q_OBJECT

    zstest::AzuriteProcess m_azurite;
    AzureConnection m_connection; // Shared Key from a connection string naming Azurite's endpoint
    std::unique_ptr<zstest::AzureTestClient> m_client;

    QUrl blobUrl(const QString &key) const { return m_client->blobUrl(key); }
    zstest::AzureAnswer send(OutgoingRequest request, const AzureCredentials &credentials,
                             const QByteArray &body = {})
    {
        return m_client->send(std::move(request), credentials, body);
    }
    zstest::AzureAnswer get(const QUrl &url, const AzureCredentials &credentials, HeaderList headers = {})
    {
        return m_client->get(url, credentials, std::move(headers));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A missing azurite fails (not skips) the test, with the command that installs it.
        QVERIFY2(m_azurite.start(), qPrintable(m_azurite.problem()));
        const AzureEnvironment env{
            {QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"),
             QStringLiteral(
                 "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%1;BlobEndpoint=%2")
                 .arg(QString::fromLatin1(kAzuriteKey), m_azurite.blobEndpoint())}};
        auto c = resolveAzureConnection(QUrl(QStringLiteral("az://data")), env);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(c->credentials.kind, AzureAuthKind::SharedKey);
        QCOMPARE(c->location.containerUrl.toString(), m_azurite.blobEndpoint() + QStringLiteral("/data"));
        m_connection = std::move(*c);
        m_client = std::make_unique<zstest::AzureTestClient>(m_connection.location.containerUrl);
        // Create the container (201); Content-Length 0 signs as an empty line.
        QUrl create = m_connection.location.containerUrl;
        create.setQuery(QStringLiteral("restype=container"));
        const zstest::AzureAnswer a =
            send(OutgoingRequest{"PUT", create, {{"Content-Length", "0"}}}, m_connection.credentials);
        QVERIFY2(a.status == 201, a.body.constData());
    }

    void upload_data()
    {
        QTest::addColumn<QString>("key");
        for (const auto &[key, content] : kBlobs)
            QTest::addRow("%s", qPrintable(key)) << key;
    }
    void upload()
    {
        QFETCH(QString, key);
        const QByteArray content = blobContent(key);
        const zstest::AzureAnswer a =
            send(OutgoingRequest{"PUT",
                                 blobUrl(key),
                                 // x-ms-meta-* first: the canonicalized headers must be sorted.
                                 {{"x-ms-meta-source", "zarrscope  test"},
                                  {"x-ms-blob-type", "BlockBlob"},
                                  {"Content-Type", "application/octet-stream"},
                                  {"Content-Length", QByteArray::number(content.size())}}},
                 m_connection.credentials, content);
        QVERIFY2(a.status == 201, qPrintable(QString::number(a.status) + u' ' + QString::fromUtf8(a.body)));
    }

    void getBlob_data()
    {
        QTest::addColumn<QString>("key");
        for (const auto &[key, content] : kBlobs)
            QTest::addRow("%s", qPrintable(key)) << key;
    }
    void getBlob()
    {
        QFETCH(QString, key);
        const zstest::AzureAnswer a = get(blobUrl(key), m_connection.credentials);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, blobContent(key));
    }

    void rangeGet()
    {
        // Range is the 12th line of the string to sign.
        const zstest::AzureAnswer a =
            get(blobUrl(QStringLiteral("x.zarr/0.0")), m_connection.credentials, {{"Range", "bytes=2-5"}});
        QCOMPARE(a.status, 206);
        QCOMPARE(a.body, QByteArray("2345"));
        QCOMPARE(a.contentRange, QByteArray("bytes 2-5/16"));
    }

    void list_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("maxResults");
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QStringList>("prefixes");
        QTest::addColumn<int>("minPages");
        const QStringList zarrKeys{".zarray", "0.0", "0.1", "1.0"};
        QTest::addRow("top") << "" << 0 << QStringList{".zgroup"} << QStringList{"a b+c", "x.zarr"} << 1;
        QTest::addRow("nested") << "x.zarr" << 0 << zarrKeys << QStringList{"c"} << 1;
        QTest::addRow("deeper") << "x.zarr/c" << 0 << QStringList{"0"} << QStringList{} << 1;
        QTest::addRow("space and plus") << "a b+c" << 0 << QStringList{".zattrs"} << QStringList{} << 1;
        QTest::addRow("absent") << "nothing" << 0 << QStringList{} << QStringList{} << 1;
        // Five entries two at a time: three pages, the markers followed.
        QTest::addRow("pages of 2") << "x.zarr" << 2 << zarrKeys << QStringList{"c"} << 3;
        QTest::addRow("top, pages of 2")
            << "" << 2 << QStringList{".zgroup"} << QStringList{"a b+c", "x.zarr"} << 2;
    }
    void list()
    {
        QFETCH(QString, prefix);
        QFETCH(int, maxResults);
        QFETCH(QStringList, keys);
        QFETCH(QStringList, prefixes);
        QFETCH(int, minPages);
        int pages = 0;
        const auto listing = m_client->listAll(prefix, m_connection.credentials, maxResults, &pages);
        QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().toString()));
        QCOMPARE(listing->keys, keys);
        QCOMPARE(listing->prefixes, prefixes);
        QVERIFY2(pages >= minPages, qPrintable(QString::number(pages)));
        const QString start = prefix.isEmpty() ? QString() : prefix + u'/';
        for (const QString &k : keys)
            QCOMPARE(listing->sizes.value(k), std::uint64_t(blobContent(start + k).size()));
    }

    void wrongKey()
    {
        AzureCredentials wrong = m_connection.credentials;
        wrong.key = QByteArray(64, 'k');
        const zstest::AzureAnswer a = get(blobUrl(QStringLiteral("x.zarr/0.0")), wrong);
        QCOMPARE(a.status, 403);
        // Azure says AuthenticationFailed; Azurite 3.37 AuthorizationFailure ("failed to authenticate").
        QVERIFY2(
            QStringList({"AuthenticationFailed", "AuthorizationFailure"}).contains(azureErrorCode(a.body)),
            a.body.constData());
        QCOMPARE(explainAzureError(a.status, a.body, AzureAuthKind::SharedKey),
                 QStringLiteral("access denied: the signature does not match (check the account key)"));
        // The listing parser refuses the error document and names its code.
        const zstest::AzureAnswer l = get(azureListUrl(m_connection.location.containerUrl, {}, {}), wrong);
        QCOMPARE(l.status, 403);
        const auto page = parseAzureListPage(l.body, {}, QStringLiteral("data"));
        QVERIFY(!page.ok());
        QVERIFY(page.error().what.contains(azureErrorCode(a.body)));
    }

    void sas_data()
    {
        QTest::addColumn<QString>("token");
        const QByteArray key = QByteArray::fromBase64(kAzuriteKey);
        const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(3600);
        const QString account = QString::fromLatin1(kAzuriteAccount);
        QTest::addRow("account SAS") << zstest::azureAccountSas(account, key, QStringLiteral("rl"), expiry);
        QTest::addRow("container SAS")
            << zstest::azureContainerSas(account, key, QStringLiteral("data"), QStringLiteral("rl"), expiry);
    }
    void sas()
    {
        QFETCH(QString, token);
        // The token as users paste it: on the URL, with its '?'.
        const QUrl withSas(blobUrl(QStringLiteral("x.zarr/0.0")).toString() + u'?' + token);
        const auto c = resolveAzureConnection(withSas, {});
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(c->credentials.kind, AzureAuthKind::Sas);
        QCOMPARE(c->credentials.description, QStringLiteral("SAS token from the URL"));
        const zstest::AzureAnswer a = get(blobUrl(QStringLiteral("x.zarr/0.0")), c->credentials);
        QVERIFY2(a.status == 200, a.body.constData());
        QCOMPARE(a.body, blobContent(QStringLiteral("x.zarr/0.0")));
        int pages = 0;
        const auto listing = m_client->listAll(QStringLiteral("x.zarr"), c->credentials, 2, &pages);
        QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().toString()));
        QCOMPARE(listing->keys, (QStringList{".zarray", "0.0", "0.1", "1.0"}));
    }

    void sasWithoutList()
    {
        const QString token = zstest::azureContainerSas(
            QString::fromLatin1(kAzuriteAccount), QByteArray::fromBase64(kAzuriteKey), QStringLiteral("data"),
            QStringLiteral("r"), QDateTime::currentDateTimeUtc().addSecs(600));
        AzureCredentials c;
        c.kind = AzureAuthKind::Sas;
        c.sasToken = token;
        QCOMPARE(get(blobUrl(QStringLiteral(".zgroup")), c).status, 200);
        const zstest::AzureAnswer a = get(azureListUrl(m_connection.location.containerUrl, {}, {}), c);
        QCOMPARE(a.status, 403);
        QCOMPARE(azureErrorCode(a.body), QStringLiteral("AuthorizationPermissionMismatch"));
        QVERIFY(explainAzureError(a.status, a.body, AzureAuthKind::Sas)
                    .startsWith(QStringLiteral("access denied: the credentials lack")));
    }

    void badSas()
    {
        // A token signed with another key: refused, and explained as the SAS's fault, not the key's.
        AzureCredentials c;
        c.kind = AzureAuthKind::Sas;
        c.sasToken = zstest::azureContainerSas(QString::fromLatin1(kAzuriteAccount), QByteArray(64, 'k'),
                                               QStringLiteral("data"), QStringLiteral("rl"),
                                               QDateTime::currentDateTimeUtc().addSecs(600));
        const zstest::AzureAnswer a = get(blobUrl(QStringLiteral(".zgroup")), c);
        QCOMPARE(a.status, 403);
        QVERIFY(explainAzureError(a.status, a.body, AzureAuthKind::Sas)
                    .startsWith(QStringLiteral("access denied: the SAS token was refused")));
    }

    void unsigned_()
    {
        // The container is private: what Azurite answers an anonymous read and listing of it
        // (403 AuthorizationFailure; Azure itself answers 404 ResourceNotFound).
        for (const QUrl &url : {blobUrl(QStringLiteral("x.zarr/0.0")),
                                azureListUrl(m_connection.location.containerUrl, {}, {})}) {
            const zstest::AzureAnswer a = get(url, AzureCredentials{});
            QCOMPARE(a.status, 403);
            QCOMPARE(azureErrorCode(a.body), QStringLiteral("AuthorizationFailure"));
            QVERIFY(explainAzureError(a.status, a.body, AzureAuthKind::Anonymous)
                        .startsWith(QStringLiteral(
                            "access denied: the container is private and the request carried no "
                            "credentials")));
        }
    }
};

QTEST_GUILESS_MAIN(TestAzurite)
#include "tst_azurite.moc"
