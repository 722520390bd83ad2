// Credentials for plain HTTP stores and what of a URL may be shown: ~/.netrc as curl reads it,
// basic auth from URL userinfo or netrc, --header parsing, displayUrl/displayLocation/redactSecrets.

#include "auth/Redaction.h"
#include "auth/http/BasicAuth.h"
#include "auth/http/HeaderOption.h"
#include "auth/http/Netrc.h"

#include <QTemporaryDir>
#include <QTest>

using namespace zs;

class TestHttpAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void netrcFind_data();
    void netrcFind();
    void netrcSyntaxErrors_data();
    void netrcSyntaxErrors();
    void netrcFile();
    void basicHeader_data();
    void basicHeader();
    void headerOption_data();
    void headerOption();
    void headerOptionsNameTheBadOne();
    void displayUrl_data();
    void displayUrl();
    void displayLocation_data();
    void displayLocation();
    void redactSecrets_data();
    void redactSecrets();
};

void TestHttpAuth::netrcFind_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    const QByteArray two = "machine a.com login a password pa\nmachine b.com login b password pb\n";
    QTest::addRow("one line") << QByteArray("machine example.com login daniel password qwerty")
                              << "example.com"
                              << "" << true << "daniel"
                              << "qwerty";
    QTest::addRow("across lines, tabs, CRLF")
        << QByteArray("machine h\r\n\tlogin u\r\n\tpassword pw\r\n") << "h"
        << "" << true << "u"
        << "pw";
    QTest::addRow("host case-insensitive") << two << "B.COM"
                                           << "" << true << "b"
                                           << "pb";
    QTest::addRow("second machine") << two << "b.com"
                                    << "" << true << "b"
                                    << "pb";
    QTest::addRow("no match, no default") << two << "c.com"
                                          << "" << false << ""
                                          << "";
    QTest::addRow("default for other hosts") << two + "default login anon password guest"
                                             << "c.com"
                                             << "" << true << "anon"
                                             << "guest";
    QTest::addRow("machine over default") << "default login anon password guest\n" + two << "a.com"
                                          << "" << true << "a"
                                          << "pa";
    QTest::addRow("the URL's user picks the entry")
        << QByteArray("machine h login a password pa\nmachine h login b password pb") << "h"
        << "b" << true << "b"
        << "pb";
    QTest::addRow("the URL's user not listed") << QByteArray("machine h login a password pa") << "h"
                                               << "z" << false << ""
                                               << "";
    QTest::addRow("quoted values with escapes")
        << QByteArray(R"(machine h login "my user" password "p a\"s\\s\tx")") << "h"
        << "" << true << "my user"
        << "p a\"s\\s\tx";
    QTest::addRow("comment line")
        << QByteArray("# machine h login evil password evil\nmachine h login u password pw") << "h"
        << "" << true << "u"
        << "pw";
    QTest::addRow("comment after the tokens")
        << QByteArray("machine h login u password pw # password other\n") << "h"
        << "" << true << "u"
        << "pw";
    QTest::addRow("'#' inside a password") << QByteArray("machine h login u password pa#ss") << "h"
                                           << "" << true << "u"
                                           << "pa#ss";
    QTest::addRow("quoted '#' is no comment") << QByteArray("machine h login u password \"#pw\"") << "h"
                                              << "" << true << "u"
                                              << "#pw";
    QTest::addRow("account ignored") << QByteArray("machine h login u account acct password pw") << "h"
                                     << "" << true << "u"
                                     << "pw";
    const QByteArray macro =
        "machine h login u password pw\nmacdef init\ncd /pub\nmachine m login x password y\n\n"
        "machine other login o password po\n";
    QTest::addRow("before a macdef") << macro << "h"
                                     << "" << true << "u"
                                     << "pw";
    QTest::addRow("inside a macdef body") << macro << "m"
                                          << "" << false << ""
                                          << "";
    QTest::addRow("after a macdef's empty line") << macro << "other"
                                                 << "" << true << "o"
                                                 << "po";
}

void TestHttpAuth::netrcFind()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(bool, found);
    QFETCH(QString, login);
    QFETCH(QString, password);
    const auto netrc = parseNetrc(text, QStringLiteral(".netrc"));
    QVERIFY2(netrc.ok(), qPrintable(netrc.ok() ? QString() : netrc.error().toString()));
    const auto entry = netrc->find(host, user);
    QCOMPARE(entry.has_value(), found);
    if (!found) return;
    QCOMPARE(entry->login, login);
    QCOMPARE(entry->password, password);
}

void TestHttpAuth::netrcSyntaxErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("quote not closed")
        << QByteArray("machine h\nlogin u password \"secret") << ".netrc line 2";
    QTest::addRow("password without value") << QByteArray("machine h login u\n\npassword") << ".netrc line 3";
    QTest::addRow("machine without value") << QByteArray("machine") << "\"machine\" without a value";
}

void TestHttpAuth::netrcSyntaxErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto netrc = parseNetrc(text, QStringLiteral(".netrc"));
    QVERIFY(!netrc.ok());
    QVERIFY2(netrc.error().toString().contains(expected), qPrintable(netrc.error().toString()));
    QVERIFY(!netrc.error().toString().contains(QStringLiteral("secret")));
}

void TestHttpAuth::netrcFile()
{
    QProcessEnvironment env;
    QCOMPARE(netrcPath(env), QString());
    env.insert(QStringLiteral("HOME"), QStringLiteral("/home/u"));
    QCOMPARE(netrcPath(env), QStringLiteral("/home/u/.netrc"));
    env.insert(QStringLiteral("NETRC"), QStringLiteral("/etc/other-netrc"));
    QCOMPARE(netrcPath(env), QStringLiteral("/etc/other-netrc"));

    QTemporaryDir dir;
    const auto missing = readNetrc(dir.filePath(QStringLiteral("none")));
    QVERIFY(missing.ok());
    QVERIFY(missing->entries.isEmpty());
    QFile file(dir.filePath(QStringLiteral("netrc")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("machine h login u password pw\n");
    file.close();
    const auto read = readNetrc(file.fileName());
    QVERIFY(read.ok());
    QCOMPARE(read->find(QStringLiteral("h"))->password, QStringLiteral("pw"));
}

void TestHttpAuth::basicHeader_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QByteArray>("netrc");
    QTest::addColumn<QByteArray>("userPassword"); // what the header encodes; empty: no header
    QTest::addColumn<QString>("error");
    const QByteArray netrc = "machine host login n password np\nmachine host login b password pb\n";
    QTest::addRow("URL user and password")
        << QUrl("https://user:secret@host/x") << QByteArray() << QByteArray("user:secret") << "";
    QTest::addRow("percent-encoded userinfo") << QUrl("https://us%40er:p%3Ass%2Fw%25d%20x@host/x")
                                              << QByteArray() << QByteArray("us@er:p:ss/w%d x") << "";
    QTest::addRow("UTF-8 user") << QUrl("https://j%C3%BCrgen:pw@host/x") << QByteArray()
                                << QByteArray("j\xc3\xbcrgen:pw") << "";
    QTest::addRow("URL over netrc") << QUrl("https://user:secret@host/x") << netrc
                                    << QByteArray("user:secret") << "";
    QTest::addRow("netrc for the host") << QUrl("https://host/x") << netrc << QByteArray("n:np") << "";
    QTest::addRow("netrc password for the URL's user")
        << QUrl("https://b@host/x") << netrc << QByteArray("b:pb") << "";
    QTest::addRow("URL user alone") << QUrl("https://solo@other/x") << netrc << QByteArray("solo:") << "";
    QTest::addRow("nothing for this host") << QUrl("https://other/x") << netrc << QByteArray() << "";
    QTest::addRow("colon in the user name")
        << QUrl("https://a%3Ab:pw@host/x") << QByteArray() << QByteArray() << "contains ':'";
}

void TestHttpAuth::basicHeader()
{
    QFETCH(QUrl, url);
    QFETCH(QByteArray, netrc);
    QFETCH(QByteArray, userPassword);
    QFETCH(QString, error);
    QVERIFY(url.isValid());
    const auto parsed = parseNetrc(netrc, QStringLiteral("~/.netrc"));
    QVERIFY(parsed.ok());
    const auto credentials = basicCredentialsFor(url, *parsed, QStringLiteral("~/.netrc"));
    if (userPassword.isEmpty() && error.isEmpty()) {
        QVERIFY(!credentials);
        return;
    }
    QVERIFY(credentials);
    const auto header = basicAuthorizationHeader(*credentials);
    if (!error.isEmpty()) {
        QVERIFY(!header.ok());
        QVERIFY2(header.error().toString().contains(error), qPrintable(header.error().toString()));
        QVERIFY(!header.error().toString().contains(QStringLiteral("pw")));
        return;
    }
    QVERIFY(header.ok());
    QCOMPARE(header->first, QByteArray("Authorization"));
    QCOMPARE(header->second, "Basic " + userPassword.toBase64());
}

void TestHttpAuth::headerOption_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("error");
    QTest::addRow("name and value") << "X-Api-Key: abc123" << QByteArray("X-Api-Key") << QByteArray("abc123")
                                    << "";
    QTest::addRow("no space after the colon")
        << "Authorization:Bearer t" << QByteArray("Authorization") << QByteArray("Bearer t") << "";
    QTest::addRow("spaces trimmed") << "X-Pad:   v w  " << QByteArray("X-Pad") << QByteArray("v w") << "";
    QTest::addRow("colon in the value")
        << "X-Time: 12:30" << QByteArray("X-Time") << QByteArray("12:30") << "";
    QTest::addRow("empty value") << "X-Empty:" << QByteArray("X-Empty") << QByteArray() << "";
    QTest::addRow("token characters")
        << "X_a.b~c!#$%&'*+^`|: 1" << QByteArray("X_a.b~c!#$%&'*+^`|") << QByteArray("1") << "";
    QTest::addRow("no colon") << "X-Api-Key secretvalue" << QByteArray() << QByteArray() << "no colon";
    QTest::addRow("no name") << ": secretvalue" << QByteArray() << QByteArray() << "no name";
    QTest::addRow("space in the name") << "X Api: secretvalue" << QByteArray() << QByteArray()
                                       << "\"X\" is followed by a character a header name cannot have: ' '";
    // The colon forgotten after the name but present in the token: the name stops at the space.
    QTest::addRow("colon missing after the name") << "Authorization Bearer secretvalue:x" << QByteArray()
                                                  << QByteArray() << "\"Authorization\" is followed";
    QTest::addRow("space before the colon") << "X-Api : secretvalue" << QByteArray() << QByteArray() << "' '";
    QTest::addRow("parenthesis in the name") << "X(y): secretvalue" << QByteArray() << QByteArray() << "'('";
    QTest::addRow("non-ASCII name") << "X-Gr\u00fc\u00dfe: secretvalue" << QByteArray() << QByteArray()
                                    << "cannot have";
    QTest::addRow("a second header smuggled")
        << "X-A: secretvalue\r\nX-B: b" << QByteArray() << QByteArray() << "line break";
    QTest::addRow("Host is the connection's")
        << "Host: secretvalue" << QByteArray() << QByteArray() << "set by the HTTP connection";
    QTest::addRow("Content-Length too")
        << "content-length: 5" << QByteArray() << QByteArray() << "set by the HTTP";
}

void TestHttpAuth::headerOption()
{
    QFETCH(QString, option);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, error);
    const auto header = parseHeaderOption(option);
    if (error.isEmpty()) {
        QVERIFY2(header.ok(), qPrintable(header.ok() ? QString() : header.error().toString()));
        QCOMPARE(header->first, name);
        QCOMPARE(header->second, value);
        return;
    }
    QVERIFY(!header.ok());
    const QString message = header.error().toString();
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("--header")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("secretvalue")), qPrintable(message));
}

void TestHttpAuth::headerOptionsNameTheBadOne()
{
    const auto good = parseHeaderOptions({QStringLiteral("A: 1"), QStringLiteral("B: 2")});
    QVERIFY(good.ok());
    QCOMPARE(*good, (HeaderList{{"A", "1"}, {"B", "2"}}));
    const auto bad = parseHeaderOptions({QStringLiteral("A: 1"), QStringLiteral("B 2")});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().where, QStringLiteral("--header #2"));
}

void TestHttpAuth::displayUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    QTest::addRow("user and password") << "https://user:pw@host/data.zarr"
                                       << "https://host/data.zarr";
    QTest::addRow("user alone") << "https://user@host:8443/data.zarr"
                                << "https://host:8443/data.zarr";
    QTest::addRow("Azure SAS") << "https://acct.blob.core.windows.net/c/"
                                  "d.zarr?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z"
                                  "&st=2025-12-01T00:00:00Z&spr=https&sig=abc%2Bdef%3D"
                               << "https://acct.blob.core.windows.net/c/"
                                  "d.zarr?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z"
                                  "&st=2025-12-01T00:00:00Z&spr=https";
    QTest::addRow("presigned S3")
        << "https://b.s3.amazonaws.com/d.zarr/zarr.json?X-Amz-Algorithm=AWS4-HMAC-SHA256"
           "&X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date="
           "20260101T000000Z"
           "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE"
           "&X-Amz-Signature=deadbeef0123"
        << "https://b.s3.amazonaws.com/d.zarr/"
           "zarr.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z"
           "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host";
    QTest::addRow("GCS access_token") << "https://storage.googleapis.com/b/o?access_token=ya29.x&alt=media"
                                      << "https://storage.googleapis.com/b/o?alt=media";
    QTest::addRow("generic names, any case")
        << "https://h/x?Token=a&KEY=b&page=2&password=c&Signature=d&secret=e"
        << "https://h/x?page=2";
    QTest::addRow("only secrets: no '?' left") << "https://h/x?sig=abc"
                                               << "https://h/x";
    QTest::addRow("encoded name still caught") << "https://h/x?%73ig=abc&a=1"
                                               << "https://h/x?a=1";
    QTest::addRow("encoded '&' in a kept value") << "https://h/x?q=a%26b&sig=x"
                                                 << "https://h/x?q=a%26b";
    QTest::addRow("keys that merely contain a secret's name") << "https://h/x?keyword=1&tokens=2&monkey=3"
                                                              << "https://h/x?keyword=1&tokens=2&monkey=3";
    QTest::addRow("plain URL unchanged") << "https://example.com/data.zarr?version=3#top"
                                         << "https://example.com/data.zarr?version=3#top";
    QTest::addRow("s3 URL unchanged") << "s3://bucket/prefix/data.zarr"
                                      << "s3://bucket/prefix/data.zarr";
    QTest::addRow("userinfo and SAS together") << "https://u:p@h/x?sv=1&sig=s"
                                               << "https://h/x?sv=1";
}

void TestHttpAuth::displayUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    QCOMPARE(zs::displayUrl(QUrl(url)), shown);
}

void TestHttpAuth::displayLocation_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");
    QTest::addRow("absolute path") << "/data/x.zarr"
                                   << "/data/x.zarr";
    QTest::addRow("relative path") << "x.zarr"
                                   << "x.zarr";
    QTest::addRow("path with '@', ':' and '?'") << "/home/u/a:b@c?.zarr"
                                                << "/home/u/a:b@c?.zarr";
    QTest::addRow("Windows path") << "C:\\data\\x.zarr"
                                  << "C:\\data\\x.zarr";
    QTest::addRow("URL with userinfo") << "https://user:pw@host/x.zarr"
                                       << "https://host/x.zarr";
    QTest::addRow("URL with SAS") << "https://h/c/x.zarr?sp=r&sig=abc"
                                  << "https://h/c/x.zarr?sp=r";
    QTest::addRow("password with '/' (QUrl gives up)") << "https://user:pa/ss@host/x.zarr"
                                                       << "https://host/x.zarr";
    QTest::addRow("password with '#'") << "https://user:pa#ss@host/x.zarr"
                                       << "https://host/x.zarr";
    QTest::addRow("password with '?'") << "https://user:pa?ss@host/x.zarr"
                                       << "https://host/x.zarr";
    QTest::addRow("file URL") << "file:///data/x.zarr"
                              << "file:///data/x.zarr";
}

void TestHttpAuth::displayLocation()
{
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    QCOMPARE(zs::displayLocation(typed), shown);
}

void TestHttpAuth::redactSecrets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << "denied for s3cr3t" << QStringList{"s3cr3t"} << "denied for ***";
    QTest::addRow("percent-encoded form")
        << "GET /x?sig=a%2Bb%3D failed" << QStringList{"a+b="} << "GET /x?sig=*** failed";
    QTest::addRow("longest first") << "abcdef then abc" << QStringList{"abc", "abcdef"} << "*** then ***";
    QTest::addRow("every occurrence") << "t t t" << QStringList{"t"} << "*** *** ***";
    QTest::addRow("empty secret ignored") << "text" << QStringList{QString()} << "text";
    QTest::addRow("nothing to hide") << "HTTP 403 AccessDenied" << QStringList{"secret"}
                                     << "HTTP 403 AccessDenied";
}

void TestHttpAuth::redactSecrets()
{
    QFETCH(QString, text);
    QFETCH(QStringList, secrets);
    QFETCH(QString, expected);
    QCOMPARE(zs::redactSecrets(text, secrets), expected);
}

QTEST_GUILESS_MAIN(TestHttpAuth)
#include "tst_http_auth.moc"
