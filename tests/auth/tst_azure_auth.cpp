// Azure Blob access without a server: the Shared Key string to sign for chosen requests (built
// by hand from the rules in the docs' "Authorize with Shared Key", one signature checked with
// node's crypto), connection strings, SAS tokens, the credential order and URL mapping. The
// listing parser and error words are in tst_azure_listing; Azurite checks it all in tst_azurite.

#include "auth/azure/AzureConnection.h"
#include "auth/azure/AzureConnectionString.h"
#include "auth/azure/AzureSas.h"
#include "auth/azure/AzureSharedKey.h"

#include <QtTest>

using namespace zs;

namespace {

const QString kKey = QString::fromLatin1(kAzuriteKey);
// Stands for a secret in messages: none may show it.
const QString kOtherKey = QStringLiteral("c2VjcmV0LWtleS1mb3ItYWNjdC10aGF0LW11c3Qtbm90LWxlYWs=");
const QString kSig = QStringLiteral("c2lnbmF0dXJlLXZhbHVl%2Bx%3D");
const QDateTime kTime(QDate(2026, 12, 1), QTime(9, 5, 3), Qt::UTC);

bool leaksSecret(const QString &text)
{
    return text.contains(kKey) || text.contains(kOtherKey) || text.contains(kSig) ||
           text.contains(QStringLiteral("c2lnbmF0dXJl"));
}

} // namespace

class TestAzureAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringToSign_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<HeaderList>("headers");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray date = "x-ms-date:Tue, 01 Dec 2026 09:05:03 GMT\n";
        const std::pair<QByteArray, QByteArray> xmsDate{"x-ms-date", "Tue, 01 Dec 2026 09:05:03 GMT"};
        const std::pair<QByteArray, QByteArray> xmsVersion{"x-ms-version", "2021-08-06"};
        // Range is the 12th line; the emulator's account appears twice in the resource.
        QTest::addRow("range get, emulator")
            << QByteArray("GET") << "http://127.0.0.1:10000/devstoreaccount1/data/a/b.bin"
            << HeaderList{{"Range", "bytes=0-3"}, xmsDate, xmsVersion}
            << "GET\n\n\n\n\n\n\n\n\n\n\nbytes=0-3\n" + date +
                   "x-ms-version:2021-08-06\n"
                   "/devstoreaccount1/devstoreaccount1/data/a/b.bin";
        // Upload: Content-Length and Content-Type lines; x-ms-* names lower-cased, sorted, values trimmed.
        QTest::addRow("put block blob")
            << QByteArray("put") << "https://acct.blob.core.windows.net/data/k%20x"
            << HeaderList{{"X-MS-Version", "2021-08-06"},
                          {"Content-Type", "application/octet-stream"},
                          {"x-ms-blob-type", "  BlockBlob "},
                          {"x-ms-meta-Source", "two  spaces kept"},
                          {"Content-Length", "5"},
                          xmsDate}
            << "PUT\n\n\n5\n\napplication/octet-stream\n\n\n\n\n\n\nx-ms-blob-type:BlockBlob\n" + date +
                   "x-ms-meta-source:two  spaces kept\n"
                   "x-ms-version:2021-08-06\n/acct/data/k%20x";
        // Version 2015-02-21 and later: Content-Length 0 signs as an empty line.
        QTest::addRow("create container, length 0")
            << QByteArray("PUT") << "https://acct.blob.core.windows.net/data?restype=container"
            << HeaderList{{"Content-Length", "0"}, xmsDate, xmsVersion}
            << "PUT\n\n\n\n\n\n\n\n\n\n\n\n" + date +
                   "x-ms-version:2021-08-06\n/acct/data\nrestype:container";
        // Query names lower-cased and sorted, values decoded ('+' too), one line each.
        QTest::addRow("list blobs")
            << QByteArray("GET")
            << "https://acct.blob.core.windows.net/data?restype=container&comp=list&prefix=a%2Bb/c/"
               "&delimiter=/"
               "&Marker=2%213%21x%3D"
            << HeaderList{xmsDate, xmsVersion}
            << "GET\n\n\n\n\n\n\n\n\n\n\n\n" + date +
                   "x-ms-version:2021-08-06\n/acct/data\ncomp:list\ndelimiter:/\nmarker:2!3!x=\nprefix:a+b/c/"
                   "\nrestype:container";
        // The docs' List Blobs example: a parameter given thrice, its values sorted and comma-joined.
        QTest::addRow("docs: repeated include")
            << QByteArray("GET")
            << "http://myaccount.blob.core.windows.net/"
               "mycontainer?restype=container&comp=list&include=snapshots"
               "&include=metadata&include=uncommittedblobs"
            << HeaderList{xmsDate, xmsVersion}
            << "GET\n\n\n\n\n\n\n\n\n\n\n\n" + date +
                   "x-ms-version:2021-08-06\n/myaccount/mycontainer\ncomp:list\n"
                   "include:metadata,snapshots,uncommittedblobs\nrestype:container";
        // Account-level request: an empty path is "/".
        QTest::addRow("service root")
            << QByteArray("GET") << "https://acct.blob.core.windows.net?comp=list"
            << HeaderList{xmsDate, xmsVersion}
            << "GET\n\n\n\n\n\n\n\n\n\n\n\n" + date + "x-ms-version:2021-08-06\n/acct/\ncomp:list";
    }
    void stringToSign()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(HeaderList, headers);
        QFETCH(QByteArray, expected);
        const QUrl u(url);
        const QString account =
            u.host().startsWith(u"127.") ? QStringLiteral("devstoreaccount1") : u.host().section(u'.', 0, 0);
        QCOMPARE(azureStringToSign(method, u, headers, account), expected);
    }

    void signature()
    {
        // The first row above, signed: the expected value is node's crypto.createHmac over the same bytes.
        const QUrl url(QStringLiteral("http://127.0.0.1:10000/devstoreaccount1/data/a/b.bin"));
        const auto added = azureSharedKeyHeaders("GET", url, {{"Range", "bytes=0-3"}},
                                                 QStringLiteral("devstoreaccount1"), kKey, kTime);
        QVERIFY(added.ok());
        QCOMPARE(added->size(), 3);
        QCOMPARE(added->at(0),
                 (std::pair<QByteArray, QByteArray>("x-ms-date", "Tue, 01 Dec 2026 09:05:03 GMT")));
        QCOMPARE(added->at(1), (std::pair<QByteArray, QByteArray>("x-ms-version", "2021-08-06")));
        QCOMPARE(added->at(2).second,
                 QByteArray("SharedKey devstoreaccount1:VP3nNWd8s8MUr5g5dYIWIWe3aU5UG3G0/wRYVtLVhJI="));
        // A key that is not base64: an error naming where it came from, not the key.
        const auto bad =
            azureSharedKeyHeaders("GET", url, {}, QStringLiteral("acct"), QStringLiteral("not*base64!"),
                                  kTime, QStringLiteral("AZURE_STORAGE_KEY"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().where, QStringLiteral("AZURE_STORAGE_KEY"));
        QVERIFY(!bad.error().toString().contains(QStringLiteral("not*base64!")));
    }

    void connectionString_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("hasKey");
        QTest::addColumn<QString>("sas");
        QTest::addRow("azurite readme")
            << "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + kKey +
                   ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
                   "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;"
            << "devstoreaccount1"
            << "http://127.0.0.1:10000/devstoreaccount1" << true << "";
        QTest::addRow("development storage") << "UseDevelopmentStorage=true"
                                             << "devstoreaccount1"
                                             << "http://127.0.0.1:10000/devstoreaccount1" << true << "";
        QTest::addRow("suffix, names without case")
            << " defaultendpointsprotocol=https; accountname=acct ;AccountKey=" + kOtherKey +
                   ";EndpointSuffix=core.chinacloudapi.cn"
            << "acct"
            << "https://acct.blob.core.chinacloudapi.cn" << true << "";
        QTest::addRow("endpoint and SAS")
            << "BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=?sv="
               "2021-08-06&sp=rl&sig=" +
                   kSig
            << ""
            << "https://acct.blob.core.windows.net/" << false << "sv=2021-08-06&sp=rl&sig=" + kSig;
    }
    void connectionString()
    {
        QFETCH(QString, text);
        QFETCH(QString, account);
        QFETCH(QString, endpoint);
        QFETCH(bool, hasKey);
        QFETCH(QString, sas);
        const auto cs = parseAzureConnectionString(text);
        QVERIFY2(cs.ok(), qPrintable(cs.ok() ? QString() : cs.error().toString()));
        QCOMPARE(cs->accountName, account);
        QCOMPARE(cs->serviceEndpoint().toString(), endpoint);
        QCOMPARE(!cs->accountKey.isEmpty(), hasKey);
        QCOMPARE(cs->sasToken, sas);
    }

    void badConnectionString_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("empty") << "";
        QTest::addRow("part without =") << "AccountName=acct;" + kOtherKey.chopped(1);
        QTest::addRow("protocol") << "DefaultEndpointsProtocol=ftp;AccountName=acct;AccountKey=" + kOtherKey;
        QTest::addRow("no account") << "AccountKey=" + kOtherKey;
        QTest::addRow("endpoint") << "BlobEndpoint=not a url;AccountKey=" + kOtherKey;
    }
    void badConnectionString()
    {
        QFETCH(QString, text);
        const auto cs = parseAzureConnectionString(text);
        QVERIFY(!cs.ok());
        QCOMPARE(cs.error().where, QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"));
        QVERIFY2(!leaksSecret(cs.error().toString()), qPrintable(cs.error().toString()));
    }

    void sasMerge()
    {
        const QString token = "sv=2021-08-06&sp=rl&sig=" + kSig;
        QCOMPARE(*normalizeAzureSas(" ?" + token + " ", QStringLiteral("t")), token);
        QVERIFY(!normalizeAzureSas(QStringLiteral("?sv=2021-08-06&sp=rl"), QStringLiteral("t")).ok());
        // The token's bytes reach the wire unchanged (%2B stays %2B), after the request's own query.
        const QUrl list(
            QStringLiteral("http://127.0.0.1:1/devstoreaccount1/data?restype=container&comp=list&sp=x"));
        QCOMPARE(withAzureSas(list, token).toEncoded(),
                 "http://127.0.0.1:1/devstoreaccount1/data?restype=container&comp=list&" + token.toLatin1());
        QCOMPARE(withAzureSas(QUrl(QStringLiteral("https://a.blob.core.windows.net/c/k")), token)
                     .query(QUrl::FullyEncoded),
                 token);
        QVERIFY(hasAzureSas(QUrl("https://a.blob.core.windows.net/c?" + token)));
        QVERIFY(!hasAzureSas(list));
        QCOMPARE(redactAzureSas("https://a.blob.core.windows.net/c?" + token),
                 QStringLiteral("https://a.blob.core.windows.net/c?sv=2021-08-06&sp=rl&sig=REDACTED"));
        QCOMPARE(redactAzureSas("sig=" + kSig + "&sv=1"), QStringLiteral("sig=REDACTED&sv=1"));
    }
};

QTEST_GUILESS_MAIN(TestAzureAuth)
#include "tst_azure_auth.moc"
