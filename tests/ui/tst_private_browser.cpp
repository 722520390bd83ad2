// The browser on private stores (issue 17), offscreen: one store zarr-python wrote, served by
// s3rver in private mode (every Signature V4 verified, tests/net/s3rver_private.mjs), by Azurite
// (Shared Key and SAS checked) and by `zarrscope-cli serve` demanding a GCS bearer token. For each
// credential source the window opens the store (through File > Connection Settings where an
// endpoint or profile is needed), its tree and values equal zarr-python's, the settings say which
// source signed, the Timing tab's own runs are accepted, and an export from the browser reads
// back in zarr-python. Nothing the window shows or writes, and no message it logs, holds a secret.
// A wrong secret is one clear "access denied" that offers the settings.

#include "ConnectionSettings.h"
#include "ConnectionSettingsDialog.h"
#include "ExportDialog.h"
#include "HierarchyModel.h"
#include "MainWindow.h"
#include "MetadataPanel.h"
#include "PrivateStores.h"
#include "RecentStores.h"
#include "SecretService.h"
#include "SliceView.h"
#include "WelcomePage.h"
#include "timing/TimingPanel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QtTest>

Q_DECLARE_METATYPE(zstest::PrivateStores::Way)

using namespace zs;
using namespace zstest;

namespace {

QStringList g_messages; // every qDebug/qInfo/qWarning of the window, grepped for secrets
QtMessageHandler g_previous = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages << message;
    if (g_previous) g_previous(type, context, message);
}

void collectPaths(const QAbstractItemModel *model, const QModelIndex &parent, QStringList *paths)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        *paths << index.data(HierarchyModel::PathRole).toString();
        collectPaths(model, index, paths);
    }
}

QByteArray fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPrivateBrowser : public QObject
{
    Q_OBJECT

    zs::test::SecretService m_keychain; // the settings' store talks to a real one
    PrivateStores m_stores;
    int m_runs = 0;

    void addWays(PrivateStores::Secret secret) const
    {
        QTest::addColumn<PrivateStores::Way>("way");
        for (const PrivateStores::Way &way : m_stores.ways(secret))
            QTest::addRow("%s", qPrintable(way.name)) << way;
    }

    // Opens the way's location as a user does, in its environment: typed in, or through the
    // Connection settings when they carry something (an endpoint, a profile). The first answer:
    // "" when loaded, else the failure.
    static QString open(MainWindow &window, const PrivateStores::Way &way)
    {
        PrivateStores::setEnvironment(way.env);
        window.show();
        const QString &location = way.location;
        ConnectionSettings settings = way.settings;
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        if (settings.isDefault()) {
            window.openLocation(location);
        } else {
            ConnectionSettingsDialog *dialog = window.openConnectionSettings(location);
            if (!dialog) return QStringLiteral("no Connection settings for ") + location;
            if (!QTest::qWaitFor([dialog] { return dialog->isEnabled(); }, 10000))
                return QStringLiteral("the Connection settings stayed disabled");
            settings.location = dialog->settings().location;
            dialog->setSettings(settings);
            dialog->accept();
        }
        if (!QTest::qWaitFor([&] { return loaded.count() + failed.count() > 0; }, 30000))
            return QStringLiteral("the store neither opened nor failed");
        return failed.isEmpty() ? QString() : failed.front().front().toString();
    }

    // The first secret in `text`, else empty.
    QString leaked(const QString &text) const
    {
        for (const QString &secret : m_stores.secrets())
            if (text.contains(secret)) return secret;
        return {};
    }

    // Everything the window shows or keeps that a secret could slip into.
    QStringList shownTexts(MainWindow &window) const
    {
        QStringList texts{window.windowTitle(), window.statusBar()->currentMessage(), window.discoveryError(),
                          QString::fromUtf8(fileText(QSettings().fileName()))};
        texts << RecentStores::list();
        for (QAbstractButton *b : window.welcomePage()->recentButtons())
            texts << b->text();
        auto *bar = window.findChild<QComboBox *>();
        for (int i = 0; bar && i < bar->count(); ++i)
            texts << bar->itemText(i);
        texts << window.metadataPanel()->rawText() << window.sliceView()->message()
              << window.timingPanel()->statusText() << window.timingPanel()->findingText();
        texts << g_messages;
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_private_browser"));
        const QString keychain = m_keychain.start(); // before anything here talks to D-Bus
        QVERIFY2(keychain.isEmpty(), qPrintable(keychain));
        // A missing zarr-python, s3rver or azurite fails here (never skips), saying how to install it.
        const QString problem = m_stores.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        qputenv("HOME", m_stores.home().toUtf8()); // ~/.aws/credentials of the test's own
        g_previous = qInstallMessageHandler(keepMessage);
    }

    void init()
    {
        QSettings().clear();
        RecentStores::clear();
        g_messages.clear();
        m_stores.clearCredentialEnvironment();
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void browsesPrivate_data() { addWays(PrivateStores::Secret::Right); }

    void browsesPrivate()
    {
        QFETCH(PrivateStores::Way, way); // its source: what the Connection settings say signed
        MainWindow window;
        const QString failure = open(window, way);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QStringList paths;
        collectPaths(window.hierarchyModel(), {}, &paths);
        paths.sort();
        QCOMPARE(paths, m_stores.nodes());

        QSignalSpy read(window.sliceView(), &SliceView::readFinished);
        window.selectPath(QStringLiteral("a"));
        QTRY_VERIFY_WITH_TIMEOUT(read.count() > 0, 20000);
        QCOMPARE(window.sliceView()->values(), m_stores.valuesOfA());

        ConnectionSettingsDialog *dialog = window.openConnectionSettings();
        QVERIFY(dialog);
        QVERIFY2(dialog->statusText() == QStringLiteral("Opened with: ") + way.source,
                 qPrintable(dialog->statusText()));
        dialog->reject();

        // The Timing tab opens the store again, with the same credentials: every request accepted.
        TimingPanel *timing = window.timingPanel();
        QSignalSpy timed(timing, &TimingPanel::runFinished);
        QVERIFY(timing->startRun());
        QTRY_COMPARE_WITH_TIMEOUT(timed.count(), 1, 30000);
        QCOMPARE(timing->run().rows.size(), std::size_t(2 * 9)); // two passes over 3 x 3 chunks
        for (const WaterfallRow &r : timing->run().rows)
            QVERIFY2(r.outcome == RequestOutcome::Ok && r.status == 200, qPrintable(r.key));
        const QString work = m_stores.workDir(++m_runs);
        QVERIFY(timing->exportCsv(work + QStringLiteral("/timing.csv")));
        QVERIFY(timing->exportJson(work + QStringLiteral("/timing.json")));

        // Export from the browser, read back by zarr-python.
        ExportDialog *exporter = window.openExportDialog(QStringLiteral("a"));
        QVERIFY(exporter);
        const QString target = work + QStringLiteral("/export.zarr");
        QVERIFY2(leaked(exporter->targetDirectory()).isEmpty(), qPrintable(exporter->targetDirectory()));
        exporter->setTargetDirectory(target);
        QSignalSpy exported(exporter, &ExportDialog::exportFinished);
        exporter->startExport();
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
        const QString check = m_stores.checkExport(target);
        QVERIFY2(check.isEmpty(), qPrintable(check));

        QStringList texts = shownTexts(window);
        for (const QString &file : {QStringLiteral("timing.csv"), QStringLiteral("timing-requests.csv"),
                                    QStringLiteral("timing.json")}) {
            const QByteArray text = fileText(work + u'/' + file);
            QVERIFY2(!text.isEmpty(), qPrintable(file));
            texts << QString::fromUtf8(text);
        }
        for (const QString &text : std::as_const(texts))
            QVERIFY2(leaked(text).isEmpty(), qPrintable(QStringLiteral("%1 in: %2").arg(leaked(text), text)));
    }

    void wrongSecretOffersSettings_data() { addWays(PrivateStores::Secret::Wrong); }

    void wrongSecretOffersSettings()
    {
        QFETCH(PrivateStores::Way, way); // its source: the words the failure says
        MainWindow window;
        const QString failure = open(window, way);
        QVERIFY2(failure.contains(way.source), qPrintable(failure));
        QVERIFY(isCredentialsFailure(failure));
        QVERIFY(window.offersConnectionSettings());
        QVERIFY(window.welcomeShown());
        QVERIFY(window.welcomePage()->settingsOffered());
        QCOMPARE(window.hierarchyModel()->rowCount(), 0);
        QStringList texts = shownTexts(window);
        texts << failure;
        for (const QString &text : std::as_const(texts))
            QVERIFY2(leaked(text).isEmpty(), qPrintable(QStringLiteral("%1 in: %2").arg(leaked(text), text)));
    }
};

QTEST_MAIN(TestPrivateBrowser)
#include "tst_private_browser.moc"
