// File > Connection Settings (issue 17): the settings as StoreOptions, the dialog's fields, the
// header values in a real keychain (gnome-keyring-daemon on a private D-Bus, SecretService.h) and
// never in QSettings, the "access denied" offer for a store that demands a header
// (zarrscope-cli serve --require-header) gone once the header is applied, and no password from a
// URL in the window title, the recent stores or the store bar.

#include "ConnectionSettings.h"
#include "ConnectionSettingsDialog.h"
#include "ConnectionSettingsStore.h"
#include "HierarchyModel.h"
#include "MainWindow.h"
#include "MaskedValueDelegate.h"
#include "RecentStores.h"
#include "SecretService.h"
#include "ServeProcess.h"
#include "WelcomePage.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

Q_DECLARE_METATYPE(zs::ConnectionSettings)

using namespace zs;

namespace {

// The settings file as text, where a secret must never be.
QByteArray settingsFileText()
{
    QSettings().sync();
    QFile file(QSettings().fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Saves and waits for the keychain jobs; the problem they reported ("" when none).
QString saveAndWait(ConnectionSettingsStore &store, const ConnectionSettings &settings)
{
    QString problem = QStringLiteral("(no answer)");
    bool done = false;
    QObject context;
    store.save(settings, &context, [&](const QString &p) {
        problem = p;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15000)) return QStringLiteral("save timed out");
    return problem;
}

std::pair<ConnectionSettings, QString> loadAndWait(ConnectionSettingsStore &store, const QString &location)
{
    std::pair<ConnectionSettings, QString> got{{}, QStringLiteral("load timed out")};
    bool done = false;
    QObject context;
    store.load(location, &context, [&](const ConnectionSettings &s, const QString &p) {
        got = {s, p};
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15000)) qWarning() << "no answer from the keychain";
    return got;
}

} // namespace

class TestConnectionSettings : public QObject
{
    Q_OBJECT
private:
    test::SecretService m_keychain;
    QTemporaryDir m_dir;
    zstest::ServeProcess m_serve; // demands kToken
    QString m_url;                // of the store `serve --require-header` answers for
    static constexpr const char *kToken = "Bearer t0ken-for-the-ui-test-7f3a";

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        const bool child = qEnvironmentVariableIsSet("ZS_TEST_NO_KEYCHAIN");
        QCoreApplication::setApplicationName(child ? QStringLiteral("tst_connection_settings_child")
                                                   : QStringLiteral("tst_connection_settings"));
        QSettings().clear();
        if (child) {
            // The child of keychainMissingIsSaid: a session bus that is not there, nothing served.
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/zarrscope-test-bus");
            return;
        }
        const QString problem = m_keychain.start(); // before anything here talks to D-Bus
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // A v2 store of one int32 array, written by hand: no peer needed to serve it.
        QVERIFY(m_dir.isValid());
        const QString root = m_dir.filePath(QStringLiteral("private.zarr"));
        QVERIFY(writeFile(root + QStringLiteral("/.zgroup"), R"({"zarr_format": 2})"));
        QVERIFY(
            writeFile(root + QStringLiteral("/a/.zarray"),
                      R"({"zarr_format": 2, "shape": [4], "chunks": [4], "dtype": "<i4", "compressor": null,
                              "fill_value": 0, "order": "C", "filters": null})"));
        QVERIFY(writeFile(root + QStringLiteral("/a/0"), QByteArray("\1\0\0\0\2\0\0\0\3\0\0\0\4\0\0\0", 16)));
        QVERIFY2(m_serve.start(m_dir.path(), QStringLiteral("Authorization: %1").arg(QLatin1String(kToken))),
                 qPrintable(m_serve.problem()));
        m_url = m_serve.url() + QStringLiteral("/private.zarr");
    }

    void init() { RecentStores::clear(); }

    void toStoreOptions_data()
    {
        QTest::addColumn<ConnectionSettings>("settings");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("anonymous");
        QTest::addColumn<bool>("requesterPays");
        QTest::addColumn<QString>("gcsEndpoint");
        QTest::addColumn<QString>("gcsKey");
        QTest::addColumn<QStringList>("headers");

        QTest::newRow("nothing set") << ConnectionSettings{} << QString() << QString() << QString() << false
                                     << false << QString() << QString() << QStringList();
        ConnectionSettings s3;
        s3.s3Profile = QStringLiteral(" research ");
        s3.s3Region = QStringLiteral("eu-west-1");
        s3.s3Endpoint = QStringLiteral("http://127.0.0.1:9000");
        s3.s3RequesterPays = true;
        QTest::newRow("s3 profile, region, endpoint, requester pays")
            << s3 << "research"
            << "eu-west-1"
            << "http://127.0.0.1:9000" << false << true << QString() << QString() << QStringList();
        ConnectionSettings anonymous;
        anonymous.anonymous = true;
        QTest::newRow("anonymous") << anonymous << QString() << QString() << QString() << true << false
                                   << QString() << QString() << QStringList();
        ConnectionSettings gcs;
        gcs.gcsEndpoint = QStringLiteral("http://127.0.0.1:4443");
        gcs.gcsKeyFile = QStringLiteral("/keys/sa.json");
        QTest::newRow("gcs endpoint and key file")
            << gcs << QString() << QString() << QString() << false << false << "http://127.0.0.1:4443"
            << "/keys/sa.json" << QStringList();
        ConnectionSettings headers;
        headers.headers = {{QStringLiteral("Authorization"), QStringLiteral(" Bearer abc ")},
                           {QStringLiteral(" "), QStringLiteral("a row left empty")},
                           {QStringLiteral("X-Api-Key"), QStringLiteral("k")}};
        QTest::newRow("headers, an empty row left out")
            << headers << QString() << QString() << QString() << false << false << QString() << QString()
            << QStringList{QStringLiteral("Authorization: Bearer abc"), QStringLiteral("X-Api-Key: k")};
    }

    void toStoreOptions()
    {
        QFETCH(ConnectionSettings, settings);
        const StoreOptions o = settings.toStoreOptions();
        QTEST(o.credentials.s3Profile, "profile");
        QTEST(o.s3Region, "region");
        QTEST(o.s3Endpoint, "endpoint");
        QTEST(o.credentials.anonymous, "anonymous");
        QTEST(o.credentials.s3RequesterPays, "requesterPays");
        QTEST(o.credentials.gcsEndpoint, "gcsEndpoint");
        QTEST(o.credentials.gcsKeyFile, "gcsKey");
        QTEST(o.credentials.headers, "headers");
        QCOMPARE(o.credentials.headersSource, QStringLiteral("headers from the Connection settings"));
    }

    void credentialsFailure_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("offers");
        QTest::newRow("403")
            << "access denied (HTTP 403): the store may need credentials (http://h/x/.zgroup)" << true;
        QTest::newRow("401") << "credentials are needed (HTTP 401): give them with --header" << true;
        QTest::newRow("after context")
            << "cannot read zarr.json: access denied: the signature does not match" << true;
        QTest::newRow("not found") << "no Zarr metadata at the root (http://h/x)" << false;
        QTest::newRow("mention only") << "the server said: no access denied here" << false;
    }

    void credentialsFailure()
    {
        QFETCH(QString, message);
        QTEST(isCredentialsFailure(message), "offers");
    }

    void keyHasNoSecrets_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("key");
        QTest::newRow("userinfo") << "https://user:hunter2@host/x.zarr"
                                  << "https://host/x.zarr";
        QTest::newRow("azure sas") << "https://acc.blob.core.windows.net/c/x.zarr?sv=2022-11-02&sig=S3CRET"
                                   << "https://acc.blob.core.windows.net/c/x.zarr?sv=2022-11-02";
        QTest::newRow("s3 as typed") << " s3://bucket/x.zarr "
                                     << "s3://bucket/x.zarr";
    }

    void keyHasNoSecrets()
    {
        QFETCH(QString, location);
        QTEST(connectionSettingsKey(location), "key");
    }

    // The dialog's widgets show the settings and give back what they say after an edit.
    void dialogFillsAndReads()
    {
        ConnectionSettings s;
        s.location = QStringLiteral("s3://bucket/x.zarr");
        s.s3Profile = QStringLiteral("research");
        s.s3Region = QStringLiteral("eu-west-1");
        s.anonymous = true;
        s.gcsKeyFile = QStringLiteral("/k.json");
        s.headers = {{QStringLiteral("X-Api-Key"), QStringLiteral("v4lue-not-shown")}};
        ConnectionSettingsDialog dialog(s);
        QCOMPARE(dialog.settings(), s);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("s3Profile"))->text(),
                 QStringLiteral("research"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("s3Region"))->text(),
                 QStringLiteral("eu-west-1"));
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("anonymous"))->isChecked());
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("headers"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("X-Api-Key"));
        // The value column draws bullets, not the value.
        auto *delegate = qobject_cast<MaskedValueDelegate *>(table->itemDelegateForColumn(1));
        QVERIFY(delegate);
        const QString drawn = delegate->displayText(table->item(0, 1)->text(), QLocale());
        QVERIFY(!drawn.isEmpty());
        QVERIFY(!drawn.contains(QStringLiteral("v4lue")));
        for (QWidget *w : dialog.findChildren<QWidget *>())
            if (qobject_cast<QLineEdit *>(w) || qobject_cast<QCheckBox *>(w) ||
                qobject_cast<QTableWidget *>(w))
                QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));

        dialog.findChild<QLineEdit *>(QStringLiteral("s3Endpoint"))
            ->setText(QStringLiteral("http://127.0.0.1:9000"));
        dialog.findChild<QCheckBox *>(QStringLiteral("anonymous"))->setChecked(false);
        dialog.findChild<QCheckBox *>(QStringLiteral("s3RequesterPays"))->setChecked(true);
        dialog.findChild<QAbstractButton *>(QStringLiteral("addHeader"))->click();
        table->item(1, 0)->setText(QStringLiteral("Authorization"));
        table->item(1, 1)->setText(QStringLiteral("Bearer x"));
        ConnectionSettings want = s;
        want.s3Endpoint = QStringLiteral("http://127.0.0.1:9000");
        want.anonymous = false;
        want.s3RequesterPays = true;
        want.headers << HeaderSetting{QStringLiteral("Authorization"), QStringLiteral("Bearer x")};
        QCOMPARE(dialog.settings(), want);
    }

    // Header values go to the keychain and come back from it; QSettings has the names only.
    void secretsInTheKeychain_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer token") << "https://data.example.org/x.zarr"
                                      << "Authorization"
                                      << "Bearer eyJ-s3cret-bearer-0451";
        QTest::newRow("api key") << "s3://bucket/private.zarr"
                                 << "X-Api-Key"
                                 << "k3y-0f-an-api-9912";
    }

    void secretsInTheKeychain()
    {
        QFETCH(QString, location);
        QFETCH(QString, header);
        QFETCH(QString, secret);
        ConnectionSettings s;
        s.location = location;
        s.s3Profile = QStringLiteral("research");
        s.headers = {{header, secret}};
        {
            ConnectionSettingsStore store;
            QCOMPARE(saveAndWait(store, s), QString());
        }
        const QByteArray text = settingsFileText();
        QVERIFY2(!text.isEmpty(), qPrintable(QSettings().fileName()));
        QVERIFY2(!text.contains(secret.toUtf8()), text.constData());
        QVERIFY2(text.contains(header.toUtf8()), text.constData()); // the name is there: it is not the secret
        QCOMPARE(m_keychain.lookup(ConnectionSettingsStore::keychainKey(location, header)), secret.toUtf8());

        ConnectionSettingsStore fresh; // nothing in memory: the values come from the keychain
        QVERIFY(!fresh.isComplete(location));
        QCOMPARE(fresh.known(location).headers.front().value, QString());
        const auto [loaded, problem] = loadAndWait(fresh, location);
        QCOMPARE(problem, QString());
        QCOMPARE(loaded, s);

        // A header taken out of the settings leaves the keychain too.
        s.headers.clear();
        QCOMPARE(saveAndWait(fresh, s), QString());
        QCOMPARE(m_keychain.lookup(ConnectionSettingsStore::keychainKey(location, header)), QByteArray());
    }

    // Without a keychain the save says so, the value stays usable this session, and still does not
    // land in QSettings. Run in a child process of this test: QtKeychain picks its backend once.
    void keychainMissingIsSaid()
    {
        const QString secret = QStringLiteral("no-keychain-s3cret-5521");
        if (qEnvironmentVariableIsSet("ZS_TEST_NO_KEYCHAIN")) {
            ConnectionSettings s;
            s.location = QStringLiteral("https://data.example.org/nokeychain.zarr");
            s.headers = {{QStringLiteral("X-Api-Key"), secret}};
            ConnectionSettingsStore store;
            const QString problem = saveAndWait(store, s);
            qInfo().noquote() << "the save said:" << problem;
            QVERIFY2(problem.contains(QStringLiteral("kept for this session only")), qPrintable(problem));
            QCOMPARE(store.known(s.location), s);
            QVERIFY(!settingsFileText().contains(secret.toUtf8()));
            return;
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ZS_TEST_NO_KEYCHAIN"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("keychainMissingIsSaid")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
        QVERIFY2(child.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("PASS   : TestConnectionSettings::keychainMissingIsSaid()"), out.constData());
    }

    // A store that wants a header: the failure offers the settings; with the header applied it
    // opens, says where its credentials came from, and a reopen keeps the node selected.
    void accessDeniedOffersSettings()
    {
        MainWindow window;
        window.show();
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.openLocation(m_url);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY2(isCredentialsFailure(failed.front().front().toString()),
                 qPrintable(failed.front().front().toString()));
        QVERIFY(window.offersConnectionSettings());
        QVERIFY(window.connectionSettingsAction()->isEnabled());

        // The welcome page's button opens the dialog for the store, its status the failure.
        QVERIFY(window.welcomeShown());
        QVERIFY(window.welcomePage()->settingsOffered());
        window.welcomePage()->connectionSettingsButton()->click();
        auto *dialog = window.findChild<ConnectionSettingsDialog *>();
        QVERIFY(dialog);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("failed")), qPrintable(dialog->statusText()));
        ConnectionSettings s = dialog->settings();
        QCOMPARE(s.location, m_url);
        s.headers = {{QStringLiteral("Authorization"), QString::fromLatin1(kToken)}};
        dialog->setSettings(s);
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QVERIFY(!window.offersConnectionSettings());
        QVERIFY(!window.welcomeShown());
        QVERIFY(!settingsFileText().contains("t0ken-for-the-ui-test"));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_keychain.lookup(ConnectionSettingsStore::keychainKey(m_url, QStringLiteral("Authorization"))),
            QByteArray(kToken), 10000);

        window.selectPath(QStringLiteral("a"));
        QCOMPARE(window.currentPath(), QStringLiteral("a"));
        dialog = window.openConnectionSettings();
        QVERIFY(dialog);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("headers from the Connection settings")),
                 qPrintable(dialog->statusText()));
        dialog->accept(); // OK reopens as F5 does: the node stays selected
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPath(), QStringLiteral("a"), 10000);
    }

    // Another session: the window reads the header from the keychain before it opens the store.
    void nextSessionReadsTheKeychain()
    {
        MainWindow window;
        QVERIFY(!window.connectionSettingsStore()->isComplete(m_url));
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.openLocation(m_url);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() > 0, 20000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.front().front().toString()));
    }

    // A password in the URL reaches neither the title, the recent stores, the store bar nor the settings
    // file.
    void noPasswordShown()
    {
        MainWindow window;
        window.show();
        QUrl url(m_url);
        url.setUserName(QStringLiteral("reader"));
        url.setPassword(QStringLiteral("hunter2-pa55"));
        QSignalSpy done(&window, &MainWindow::storeFailed);
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(url.toString());
        QTRY_VERIFY_WITH_TIMEOUT(done.count() + loaded.count() > 0, 20000);
        const QByteArray secret("hunter2-pa55");
        QVERIFY2(!window.windowTitle().contains(QLatin1String(secret)), qPrintable(window.windowTitle()));
        QVERIFY(window.windowTitle().contains(m_url));
        QVERIFY(!RecentStores::list().isEmpty());
        for (const QString &l : RecentStores::list())
            QVERIFY2(!l.contains(QLatin1String(secret)) && !l.contains(QLatin1String("reader@")),
                     qPrintable(l));
        for (QAbstractButton *b : window.welcomePage()->recentButtons())
            QVERIFY2(!b->text().contains(QLatin1String(secret)), qPrintable(b->text()));
        auto *bar = window.findChild<QComboBox *>();
        for (int i = 0; i < bar->count(); ++i)
            QVERIFY2(!bar->itemText(i).contains(QLatin1String(secret)), qPrintable(bar->itemText(i)));
        QVERIFY2(!window.hierarchyModel()->index(0, 0).data().toString().contains(QLatin1String(secret)),
                 qPrintable(window.hierarchyModel()->index(0, 0).data().toString()));
        QVERIFY(!settingsFileText().contains(secret));
    }
};

QTEST_MAIN(TestConnectionSettings)
#include "tst_connection_settings.moc"
