// zarrscope-cli on a private S3 bucket (issue 17): s3rver in private mode (tests/net/
// s3rver_private.mjs verifies every Signature V4 with a secret of the test's own) serving a store
// zarr-python wrote. Each source of the AWS credential chain in turn reads it with ls, info, get,
// bench and export; unsigned and wrong-secret runs fail once and clearly; an expired session token
// is renewed by re-running credential_process; a bucket in another region is followed once.
// No secret (secret key, session token) may appear in any output.

#include "PrivateCliSupport.h"
#include "S3rverProcess.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace zstest;

namespace {

const QString kBucket = QStringLiteral("lab");
const QString kPrefix = QStringLiteral("runs/private.zarr");
const QString kSecret = QStringLiteral("s3cr3t-Key-of-the-lab-x17");
const QString kToken = QStringLiteral("FwoGZXIvYXdzEXAMPLEsessionTOKENvalid");
const QString kExpiredToken = QStringLiteral("FwoGZXIvYXdzEXAMPLEsessionTOKENexpired");

// The gate's log lines ("STATUS CODE METHOD URL") so far.
QStringList gateLog(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

// A credential_process script: prints `firstToken` on its first run and kToken after, counting
// its runs in `counter`; the answer expires in an hour, so only a refusal makes it run again.
QByteArray credentialScript(const QString &counter, const QString &firstToken)
{
    const QString expiry = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    return QStringLiteral(
               "#!/bin/sh\n"
               "n=$(cat '%1' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '%1'\n"
               "token=%2; [ $n -gt 1 ] && token=%3\n"
               "printf '{\"Version\": 1, \"AccessKeyId\": \"S3RVER\", \"SecretAccessKey\": \"%4\", "
               "\"SessionToken\": \"%s\", \"Expiration\": \"%5\"}\\n' \"$token\"\n")
        .arg(counter, firstToken, kToken, kSecret, expiry)
        .toUtf8();
}

} // namespace

class TestCliPrivateS3 : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PrivateFixture m_fixture;
    S3rverProcess m_s3;
    QString m_log;
    int m_home = 0;

    // A fresh empty home folder for one run's ~/.aws.
    QString newHome()
    {
        QString home = m_dir.filePath(QStringLiteral("home%1").arg(++m_home));
        QDir().mkpath(home);
        return home;
    }
    PrivateTarget target(const QString &home, const QString &endpoint) const
    {
        return PrivateTarget{QStringLiteral("s3://%1/%2").arg(kBucket, kPrefix),
                             {QStringLiteral("--s3-endpoint"), endpoint},
                             environmentWithoutCredentials(home),
                             {kSecret, kToken, kExpiredToken}};
    }
    // Starts a private s3rver holding the fixture; `log` gets the gate's lines.
    QString startS3rver(S3rverProcess &s3, const QString &log, const QString &region = {})
    {
        s3.setPrivate(kToken);
        s3.setGateOption(QStringLiteral("S3RVER_SECRET_ACCESS_KEY"), kSecret);
        s3.setGateOption(QStringLiteral("S3RVER_EXPIRED_TOKENS"), kExpiredToken);
        s3.setGateOption(QStringLiteral("S3RVER_LOG"), log);
        if (!region.isEmpty()) s3.setGateOption(QStringLiteral("S3RVER_REGION"), region);
        const QString data = log + QStringLiteral(".data");
        QDir().mkpath(data);
        // A missing node or s3rver fails (never skips), saying how to install it.
        if (!s3.start(data, kBucket, {m_fixture.store, kPrefix})) return s3.problem();
        return {};
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
        m_log = m_dir.filePath(QStringLiteral("gate.log"));
        const QString problem = startS3rver(m_s3, m_log);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Each source of the chain, in the order the AWS CLI reads them.
    void readsSigned_data()
    {
        QTest::addColumn<QStringList>("env");   // NAME=VALUE, {HOME} replaced by the home folder
        QTest::addColumn<QStringList>("files"); // pairs: path under home, contents
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("source"); // what info's "credentials" says
        const QString keys =
            QStringLiteral("aws_access_key_id = S3RVER\naws_secret_access_key = %1\n").arg(kSecret);
        QTest::addRow("environment keys")
            << QStringList{QStringLiteral("AWS_ACCESS_KEY_ID=S3RVER"),
                           QStringLiteral("AWS_SECRET_ACCESS_KEY=") + kSecret}
            << QStringList{} << QStringList{} << QStringLiteral("signed with keys from AWS_ACCESS_KEY_ID");
        QTest::addRow("profile in ~/.aws/credentials")
            << QStringList{}
            << QStringList{QStringLiteral(".aws/credentials"),
                           QStringLiteral("[default]\naws_access_key_id = NOPE\n"
                                          "aws_secret_access_key = nope\n[research]\n") +
                               keys}
            << QStringList{QStringLiteral("--s3-profile"), QStringLiteral("research")}
            << QStringLiteral("signed with profile research from ~/.aws/credentials");
        QTest::addRow("credential_process in ~/.aws/config")
            << QStringList{QStringLiteral("AWS_PROFILE=x")}
            << QStringList{QStringLiteral(".aws/config"),
                           QStringLiteral("[profile x]\ncredential_process = /bin/sh {HOME}/creds.sh\n"),
                           QStringLiteral("creds.sh"), QStringLiteral("{SCRIPT}")}
            << QStringList{} << QStringLiteral("signed with credential_process of profile x");
        QTest::addRow("AWS_SHARED_CREDENTIALS_FILE")
            << QStringList{QStringLiteral("AWS_SHARED_CREDENTIALS_FILE={HOME}/elsewhere/keys.ini")}
            << QStringList{QStringLiteral("elsewhere/keys.ini"), QStringLiteral("[default]\n") + keys}
            << QStringList{} << QStringLiteral("signed with profile default from");
    }
    void readsSigned()
    {
        QFETCH(QStringList, env);
        QFETCH(QStringList, files);
        QFETCH(QStringList, flags);
        QFETCH(QString, source);
        const QString home = newHome();
        PrivateTarget t = target(home, m_s3.endpoint());
        for (const QString &item : std::as_const(env)) {
            const qsizetype eq = item.indexOf(u'=');
            t.env.insert(item.left(eq), QString(item.mid(eq + 1)).replace(QStringLiteral("{HOME}"), home));
        }
        for (qsizetype i = 0; i + 1 < files.size(); i += 2) {
            QString text = files[i + 1];
            text.replace(QStringLiteral("{HOME}"), home);
            if (text == u"{SCRIPT}")
                text = QString::fromUtf8(credentialScript(home + QStringLiteral("/runs"), kToken));
            QVERIFY(writeTextFile(QDir(home).filePath(files[i]), text.toUtf8()));
        }
        t.options << flags;
        const QString problem = readsEverything(t, m_fixture, source, home);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void unsignedIsDenied()
    {
        PrivateTarget t = target(newHome(), m_s3.endpoint());
        t.env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("S3RVER"));
        t.env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kSecret);
        t.options << QStringLiteral("--anonymous");
        const QString problem =
            failsClearly(t, QStringLiteral("access denied: this bucket needs credentials"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // The words exactly, and no retry storm: a refusal is asked about once per request
    // (FetchSchedulerAuth), and the first failed metadata read ends the command, so the gate sees
    // only the requests in flight when the first answer came back: a store's opening reads
    // (.zgroup, .zarray, .zattrs, .zmetadata of the node) and their single re-ask at most.
    void wrongSecretIsOneClearError()
    {
        PrivateTarget t = target(newHome(), m_s3.endpoint());
        t.env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("S3RVER"));
        t.env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("not-the-secret"));
        t.secrets << QStringLiteral("not-the-secret");
        const qsizetype before = gateLog(m_log).size();
        QString line;
        const QString problem = failsClearly(t, QStringLiteral("signature"), &line);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QRegularExpression exact(QStringLiteral(
            "^error: access denied: the signature does not match \\(check the secret key\\) \\((\\S+)\\)$"));
        const auto m = exact.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        // The key under the location the user typed, not under the endpoint's address.
        QVERIFY2(m.captured(1).startsWith(QStringLiteral("s3://%1/%2/").arg(kBucket, kPrefix)),
                 qPrintable(line));
        const QStringList sent = gateLog(m_log).mid(before);
        qInfo("%s; %d request(s) reached the gate", qPrintable(line), int(sent.size()));
        QVERIFY2(!sent.isEmpty() && sent.size() <= 8, qPrintable(sent.join(u'\n')));
        for (const QString &l : sent)
            QVERIFY2(l.contains(u"SignatureDoesNotMatch"), qPrintable(l));
    }

    // The first session token answers 400 ExpiredToken: credential_process runs once more (the
    // counter says 2) and the read succeeds with the token of its second run.
    void expiredTokenRerunsCredentialProcess()
    {
        const QString home = newHome();
        PrivateTarget t = target(home, m_s3.endpoint());
        const QString counter = home + QStringLiteral("/runs");
        QVERIFY(writeTextFile(home + QStringLiteral("/creds.sh"), credentialScript(counter, kExpiredToken)));
        QVERIFY(writeTextFile(
            home + QStringLiteral("/.aws/config"),
            QStringLiteral("[profile x]\ncredential_process = /bin/sh %1/creds.sh\n").arg(home).toUtf8()));
        t.options << QStringLiteral("--s3-profile") << QStringLiteral("x");
        const qsizetype before = gateLog(m_log).size();
        const QString npy = home + QStringLiteral("/a.npy");
        const CliRun r = runOn(t, QStringLiteral("get"), {QStringLiteral("a"), QStringLiteral("-o"), npy});
        QVERIFY2(r.code == 0 && !r.crashed, qPrintable(describeRun({QStringLiteral("get")}, r)));
        QVERIFY2(leakedSecret(r, t.secrets).isEmpty(), r.err.constData());
        QFile runs(counter);
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QCOMPARE(runs.readAll().trimmed(), QByteArray("2"));
        const QStringList sent = gateLog(m_log).mid(before);
        const qsizetype expired = sent.filter(QStringLiteral("ExpiredToken")).size();
        qInfo("%d request(s), %d answered ExpiredToken", int(sent.size()), int(expired));
        QVERIFY2(expired >= 1 && expired <= 8, qPrintable(sent.join(u'\n')));
    }

    // A bucket in eu-west-2 refuses the us-east-1 signature naming its region (400
    // AuthorizationHeaderMalformed, or 301 PermanentRedirect as on another region's endpoint):
    // followed once. The opening metadata reads may each be refused (they went out together), but
    // the chunk reads, sent after, must be signed for eu-west-2 at once: the region is remembered.
    void otherRegionIsFollowedOnce_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("code");
        QTest::addRow("400 AuthorizationHeaderMalformed") << "400"
                                                          << "AuthorizationHeaderMalformed";
        QTest::addRow("301 PermanentRedirect") << "301"
                                               << "PermanentRedirect";
    }
    void otherRegionIsFollowedOnce()
    {
        QFETCH(QString, status);
        QFETCH(QString, code);
        S3rverProcess regional;
        const QString log = m_dir.filePath(QStringLiteral("regional-%1.log").arg(status));
        regional.setGateOption(QStringLiteral("S3RVER_REGION_STATUS"), status);
        const QString started = startS3rver(regional, log, QStringLiteral("eu-west-2"));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        PrivateTarget t = target(newHome(), regional.endpoint());
        t.env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("S3RVER"));
        t.env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kSecret);
        const QString npy = m_dir.filePath(QStringLiteral("regional-%1.npy").arg(status));
        const CliRun r = runOn(t, QStringLiteral("get"), {QStringLiteral("a"), QStringLiteral("-o"), npy});
        QVERIFY2(r.code == 0 && !r.crashed, qPrintable(describeRun({QStringLiteral("get")}, r)));
        const QStringList sent = gateLog(log);
        const QStringList refused = sent.filter(status + u' ' + code);
        qInfo("%d request(s), refused for the region: %s", int(sent.size()), qPrintable(refused.join(u"; ")));
        QVERIFY2(refused.size() >= 1 && refused.size() <= 4, qPrintable(sent.join(u'\n')));
        static const QRegularExpression chunkKey(QStringLiteral("/a/\\d+\\.\\d+"));
        for (const QString &l : refused)
            QVERIFY2(!chunkKey.match(l).hasMatch(), qPrintable(sent.join(u'\n')));
        QVERIFY2(sent.filter(chunkKey).size() >= 9, qPrintable(sent.join(u'\n'))); // 3 x 3 chunks
    }

    // A Requester Pays bucket refuses a request that does not accept the charge; with
    // --s3-requester-pays every request carries the signed x-amz-request-payer header, so every
    // command reads it and the gate saw nothing but accepted requests (listings included).
    void requesterPaysHeaderIsSent()
    {
        S3rverProcess paying;
        const QString log = m_dir.filePath(QStringLiteral("requester-pays.log"));
        paying.setGateOption(QStringLiteral("S3RVER_REQUESTER_PAYS"), QStringLiteral("1"));
        const QString started = startS3rver(paying, log);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString home = newHome();
        PrivateTarget t = target(home, paying.endpoint());
        t.env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("S3RVER"));
        t.env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kSecret);
        QString problem = failsClearly(t, QStringLiteral("access denied"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const qsizetype refused = gateLog(log).size();
        QVERIFY(refused > 0);

        t.options << QStringLiteral("--s3-requester-pays");
        problem =
            readsEverything(t, m_fixture, QStringLiteral("signed with keys from AWS_ACCESS_KEY_ID"), home);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QStringList sent = gateLog(log).mid(refused);
        qInfo("%d request(s) with the header, all accepted", int(sent.size()));
        QVERIFY2(sent.size() > 20, qPrintable(sent.join(u'\n'))); // ls, info, get, bench, export
        for (const QString &l : sent)
            QVERIFY2(l.startsWith(u"200 OK ") || l.startsWith(u"206 OK ") || l.startsWith(u"404 OK "),
                     qPrintable(l));
    }
};

QTEST_GUILESS_MAIN(TestCliPrivateS3)
#include "tst_cli_private_s3.moc"
