// The AWS credential chain (AwsCredentialChain, AwsConfigFiles, AwsCredentialProcess) from a
// temporary home and explicit environment maps: each step of the CLI's order, [profile x]
// sections, the region's order, endpoint_url, credential_process through small scripts, the
// refresh window, and errors that name the file and profile but never a secret.

#include "auth/aws/AwsConfigFiles.h"
#include "auth/aws/AwsCredentialChain.h"
#include "auth/aws/AwsCredentialProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace zs;

namespace {

const QString kSecret = QStringLiteral("fileSECRETdoNotShow0123456789");
const QString kConfigSecret = QStringLiteral("configSECRETdoNotShow98765");
const QString kEnvSecret = QStringLiteral("envSECRETdoNotShow555");
const QString kToken = QStringLiteral("TOKENdoNotShowAQoDYXdz");

void write(const QString &path, const QByteArray &text, bool executable = false)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    if (executable) f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ReadOwner);
}

void assertNoSecret(const QString &text)
{
    for (const QString &s : {kSecret, kConfigSecret, kEnvSecret, kToken})
        QVERIFY2(!text.contains(s), qPrintable(QStringLiteral("a secret leaked into: ") + text));
}

} // namespace

class TestAwsCredentials : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    AwsChainInput input() const
    {
        AwsChainInput in;
        in.homeDir = m_home.path();
        return in;
    }
    Result<AwsChainResult> resolve(const AwsChainInput &in)
    {
        Result<AwsChainResult> r = resolveAwsCredentials(in);
        if (r.ok())
            assertNoSecret(r->source + r->regionSource);
        else
            assertNoSecret(r.error().toString());
        return r;
    }

private Q_SLOTS:
    void initTestCase();
    void parsesIniLikeTheCli();
    void order_data();
    void order();
    void region_data();
    void region();
    void endpointUrl();
    void fileOverrides();
    void unknownProfileIsAnError();
    void keyIdWithoutSecretIsAnError();
    void credentialProcess();
    void credentialProcessFailures_data();
    void credentialProcessFailures();
    void commandLineSplitting();
    void refreshWindow();
};

void TestAwsCredentials::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".aws")));
    write(m_home.filePath(QStringLiteral(".aws/credentials")),
          "# written by aws configure\n"
          "[default]\n"
          "aws_access_key_id = AKIDDEFAULT\n"
          "aws_secret_access_key = " +
              kSecret.toUtf8() +
              "\n"
              "\n"
              "[research]\n"
              "  aws_access_key_id=AKIDRESEARCH  \n" // indented but first: a key, not a continuation
              "aws_secret_access_key=" +
              kSecret.toUtf8() +
              "\n"
              "aws_session_token = " +
              kToken.toUtf8() +
              "\n"
              "; a comment\n"
              "[halfkey]\n"
              "aws_access_key_id = AKIDHALF\n");
    write(m_home.filePath(QStringLiteral(".aws/config")),
          "[default]\n"
          "region = eu-west-2\n"
          "[profile research]\n"
          "region = us-west-2\n"
          "endpoint_url = http://127.0.0.1:9000\n"
          "s3 =\n"
          "  endpoint_url = http://nested.example\n"
          "  max_concurrent_requests = 4\n"
          "[profile confkeys]\n"
          "aws_access_key_id = AKIDCONFIG\n"
          "aws_secret_access_key = " +
              kConfigSecret.toUtf8() +
              "\n"
              "[profile proc]\n"
              "credential_process = /bin/echo hello\n"
              "[confonly]\n" // not a profile in config: no "profile " prefix
              "aws_access_key_id = AKIDIGNORED\n"
              "aws_secret_access_key = x\n"
              "[sso-session corp]\n"
              "sso_region = us-east-1\n");
}

void TestAwsCredentials::parsesIniLikeTheCli()
{
    const auto config =
        parseAwsProfiles("[default]\nregion=a\n[profile  x ]\n# c\nregion = b \n[sso-session s]\nk=v\n"
                         "[profile y]\ns3 =\n    endpoint_url = http://e\nregion = c\n",
                         AwsFileKind::Config);
    QCOMPARE(config.keys().size(), 3);
    QCOMPARE(config.value(QStringLiteral("default")).value(QStringLiteral("region")), QStringLiteral("a"));
    QCOMPARE(config.value(QStringLiteral("x")).value(QStringLiteral("region")), QStringLiteral("b"));
    // The nested block does not swallow the key after it.
    QCOMPARE(config.value(QStringLiteral("y")).value(QStringLiteral("region")), QStringLiteral("c"));
    QCOMPARE(config.value(QStringLiteral("y")).value(QStringLiteral("s3.endpoint_url")),
             QStringLiteral("http://e"));
    QVERIFY(!config.value(QStringLiteral("y")).contains(QStringLiteral("endpoint_url")));
    // In credentials, "[profile x]" is literally named so.
    const auto creds = parseAwsProfiles("[profile x]\naws_access_key_id=a\n", AwsFileKind::Credentials);
    QVERIFY(creds.contains(QStringLiteral("profile x")));
}

void TestAwsCredentials::order_data()
{
    QTest::addColumn<QString>("profileFlag");
    QTest::addColumn<bool>("anonymous");
    QTest::addColumn<QStringList>("env"); // NAME=VALUE
    QTest::addColumn<QString>("keyId");   // empty: no credentials
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("process");

    const QStringList envKeys{QStringLiteral("AWS_ACCESS_KEY_ID=AKIDENV"),
                              QStringLiteral("AWS_SECRET_ACCESS_KEY=") + kEnvSecret};
    QTest::addRow("default profile from credentials")
        << QString() << false << QStringList() << QStringLiteral("AKIDDEFAULT")
        << QStringLiteral("signed with profile default from ~/.aws/credentials") << QString();
    QTest::addRow("environment keys beat the files")
        << QString() << false << envKeys << QStringLiteral("AKIDENV")
        << QStringLiteral("signed with keys from AWS_ACCESS_KEY_ID") << QString();
    QTest::addRow("AWS_PROFILE does not beat environment keys")
        << QString() << false << (envKeys + QStringList{QStringLiteral("AWS_PROFILE=research")})
        << QStringLiteral("AKIDENV") << QStringLiteral("signed with keys from AWS_ACCESS_KEY_ID")
        << QString();
    QTest::addRow("--profile beats environment keys")
        << QStringLiteral("research") << false << envKeys << QStringLiteral("AKIDRESEARCH")
        << QStringLiteral("signed with profile research from ~/.aws/credentials") << QString();
    QTest::addRow("AWS_PROFILE selects the profile")
        << QString() << false << QStringList{QStringLiteral("AWS_PROFILE=research")}
        << QStringLiteral("AKIDRESEARCH")
        << QStringLiteral("signed with profile research from ~/.aws/credentials") << QString();
    QTest::addRow("keys in [profile x] of config")
        << QStringLiteral("confkeys") << false << QStringList() << QStringLiteral("AKIDCONFIG")
        << QStringLiteral("signed with profile confkeys from ~/.aws/config") << QString();
    QTest::addRow("credential_process") << QStringLiteral("proc") << false << envKeys << QString()
                                        << QStringLiteral("signed with credential_process of profile proc")
                                        << QStringLiteral("/bin/echo hello");
    QTest::addRow("--anonymous beats everything")
        << QStringLiteral("research") << true << envKeys << QString()
        << QStringLiteral("anonymous (--anonymous)") << QString();
}

void TestAwsCredentials::order()
{
    QFETCH(QString, profileFlag);
    QFETCH(bool, anonymous);
    QFETCH(QStringList, env);
    QFETCH(QString, keyId);
    QFETCH(QString, source);
    QFETCH(QString, process);
    AwsChainInput in = input();
    in.profileFlag = profileFlag;
    in.anonymous = anonymous;
    for (const QString &kv : env)
        in.environment.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    const Result<AwsChainResult> r = resolve(in);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->source, source);
    QCOMPARE(r->credentials ? r->credentials->accessKeyId : QString(), keyId);
    QCOMPARE(r->credentialProcess, process);
    if (keyId == u"AKIDRESEARCH") QCOMPARE(r->credentials->sessionToken, kToken);
}

void TestAwsCredentials::region_data()
{
    QTest::addColumn<QString>("profileFlag");
    QTest::addColumn<QString>("regionFlag");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("regionSource");
    const QStringList both{QStringLiteral("AWS_REGION=ap-south-1"),
                           QStringLiteral("AWS_DEFAULT_REGION=sa-east-1")};
    QTest::addRow("flag") << QString() << QStringLiteral("ca-central-1") << both
                          << QStringLiteral("ca-central-1") << QStringLiteral("--region");
    QTest::addRow("AWS_REGION") << QString() << QString() << both << QStringLiteral("ap-south-1")
                                << QStringLiteral("AWS_REGION");
    QTest::addRow("AWS_DEFAULT_REGION")
        << QString() << QString() << QStringList{both[1]} << QStringLiteral("sa-east-1")
        << QStringLiteral("AWS_DEFAULT_REGION");
    QTest::addRow("profile") << QStringLiteral("research") << QString() << QStringList()
                             << QStringLiteral("us-west-2")
                             << QStringLiteral("profile research in ~/.aws/config");
    QTest::addRow("default profile") << QString() << QString() << QStringList() << QStringLiteral("eu-west-2")
                                     << QStringLiteral("profile default in ~/.aws/config");
    QTest::addRow("nothing") << QStringLiteral("confkeys") << QString() << QStringList()
                             << QStringLiteral("us-east-1") << QStringLiteral("default");
}

void TestAwsCredentials::region()
{
    QFETCH(QString, profileFlag);
    QFETCH(QString, regionFlag);
    QFETCH(QStringList, env);
    QFETCH(QString, region);
    QFETCH(QString, regionSource);
    AwsChainInput in = input();
    in.profileFlag = profileFlag;
    in.regionFlag = regionFlag;
    for (const QString &kv : env)
        in.environment.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    const Result<AwsChainResult> r = resolve(in);
    QVERIFY(r.ok());
    QCOMPARE(r->region, region);
    QCOMPARE(r->regionSource, regionSource);
}

void TestAwsCredentials::endpointUrl()
{
    AwsChainInput in = input();
    in.profileFlag = QStringLiteral("research");
    Result<AwsChainResult> r = resolve(in);
    QVERIFY(r.ok());
    QCOMPARE(r->endpointUrl, QStringLiteral("http://127.0.0.1:9000")); // not the nested s3 one
    in.endpointFlag = QStringLiteral("http://flag.example");
    r = resolve(in);
    QCOMPARE(r->endpointUrl, QStringLiteral("http://flag.example"));
    in = input();
    r = resolve(in);
    QVERIFY(r->endpointUrl.isEmpty());
}

void TestAwsCredentials::fileOverrides()
{
    QTemporaryDir other;
    write(other.filePath(QStringLiteral("creds")),
          "[default]\naws_access_key_id=AKIDOTHER\naws_secret_access_key=s\n");
    write(other.filePath(QStringLiteral("conf")), "[default]\nregion=af-south-1\n");
    AwsChainInput in = input();
    in.environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                          other.filePath(QStringLiteral("creds")));
    in.environment.insert(QStringLiteral("AWS_CONFIG_FILE"), other.filePath(QStringLiteral("conf")));
    const Result<AwsChainResult> r = resolve(in);
    QVERIFY(r.ok());
    QCOMPARE(r->credentials->accessKeyId, QStringLiteral("AKIDOTHER"));
    QCOMPARE(r->source,
             QStringLiteral("signed with profile default from ") + other.filePath(QStringLiteral("creds")));
    QCOMPARE(r->region, QStringLiteral("af-south-1"));

    // No files at all: anonymous, us-east-1.
    QTemporaryDir empty;
    AwsChainInput bare;
    bare.homeDir = empty.path();
    const Result<AwsChainResult> a = resolve(bare);
    QVERIFY(a.ok());
    QVERIFY(a->anonymous());
    QCOMPARE(a->source, QStringLiteral("anonymous (no credentials found)"));
    QCOMPARE(a->region, QStringLiteral("us-east-1"));
}

void TestAwsCredentials::unknownProfileIsAnError()
{
    for (bool viaEnv : {false, true}) {
        AwsChainInput in = input();
        if (viaEnv)
            in.environment.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("typo"));
        else
            in.profileFlag = QStringLiteral("typo");
        in.environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDENV"));
        in.environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kEnvSecret);
        const Result<AwsChainResult> r = resolve(in);
        QVERIFY(!r.ok());
        const QString e = r.error().toString();
        QVERIFY2(e.contains(u"typo") && e.contains(u"~/.aws/credentials") && e.contains(u"~/.aws/config"),
                 qPrintable(e));
    }
    // "[confonly]" in config is not a profile (it lacks "profile ").
    AwsChainInput in = input();
    in.profileFlag = QStringLiteral("confonly");
    QVERIFY(!resolve(in).ok());
}

void TestAwsCredentials::keyIdWithoutSecretIsAnError()
{
    AwsChainInput in = input();
    in.profileFlag = QStringLiteral("halfkey");
    Result<AwsChainResult> r = resolve(in);
    QVERIFY(!r.ok());
    QVERIFY(r.error().toString().contains(u"halfkey"));
    QVERIFY(r.error().toString().contains(u"~/.aws/credentials"));

    in = input();
    in.environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDENV"));
    r = resolve(in);
    QVERIFY(!r.ok());
    QVERIFY(r.error().toString().contains(u"AWS_SECRET_ACCESS_KEY"));
    in = input();
    in.environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kEnvSecret);
    r = resolve(in);
    QVERIFY(!r.ok());
}

void TestAwsCredentials::credentialProcess()
{
    const QString script = m_home.filePath(QStringLiteral("good creds.sh"));
    write(script,
          "#!/bin/sh\n"
          "test \"$1\" = \"--role\" && test \"$2\" = \"a b\" || { echo \"bad args: $*\" >&2; exit 9; }\n"
          "printf '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"%s\", "
          "\"SessionToken\": \"%s\", "
          "\"Expiration\": \"2026-12-02T03:30:00Z\"}\\n' '" +
              kSecret.toUtf8() + "' '" + kToken.toUtf8() + "'\n",
          true);
    const Result<AwsCredentials> c =
        runCredentialProcess(QStringLiteral("'%1' --role \"a b\"").arg(script), 10000);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
    QCOMPARE(c->accessKeyId, QStringLiteral("AKIDPROC"));
    QCOMPARE(c->secretAccessKey, kSecret);
    QCOMPARE(c->sessionToken, kToken);
    QVERIFY(c->expiration);
    QCOMPARE(*c->expiration, QDateTime(QDate(2026, 12, 2), QTime(3, 30, 0), Qt::UTC));
    // Fractional seconds, as some tools print them.
    const Result<AwsCredentials> ms =
        parseCredentialProcessOutput("{\"Version\":1,\"AccessKeyId\":\"a\",\"SecretAccessKey\":\"b\","
                                     "\"Expiration\":\"2026-12-02T03:30:00.250Z\"}",
                                     QStringLiteral("test"));
    QVERIFY(ms.ok());
    QCOMPARE(ms->expiration->time().msec(), 250);
}

void TestAwsCredentials::credentialProcessFailures_data()
{
    QTest::addColumn<QByteArray>("body"); // the script after #!/bin/sh
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QString>("expected"); // in the error
    const QByteArray secretJson =
        "{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"" + kSecret.toUtf8() + "\"";
    QTest::addRow("non-zero exit") << QByteArray("echo '" + secretJson +
                                                 "'\necho 'token expired, run sso login' >&2\n"
                                                 "echo 'second line' >&2\nexit 3\n")
                                   << 10000 << QStringLiteral("exited with 3: token expired, run sso login");
    QTest::addRow("bad JSON") << QByteArray("echo '" + secretJson + "'\n") << 10000
                              << QStringLiteral("printed no JSON object");
    QTest::addRow("wrong version")
        << QByteArray("echo '{\"Version\": 2, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"" +
                      kSecret.toUtf8() + "\"}'\n")
        << 10000 << QStringLiteral("Version 2, expected 1");
    QTest::addRow("no keys") << QByteArray("echo '{\"Version\": 1}'\n") << 10000
                             << QStringLiteral("no AccessKeyId or SecretAccessKey");
    QTest::addRow("bad expiration") << QByteArray("echo '" + secretJson +
                                                  ", \"Expiration\": \"tomorrow\"}'\n")
                                    << 10000 << QStringLiteral("not ISO 8601");
    QTest::addRow("timeout") << QByteArray("exec sleep 30\n") << 300
                             << QStringLiteral("timed out after 300 ms");
}

void TestAwsCredentials::credentialProcessFailures()
{
    QFETCH(QByteArray, body);
    QFETCH(int, timeoutMs);
    QFETCH(QString, expected);
    const QString script = m_home.filePath(QStringLiteral("fail.sh"));
    write(script, "#!/bin/sh\n" + body, true);
    QElapsedTimer t;
    t.start();
    const Result<AwsCredentials> c = runCredentialProcess(script, timeoutMs);
    QVERIFY(!c.ok());
    const QString e = c.error().toString();
    QVERIFY2(e.contains(expected), qPrintable(e));
    QVERIFY2(e.contains(script), qPrintable(e)); // where: the program
    assertNoSecret(e);
    QVERIFY(t.elapsed() < 10000);

    QVERIFY(!runCredentialProcess(m_home.filePath(QStringLiteral("does-not-exist")), 2000).ok());
}

void TestAwsCredentials::commandLineSplitting()
{
    const Result<QStringList> words =
        splitAwsCommandLine(QStringLiteral("  /usr/bin/tool 'a b' \"c \\\"d\\\" \\x\" e\\ f g''h $HOME  "));
    QVERIFY(words.ok());
    QCOMPARE(*words, (QStringList{QStringLiteral("/usr/bin/tool"), QStringLiteral("a b"),
                                  QStringLiteral("c \"d\" \\x"), QStringLiteral("e f"), QStringLiteral("gh"),
                                  QStringLiteral("$HOME")}));
    QVERIFY(!splitAwsCommandLine(QStringLiteral("tool 'open")).ok());
    QVERIFY(!splitAwsCommandLine(QStringLiteral("   ")).ok());
}

void TestAwsCredentials::refreshWindow()
{
    const QDateTime now(QDate(2026, 12, 2), QTime(3, 0, 0), Qt::UTC);
    AwsCredentials c{QStringLiteral("a"), QStringLiteral("b"), {}, {}};
    QVERIFY(!needsRefresh(c, now)); // long-term keys never expire
    c.expiration = now.addSecs(10 * 60);
    QVERIFY(!needsRefresh(c, now));
    c.expiration = now.addSecs(5 * 60 + 1);
    QVERIFY(!needsRefresh(c, now));
    c.expiration = now.addSecs(5 * 60);
    QVERIFY(needsRefresh(c, now));
    c.expiration = now.addSecs(-60);
    QVERIFY(needsRefresh(c, now));
}

QTEST_GUILESS_MAIN(TestAwsCredentials)
#include "tst_aws_credentials.moc"
