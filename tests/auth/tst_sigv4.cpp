// AWS Signature V4 against published vectors, never against values computed here:
//  - the AWS SigV4 test suite (aws-sig-v4-test-suite, 2015 edition: AKIDEXAMPLE, us-east-1,
//    service "service", 20150830T123600Z), as kept in bazelbuild/bazel
//    third_party/aws-sig-v4-test-suite/<case>/<case>.{req,sreq,creq,sts,authz}; canonical lines
//    the bazel copy lacks come from awslabs/aws-c-auth tests/aws-signing-test-suite/v4/<case>/
//    query-canonical-request.txt (same suite; its path and header lines are the header variant's);
//    get-vanilla's Authorization from aws/aws-sdk-js-v3 packages/signature-v4/src/suite.fixture.ts;
//  - the S3 API reference's "Example: GET Object" (sig-v4-header-based-auth: examplebucket,
//    /test.txt, Range bytes=0-9, 20130524T000000Z).
// Plus the S3 rules the suite does not cover (single encoding, UNSIGNED-PAYLOAD, host ports) and
// the guarantee that no error or header carries the secret.

#include "auth/aws/SigV4.h"
#include "auth/aws/SigV4Canonical.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace zs;

namespace {

const AwsCredentials kSuiteKeys{
    QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}, {}};
const QByteArray kSuiteToken =
    "AQoDYXdzEPT//////////"
    "wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwth"
    "Ax7mSEI/qkPpKPi/"
    "kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVX"
    "AkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+"
    "scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";
const QByteArray kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

SigV4Scope suiteScope()
{
    return {QStringLiteral("us-east-1"), QStringLiteral("service"),
            QDateTime(QDate(2015, 8, 30), QTime(12, 36, 0), Qt::UTC)};
}

// The suite's Authorization format, with its signed headers and signature.
QByteArray authz(const QByteArray &signedHeaders, const QByteArray &signature)
{
    return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=" +
           signedHeaders + ", Signature=" + signature;
}

// "Name:value" lines as in the suite's .req files (values untrimmed, names repeated).
HeaderList parseHeaders(const QByteArray &text)
{
    HeaderList out;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) out.append({line.left(colon), line.mid(colon + 1)});
    }
    return out;
}

QByteArray header(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0) return v;
    return {};
}

} // namespace

class TestSigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suite_data();
    void suite();
    void s3DocsGetObject();
    void s3PathIsEncodedOnceAndNotNormalised();
    void s3DefaultsToUnsignedPayload();
    void queryIsSortedAndEncoded();
    void hostCarriesOnlyNonDefaultPorts();
    void refusesHeadersItSets();
    void errorsAndHeadersCarryNoSecret();
};

void TestSigV4::suite_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("wirePath"); // the request line's raw path when Qt would encode it
    QTest::addColumn<QByteArray>("headers");  // besides Host and X-Amz-Date, which the signer sets
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("canonical");    // the whole .creq, when the suite copy has it
    QTest::addColumn<QByteArray>("stringToSign"); // the whole .sts, likewise
    QTest::addColumn<QByteArray>("lines");        // lines the canonical request must contain

    const QString host = QStringLiteral("https://example.amazonaws.com");
    const QByteArray none;
    QTest::addRow("get-vanilla") << QByteArray("GET") << host + u'/' << none << none << none << none
                                 << authz("host;x-amz-date",
                                          "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
                                 << none << none << none;
    QTest::addRow("get-vanilla-query")
        << QByteArray("GET") << host + u'/' << none << none << none << none
        << authz("host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        << none << none << none;
    QTest::addRow("get-vanilla-query-order-key-case")
        << QByteArray("GET") << host + QStringLiteral("/?Param2=value2&Param1=value1") << none << none << none
        << none
        << authz("host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
        << none << none << none;
    QTest::addRow("get-vanilla-query-order-key")
        << QByteArray("GET") << host + QStringLiteral("/?Param1=value2&Param1=Value1") << none << none << none
        << none
        << authz("host;x-amz-date", "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1")
        << QByteArray(
               "GET\n/"
               "\nParam1=Value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
               "host;x-amz-date\n" +
               kEmptyHash)
        << QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                      "704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89")
        << none;
    QTest::addRow("get-vanilla-query-order-value")
        << QByteArray("GET") << host + QStringLiteral("/?Param1=value2&Param1=value1") << none << none << none
        << none
        << authz("host;x-amz-date", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694")
        << QByteArray(
               "GET\n/"
               "\nParam1=value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
               "host;x-amz-date\n" +
               kEmptyHash)
        << QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                      "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606")
        << none;
    const QString unreserved =
        QStringLiteral("-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    QTest::addRow("get-vanilla-query-unreserved")
        << QByteArray("GET") << host + QStringLiteral("/?") + unreserved + u'=' + unreserved << none << none
        << none << none
        << authz("host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197")
        << none << none << QByteArray("/");
    QTest::addRow("get-vanilla-utf8-query")
        << QByteArray("GET") << host + QStringLiteral("/?\u1234=bar") << none << none << none << none
        << authz("host;x-amz-date", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04")
        << none << none << QByteArray("%E1%88%B4=bar");
    QTest::addRow("get-header-key-duplicate")
        << QByteArray("GET") << host + u'/' << none
        << QByteArray("My-Header1:value2\nMy-Header1:value2\nMy-Header1:value1") << none << none
        << authz("host;my-header1;x-amz-date",
                 "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea")
        << none << none << QByteArray("my-header1:value2,value2,value1");
    QTest::addRow("get-header-value-trim")
        << QByteArray("GET") << host + u'/' << none
        << QByteArray("My-Header1: value1\nMy-Header2: \"a   b   c\"") << none << none
        << authz("host;my-header1;my-header2;x-amz-date",
                 "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736")
        << none << none << QByteArray("my-header1:value1\nmy-header2:\"a b c\"");
    QTest::addRow("get-utf8") << QByteArray("GET") << host + QStringLiteral("/\u1234")
                              << QStringLiteral("/\u1234").toUtf8() << none << none << none
                              << authz("host;x-amz-date",
                                       "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85")
                              << none << none << QByteArray("/%E1%88%B4");
    QTest::addRow("get-slash") << QByteArray("GET") << host + QStringLiteral("//") << none << none << none
                               << none
                               << authz("host;x-amz-date",
                                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
                               << none << none << QByteArray("/");
    QTest::addRow("get-space") << QByteArray("GET") << host + QStringLiteral("/example space/")
                               << QByteArray("/example space/") << none << none << none
                               << authz("host;x-amz-date",
                                        "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741")
                               << none << none << QByteArray("/example%20space/");
    QTest::addRow("post-vanilla") << QByteArray("POST") << host + u'/' << none << none << none << none
                                  << authz("host;x-amz-date",
                                           "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")
                                  << none << none << none;
    QTest::addRow("post-x-www-form-urlencoded")
        << QByteArray("POST") << host + u'/' << none
        << QByteArray("Content-Type:application/x-www-form-urlencoded") << QByteArray("Param1=value1") << none
        << authz("content-type;host;x-amz-date",
                 "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a")
        << QByteArray(
               "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
               "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
               "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
        << QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                      "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281")
        << none;
    // post-sts-token/post-sts-header-before: the token is a signed header.
    QTest::addRow("post-sts-header-before")
        << QByteArray("POST") << host + u'/' << none << none << none << kSuiteToken
        << authz("host;x-amz-date;x-amz-security-token",
                 "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead")
        << none << none << QByteArray("x-amz-security-token:" + kSuiteToken);
}

void TestSigV4::suite()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, url);
    QFETCH(QByteArray, wirePath);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, canonical);
    QFETCH(QByteArray, stringToSign);
    QFETCH(QByteArray, lines);

    SigV4Request request;
    request.method = method;
    request.url = QUrl(url);
    request.wirePath = wirePath;
    request.headers = parseHeaders(headers);
    request.payloadHash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    AwsCredentials keys = kSuiteKeys;
    keys.sessionToken = QString::fromLatin1(token);

    const Result<SigV4Signed> signedRequest = signSigV4(request, keys, suiteScope());
    QVERIFY2(signedRequest.ok(),
             qPrintable(signedRequest.ok() ? QString() : signedRequest.error().toString()));
    const QByteArray creq = signedRequest->canonicalRequest;
    if (!canonical.isEmpty()) QCOMPARE(creq, canonical);
    if (!stringToSign.isEmpty()) QCOMPARE(signedRequest->stringToSign, stringToSign);
    const QList<QByteArray> creqLines = creq.split('\n');
    for (const QByteArray &line : lines.split('\n'))
        if (!line.isEmpty())
            QVERIFY2(creqLines.contains(line),
                     qPrintable(QString::fromUtf8("missing line " + line + " in\n" + creq)));
    QCOMPARE(header(signedRequest->headers, "Authorization"), authorization);
    QCOMPARE(header(signedRequest->headers, "X-Amz-Date"), QByteArray("20150830T123600Z"));
    QCOMPARE(header(signedRequest->headers, "X-Amz-Security-Token"), token);
    // Not S3: no x-amz-content-sha256 (the suite's signed headers would differ).
    QVERIFY(header(signedRequest->headers, "X-Amz-Content-Sha256").isEmpty());
}

void TestSigV4::s3DocsGetObject()
{
    SigV4Request request;
    request.url = QUrl(QStringLiteral("https://examplebucket.s3.amazonaws.com/test.txt"));
    request.headers = {{"Range", "bytes=0-9"}};
    request.payloadHash = kEmptyHash;
    const AwsCredentials keys{QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                              QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                              {},
                              {}};
    const SigV4Scope scope{QStringLiteral("us-east-1"), QStringLiteral("s3"),
                           QDateTime(QDate(2013, 5, 24), QTime(0, 0, 0), Qt::UTC)};
    const Result<SigV4Signed> s = signSigV4(request, keys, scope);
    QVERIFY(s.ok());
    QCOMPARE(s->canonicalRequest,
             QByteArray("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                        "x-amz-content-sha256:" +
                        kEmptyHash +
                        "\nx-amz-date:20130524T000000Z\n\n"
                        "host;range;x-amz-content-sha256;x-amz-date\n" +
                        kEmptyHash));
    QCOMPARE(s->stringToSign,
             QByteArray("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
    QCOMPARE(
        header(s->headers, "Authorization"),
        QByteArray("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                   "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                   "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    QCOMPARE(header(s->headers, "X-Amz-Content-Sha256"), kEmptyHash);
}

void TestSigV4::s3PathIsEncodedOnceAndNotNormalised()
{
    // S3 signs the key as stored: a space is %20 (not %2520), '+' is %2B, "//" and "." stay.
    const QUrl url(QStringLiteral("http://127.0.0.1:9000/bucket/a b/c+d//./e%2Bf"));
    QCOMPARE(sigV4CanonicalPath(url.path(QUrl::FullyEncoded).toUtf8(), SigV4PathStyle::S3),
             QByteArray("/bucket/a%20b/c%2Bd//./e%2Bf"));
    // The generic style encodes the sent path again and normalises it.
    QCOMPARE(sigV4CanonicalPath("/a%20b//./c/../d/", SigV4PathStyle::Generic), QByteArray("/a%2520b/d/"));
    QCOMPARE(sigV4CanonicalPath("", SigV4PathStyle::S3), QByteArray("/"));
    // And the signer picks that style for "s3" only.
    SigV4Request request;
    request.url = url;
    const Result<SigV4Signed> s = signSigV4(
        request, kSuiteKeys, {QStringLiteral("us-east-1"), QStringLiteral("s3"), suiteScope().time});
    QVERIFY(s.ok());
    QCOMPARE(s->canonicalRequest.split('\n').value(1), QByteArray("/bucket/a%20b/c%2Bd//./e%2Bf"));
}

void TestSigV4::s3DefaultsToUnsignedPayload()
{
    SigV4Request request;
    request.url = QUrl(QStringLiteral("https://b.s3.amazonaws.com/k"));
    const SigV4Scope scope{QStringLiteral("eu-west-1"), QStringLiteral("s3"),
                           QDateTime::currentDateTimeUtc()};
    const Result<SigV4Signed> s = signSigV4(request, kSuiteKeys, scope);
    QVERIFY(s.ok());
    QCOMPARE(header(s->headers, "X-Amz-Content-Sha256"), QByteArray("UNSIGNED-PAYLOAD"));
    QVERIFY(s->canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD"));
    QCOMPARE(s->signedHeaders, QByteArray("host;x-amz-content-sha256;x-amz-date"));
}

void TestSigV4::queryIsSortedAndEncoded()
{
    // A ListObjectsV2 URL as S3Listing builds it: '/' and ' ' encoded, %20 rather than '+'.
    const QUrl url(
        QStringLiteral("https://b.s3.amazonaws.com/?list-type=2&prefix=a%20b%2Fc%2B/&delimiter=/&x"));
    QCOMPARE(sigV4CanonicalQuery(url), QByteArray("delimiter=%2F&list-type=2&prefix=a%20b%2Fc%2B%2F&x="));
    // A bare '+' is a space to S3.
    QCOMPARE(sigV4CanonicalQuery(QUrl(QStringLiteral("https://h/?q=a+b"))), QByteArray("q=a%20b"));
}

void TestSigV4::hostCarriesOnlyNonDefaultPorts()
{
    QCOMPARE(sigV4HostHeader(QUrl(QStringLiteral("http://127.0.0.1:9000/x"))), QByteArray("127.0.0.1:9000"));
    QCOMPARE(sigV4HostHeader(QUrl(QStringLiteral("https://Example.COM:443/"))), QByteArray("example.com"));
    QCOMPARE(sigV4HostHeader(QUrl(QStringLiteral("http://h:80/"))), QByteArray("h"));
    QCOMPARE(sigV4HostHeader(QUrl(QStringLiteral("http://h:443/"))), QByteArray("h:443"));
}

void TestSigV4::refusesHeadersItSets()
{
    for (const QByteArray name : {"Host", "authorization", "X-Amz-Date", "x-amz-security-token"}) {
        SigV4Request request;
        request.url = QUrl(QStringLiteral("https://b.s3.amazonaws.com/k"));
        request.headers = {{name, "x"}};
        const Result<SigV4Signed> s = signSigV4(request, kSuiteKeys, suiteScope());
        QVERIFY2(!s.ok(), name.constData());
        QVERIFY(s.error().what.contains(QString::fromLatin1(name)));
    }
}

void TestSigV4::errorsAndHeadersCarryNoSecret()
{
    const QString secret = kSuiteKeys.secretAccessKey;
    SigV4Request request;
    request.url = QUrl(QStringLiteral("https://b.s3.amazonaws.com/k"));
    AwsCredentials keys = kSuiteKeys;
    keys.sessionToken = QString::fromLatin1(kSuiteToken);
    const Result<SigV4Signed> s = signSigV4(request, keys, suiteScope());
    QVERIFY(s.ok());
    for (const auto &[name, value] : s->headers)
        QVERIFY(!value.contains(secret.toUtf8()));
    QVERIFY(!s->canonicalRequest.contains(secret.toUtf8()));
    QVERIFY(!s->stringToSign.contains(secret.toUtf8()));

    // Every refusal: no key id, a conflicting header, no region, no host.
    QList<Error> errors;
    AwsCredentials noId = keys;
    noId.accessKeyId.clear();
    errors << signSigV4(request, noId, suiteScope()).error();
    SigV4Request conflicting = request;
    conflicting.headers = {{"Authorization", "x"}};
    errors << signSigV4(conflicting, keys, suiteScope()).error();
    errors << signSigV4(request, keys, SigV4Scope{{}, QStringLiteral("s3"), QDateTime::currentDateTimeUtc()})
                  .error();
    SigV4Request noHost;
    errors << signSigV4(noHost, keys, suiteScope()).error();
    for (const Error &e : errors) {
        QVERIFY(!e.toString().contains(secret));
        QVERIFY(!e.toString().contains(QString::fromLatin1(kSuiteToken)));
    }
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
