// zarrscope-cli on stores behind servers that demand credentials (issue 17), the embedded server
// (`zarrscope-cli serve --require-header`) answering 401 without the exact header:
//  - GCS-style: gs://bucket/prefix with --gcs-endpoint, a bearer token from
//    GOOGLE_OAUTH_ACCESS_TOKEN, or a service-account key (--gcs-key) whose RS256 JWT a loopback
//    token endpoint in this process (FakeGcsServer) checks and exchanges for the token serve wants;
//  - plain HTTP: --header "Authorization: Bearer T", basic auth from the URL's user:password and
//    from a NETRC file;
// each read with ls, info, get, bench and export, and each refused once and clearly without
// credentials or with wrong ones. No token, password or private key line may appear in any output.

#include "FakeGcsServer.h"
#include "PrivateCliSupport.h"
#include "ServeProcess.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace zstest;

namespace {

const QString kGcsToken = QStringLiteral("ya29.private-gcs-token-17");
const QString kHttpToken = QStringLiteral("bearer-token-of-the-http-store");
const QString kPassword = QStringLiteral("s3cret-pass");
const QByteArray kBasic = QByteArray("alice:s3cret-pass").toBase64();

// The base64 lines of a PEM: what a leak of the key would show.
QStringList pemBodyLines(const QByteArray &pem)
{
    QStringList lines;
    for (const QByteArray &line : pem.split('\n'))
        if (!line.startsWith("-----") && line.size() > 20) lines << QString::fromLatin1(line);
    return lines;
}

std::optional<QByteArray> openssl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return p.readAllStandardOutput();
}

} // namespace

class TestCliPrivateHttp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PrivateFixture m_fixture; // in m_dir/bucket: gs://bucket/private.zarr under the GCS server
    test::FakeGcsServer m_tokens;
    ServeProcess m_gcs, m_bearer, m_basic;
    QString m_keyFile;
    QStringList m_secrets;
    int m_runs = 0;

    QString fill(QString s) const
    {
        QString user = m_basic.url();
        user.insert(int(sizeof("http://") - 1), QStringLiteral("alice:") + kPassword + u'@');
        return s.replace(QStringLiteral("{GCS}"), m_gcs.url())
            .replace(QStringLiteral("{BEARER}"), m_bearer.url())
            .replace(QStringLiteral("{BASIC}"), m_basic.url())
            .replace(QStringLiteral("{USER}"), user)
            .replace(QStringLiteral("{WRONGUSER}"), QString(user).replace(kPassword, QStringLiteral("wrong")))
            .replace(QStringLiteral("{KEY}"), m_keyFile)
            .replace(QStringLiteral("{NETRC}"), m_dir.filePath(QStringLiteral("netrc")));
    }
    PrivateTarget target(const QString &store, const QStringList &options, const QStringList &env) const
    {
        PrivateTarget t{fill(store),
                        {},
                        environmentWithoutCredentials(m_dir.filePath(QStringLiteral("home"))),
                        m_secrets};
        for (const QString &o : options)
            t.options << fill(o);
        for (const QString &item : env) {
            const qsizetype eq = item.indexOf(u'=');
            t.env.insert(item.left(eq), fill(item.mid(eq + 1)));
        }
        return t;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(ZS_CLI)).isExecutable(), ZS_CLI " was not built");
        QVERIFY(m_dir.isValid());
        QString error;
        const auto fixture = writePrivateFixture(m_dir.filePath(QStringLiteral("bucket")), &error);
        QVERIFY2(fixture, qPrintable(error));
        m_fixture = *fixture;
        QVERIFY2(m_gcs.start(m_dir.path(), QStringLiteral("Authorization: Bearer ") + kGcsToken),
                 qPrintable(m_gcs.problem()));
        QVERIFY2(m_bearer.start(m_fixture.dir, QStringLiteral("Authorization: Bearer ") + kHttpToken),
                 qPrintable(m_bearer.problem()));
        QVERIFY2(m_basic.start(m_fixture.dir,
                               QStringLiteral("Authorization: Basic ") + QString::fromLatin1(kBasic)),
                 qPrintable(m_basic.problem()));
        QVERIFY(writeTextFile(m_dir.filePath(QStringLiteral("netrc")),
                              "machine 127.0.0.1 login alice password " + kPassword.toUtf8() + "\n"));

        // A service account whose key the token endpoint checks with its public half.
        const QString pem = m_dir.filePath(QStringLiteral("sa.pem"));
        QVERIFY2(openssl({"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", pem}),
                 "openssl is required: apt install openssl");
        m_tokens.publicKeyPem = openssl({"pkey", "-in", pem, "-pubout"}).value_or(QByteArray());
        QFile pemFile(pem);
        QVERIFY(pemFile.open(QIODevice::ReadOnly));
        const QByteArray privatePem = pemFile.readAll();
        m_tokens.clientEmail = QStringLiteral("reader@lab.iam.gserviceaccount.com");
        m_tokens.keyId = QStringLiteral("0ddba11c0ffee17");
        m_tokens.fixedToken = kGcsToken; // the one serve demands
        QVERIFY(m_tokens.listening());
        const QJsonObject key{{"type", "service_account"},
                              {"project_id", "lab"},
                              {"private_key_id", m_tokens.keyId},
                              {"private_key", QString::fromLatin1(privatePem)},
                              {"client_email", m_tokens.clientEmail},
                              {"token_uri", m_tokens.tokenUrl().toString()}};
        m_keyFile = m_dir.filePath(QStringLiteral("key.json"));
        QVERIFY(writeTextFile(m_keyFile, QJsonDocument(key).toJson()));
        m_secrets = QStringList{kGcsToken, kHttpToken, kPassword, QString::fromLatin1(kBasic)} +
                    pemBodyLines(privatePem);
    }

    void readsPrivate_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("source"); // what info's "credentials" says
        const QStringList gcs{QStringLiteral("--gcs-endpoint"), QStringLiteral("{GCS}")};
        const QString gs = QStringLiteral("gs://bucket/private.zarr");
        QTest::addRow("gcs GOOGLE_OAUTH_ACCESS_TOKEN")
            << gs << gcs << QStringList{QStringLiteral("GOOGLE_OAUTH_ACCESS_TOKEN=") + kGcsToken}
            << QStringLiteral("bearer token from GOOGLE_OAUTH_ACCESS_TOKEN");
        QTest::addRow("gcs service account --gcs-key")
            << gs << gcs + QStringList{QStringLiteral("--gcs-key"), QStringLiteral("{KEY}")} << QStringList{}
            << QStringLiteral("service account reader@lab.iam.gserviceaccount.com");
        QTest::addRow("http --header bearer")
            << QStringLiteral("{BEARER}/private.zarr")
            << QStringList{QStringLiteral("--header"), QStringLiteral("Authorization: Bearer ") + kHttpToken}
            << QStringList{} << QStringLiteral("headers from --header");
        QTest::addRow("http user:password in the URL")
            << QStringLiteral("{USER}/private.zarr") << QStringList{} << QStringList{}
            << QStringLiteral("basic auth for user alice");
        QTest::addRow("http NETRC") << QStringLiteral("{BASIC}/private.zarr") << QStringList{}
                                    << QStringList{QStringLiteral("NETRC={NETRC}")}
                                    << QStringLiteral("basic auth for user alice");
    }
    void readsPrivate()
    {
        QFETCH(QString, store);
        QFETCH(QStringList, options);
        QFETCH(QStringList, env);
        QFETCH(QString, source);
        const QString work = m_dir.filePath(QStringLiteral("run%1").arg(++m_runs));
        QDir().mkpath(work);
        const QString problem = readsEverything(target(store, options, env), m_fixture, source, work);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void refusedOnce_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("words");
        const QStringList gcs{QStringLiteral("--gcs-endpoint"), QStringLiteral("{GCS}")};
        const QString gs = QStringLiteral("gs://bucket/private.zarr");
        QTest::addRow("gcs without token")
            << gs << gcs << QStringList{}
            << QStringLiteral("credentials are needed (HTTP 401): give a token in GOOGLE_OAUTH_ACCESS_TOKEN");
        QTest::addRow("gcs wrong token")
            << gs << gcs << QStringList{QStringLiteral("GOOGLE_OAUTH_ACCESS_TOKEN=ya29.wrong")}
            << QStringLiteral("access denied: the server did not accept the credentials (HTTP 401; ");
        QTest::addRow("http without credentials")
            << QStringLiteral("{BEARER}/private.zarr") << QStringList{} << QStringList{}
            << QStringLiteral("credentials are needed (HTTP 401): give them with --header");
        QTest::addRow("http wrong bearer")
            << QStringLiteral("{BEARER}/private.zarr")
            << QStringList{QStringLiteral("--header"), QStringLiteral("Authorization: Bearer nope")}
            << QStringList{}
            << QStringLiteral("access denied: the server did not accept the credentials (HTTP 401; ");
        QTest::addRow("http wrong password")
            << QStringLiteral("{WRONGUSER}/private.zarr") << QStringList{} << QStringList{}
            << QStringLiteral("access denied: the server did not accept the credentials (HTTP 401; ");
    }
    void refusedOnce()
    {
        QFETCH(QString, store);
        QFETCH(QStringList, options);
        QFETCH(QStringList, env);
        QFETCH(QString, words);
        QString line;
        const QString problem = failsClearly(target(store, options, env), words, &line);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // gs:// errors name the key under the bucket the user gave, not the endpoint's address.
        if (store.startsWith(u"gs://"))
            QVERIFY2(line.contains(u"(gs://bucket/private.zarr/"), qPrintable(line));
    }

    // A malformed --header is a usage error (exit 1) that does not repeat the value, even when
    // the colon is missing after the name but present in the token.
    void badHeaderIsUsageError_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addRow("no colon") << QStringLiteral("Authorization Bearer ") + kHttpToken;
        QTest::addRow("colon inside the token")
            << QStringLiteral("Authorization Bearer ") + kHttpToken + QStringLiteral(":x");
    }
    void badHeaderIsUsageError()
    {
        QFETCH(QString, header);
        PrivateTarget t =
            target(QStringLiteral("{BEARER}/private.zarr"), {QStringLiteral("--header"), header}, {});
        const CliRun r = runOn(t, QStringLiteral("info"), {});
        QVERIFY2(r.code == 1 && !r.crashed, qPrintable(describeRun({QStringLiteral("info")}, r)));
        QVERIFY2(r.err.contains("--header"), r.err.constData());
        QVERIFY2(leakedSecret(r, m_secrets).isEmpty(), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliPrivateHttp)
#include "tst_cli_private_http.moc"
