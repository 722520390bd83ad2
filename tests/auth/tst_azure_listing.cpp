// Azure List Blobs without a server: the request URL, pages with Blob, BlobPrefix, Metadata
// (whose element names are the user's), Encoded names and NextMarker parsed into a Listing, an
// <Error> document refused, and Azure error codes in the user's words.

#include "store/http/AzureError.h"
#include "store/http/AzureListing.h"

#include <QtTest>

using namespace zs;

namespace {

QByteArray page(const QByteArray &prefix, const QByteArray &entries, const QByteArray &nextMarker)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults "
           "ServiceEndpoint=\"http://127.0.0.1:10000/devstoreaccount1\" ContainerName=\"data\"><Prefix>" +
           prefix + "</Prefix><Delimiter>/</Delimiter><Blobs>" + entries + "</Blobs><NextMarker>" +
           nextMarker + "</NextMarker></EnumerationResults>";
}

QByteArray blob(const QByteArray &name, int size, const QByteArray &extra = {})
{
    return "<Blob><Name>" + name +
           "</Name><Properties><Last-Modified>Tue, 01 Dec 2026 09:05:03 GMT</Last-Modified>"
           "<Content-Length>" +
           QByteArray::number(size) +
           "</Content-Length><BlobType>BlockBlob</BlobType>"
           "</Properties>" +
           extra + "</Blob>";
}

QByteArray blobPrefix(const QByteArray &name)
{
    return "<BlobPrefix><Name>" + name + "</Name></BlobPrefix>";
}

} // namespace

class TestAzureListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listUrl()
    {
        const QUrl container(QStringLiteral("http://127.0.0.1:10000/devstoreaccount1/data"));
        QCOMPARE(azureListUrl(container, {}, {}).toEncoded(),
                 "http://127.0.0.1:10000/devstoreaccount1/data?restype=container&comp=list&delimiter=/");
        // '+' and '=' encoded: the service reads '+' as a space, Azurite drops values with a bare '='.
        QCOMPARE(azureListUrl(container, QStringLiteral("a b+c/x.zarr"), QStringLiteral("2!8!abc="), 2)
                     .toEncoded(),
                 "http://127.0.0.1:10000/devstoreaccount1/data?restype=container&comp=list&prefix=a%20b%2Bc/"
                 "x.zarr/"
                 "&delimiter=/&marker=2%218%21abc%3D&maxresults=2");
    }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QStringList>("prefixes");
        QTest::addColumn<QList<qulonglong>>("sizes");
        QTest::addColumn<QString>("nextMarker");
        QTest::addRow("top") << page("", blob(".zgroup", 24) + blobPrefix("a/") + blobPrefix("b/"), "") << ""
                             << QStringList{".zgroup"} << QStringList{"a", "b"} << QList<qulonglong>{24}
                             << "";
        QTest::addRow("nested, marker")
            << page("a/x.zarr/",
                    blob("a/x.zarr/.zarray", 310) + blob("a/x.zarr/0.0", 1 << 20) + blobPrefix("a/x.zarr/c/"),
                    "2!64!MDAwMDE1IWEveC56YXJyLzAuMSE-")
            << "a/x.zarr" << QStringList{".zarray", "0.0"} << QStringList{"c"}
            << QList<qulonglong>{310, 1 << 20} << "2!64!MDAwMDE1IWEveC56YXJyLzAuMSE-";
        // <Name> inside <Metadata> is a user's metadata key, not the blob's name.
        QTest::addRow("metadata named Name")
            << page("", blob("k", 3, "<Metadata><Name>impostor</Name></Metadata>"), "") << ""
            << QStringList{"k"} << QStringList{} << QList<qulonglong>{3} << "";
        QTest::addRow("encoded name")
            << page("",
                    "<Blob><Name Encoded=\"true\">a%01b</Name><Properties>"
                    "<Content-Length>7</Content-Length></Properties></Blob>",
                    "")
            << "" << QStringList{QStringLiteral("a\u0001b")} << QStringList{} << QList<qulonglong>{7} << "";
        QTest::addRow("empty") << page("", "", "") << "" << QStringList{} << QStringList{}
                               << QList<qulonglong>{} << "";
    }
    void parse()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, prefix);
        QFETCH(QStringList, keys);
        QFETCH(QStringList, prefixes);
        QFETCH(QList<qulonglong>, sizes);
        QFETCH(QString, nextMarker);
        const auto p = parseAzureListPage(xml, prefix, QStringLiteral("data"));
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
        QCOMPARE(p->listing.keys, keys);
        QCOMPARE(p->listing.prefixes, prefixes);
        QCOMPARE(p->listing.sizes.size(), sizes.size());
        for (qsizetype i = 0; i < keys.size(); ++i)
            QCOMPARE(p->listing.sizes.value(keys[i]), sizes[i]);
        QCOMPARE(p->nextMarker, nextMarker);
    }

    void notAListing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("what");
        QTest::addRow("error document")
            << QByteArray("<?xml version=\"1.0\" "
                          "encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>"
                          "Server failed to authenticate the request.</Message></Error>")
            << "not an Azure List Blobs answer: the service answered AuthenticationFailed";
        QTest::addRow("html") << QByteArray("<html><body>Index of /</body></html>")
                              << "not an Azure List Blobs answer";
        QTest::addRow("empty") << QByteArray() << "not an Azure List Blobs answer";
    }
    void notAListing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, what);
        const auto p = parseAzureListPage(body, {}, QStringLiteral("data"));
        QVERIFY(!p.ok());
        QCOMPARE(p.error().what, what);
        QCOMPARE(p.error().where, QStringLiteral("data"));
    }

    void explain_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("how");
        QTest::addColumn<QString>("words");
        const QByteArray failed = "Server failed to authenticate the request. Make sure the value of the "
                                  "Authorization header is formed correctly including the signature.";
        const int key = int(AzureAuthKind::SharedKey), sas = int(AzureAuthKind::Sas),
                  anonymous = int(AzureAuthKind::Anonymous);
        const QString signature =
            QStringLiteral("access denied: the signature does not match (check the account key)");
        const QString priv =
            QStringLiteral("access denied: the container is private and the request carried no "
                           "credentials (set AZURE_STORAGE_KEY, AZURE_STORAGE_SAS_TOKEN or "
                           "AZURE_STORAGE_CONNECTION_STRING)");
        QTest::addRow("signature") << 403 << QByteArray("AuthenticationFailed") << failed << key << signature;
        // Azurite 3.37 says AuthorizationFailure, with the authentication message, for a wrong key.
        QTest::addRow("signature, azurite")
            << 403 << QByteArray("AuthorizationFailure") << failed << key << signature;
        QTest::addRow("SAS refused")
            << 403 << QByteArray("AuthenticationFailed") << failed << sas
            << "access denied: the SAS token was refused (check that it is whole, unexpired "
               "and for this account)";
        QTest::addRow("SAS expired")
            << 403 << QByteArray("AuthenticationFailed")
            << QByteArray("Signed expiry time [Tue, 01 Dec 2026 09:05:03 GMT] has to be after "
                          "current time")
            << sas << "access denied: the SAS token has expired";
        QTest::addRow("unsigned, azurite")
            << 403 << QByteArray("AuthorizationFailure") << failed << anonymous << priv;
        QTest::addRow("no credentials")
            << 401 << QByteArray("NoAuthenticationInformation") << QByteArray() << key << priv;
        QTest::addRow("unsigned, absent")
            << 404 << QByteArray("ResourceNotFound") << QByteArray() << anonymous
            << "not found: no such resource (check the account and container names; "
               "a private container looks absent without credentials)";
        QTest::addRow("failure")
            << 403 << QByteArray("AuthorizationFailure")
            << QByteArray("This request is not authorized to perform this operation.") << key
            << "access denied: the request is not authorized (a network rule, or a SAS that "
               "does not grant it)";
        QTest::addRow("permission")
            << 403 << QByteArray("AuthorizationPermissionMismatch") << QByteArray() << sas
            << "access denied: the credentials lack the permission for this operation "
               "(check the SAS permissions or the role assignment)";
        QTest::addRow("public access")
            << 409 << QByteArray("PublicAccessNotPermitted") << QByteArray() << anonymous
            << "access denied: the storage account does not allow anonymous access "
               "(give credentials)";
        QTest::addRow("resource") << 404 << QByteArray("ResourceNotFound") << QByteArray() << key
                                  << "not found: no such resource (check the account and container names)";
        QTest::addRow("container") << 404 << QByteArray("ContainerNotFound") << QByteArray() << key
                                   << "not found: the container does not exist";
        QTest::addRow("blob") << 404 << QByteArray("BlobNotFound") << QByteArray() << key
                              << "not found: no such blob";
        QTest::addRow("unknown code") << 500 << QByteArray("InternalError") << QByteArray() << key
                                      << "the service answered HTTP 500 (InternalError)";
        QTest::addRow("no body") << 403 << QByteArray() << QByteArray() << key << "access denied (HTTP 403)";
    }
    void explain()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, message);
        QFETCH(int, how);
        QFETCH(QString, words);
        // The detail quotes what the request carried: it must never reach the words.
        const QByteArray body = code.isEmpty()
                                    ? QByteArray()
                                    : "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code +
                                          "</Code><Message>" + message +
                                          "</Message>"
                                          "<AuthenticationErrorDetail>The MAC signature found in the HTTP "
                                          "request 'c2VjcmV0' is not the same as any computed signature."
                                          "</AuthenticationErrorDetail></Error>";
        const QString got = explainAzureError(status, body, AzureAuthKind(how));
        QCOMPARE(got, words);
        QVERIFY(!got.contains(QStringLiteral("c2VjcmV0")));
        // A HEAD answer's code comes in x-ms-error-code instead of a body (no message to go by).
        if (!code.isEmpty() && message.isEmpty())
            QCOMPARE(explainAzureError(status, code, AzureAuthKind(how)), words);
    }
};

QTEST_GUILESS_MAIN(TestAzureListing)
#include "tst_azure_listing.moc"
