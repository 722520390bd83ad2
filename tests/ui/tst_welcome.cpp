// The window a user meets (issue 16): the welcome page in place of the tabs while no store is
// open, each of its entries opening what it says (the URL bar, the demo, a recent store, an
// example URL that cannot be reached failing clearly without blocking), Help > Keyboard
// Shortcuts built from the window's own actions, and a tooltip on every Timing tab control.

#include "ControlTooltips.h"
#include "DemoServer.h"
#include "DemoStore.h"
#include "HierarchyModel.h"
#include "MainWindow.h"
#include "RecentStores.h"
#include "ShortcutsDialog.h"
#include "UiFixtures.h"
#include "WelcomePage.h"
#include "timing/TimingPanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <algorithm>

using namespace zs;

namespace {

QComboBox *urlBar(MainWindow &window)
{
    auto *bar = window.findChild<QToolBar *>(QStringLiteral("locationBar"));
    return bar ? bar->findChild<QComboBox *>() : nullptr;
}

QAbstractButton *buttonFor(const QList<QAbstractButton *> &buttons, const QString &text)
{
    for (QAbstractButton *b : buttons)
        if (b->text() == text) return b;
    return nullptr;
}

} // namespace

class TestWelcome : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString store(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QCoreApplication::setOrganizationName(QStringLiteral("ZarrscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_welcome"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runZarrPython(m_dir.path(), QString::fromUtf8(test::kTreeStore) + QStringLiteral(R"PY(
other = zarr.open_group('recent.zarr', mode='w')
other.create_dataset('ramp', data=np.arange(10.0), chunks=(5,))
)PY")));
        QDir(m_dir.path()).mkpath(QStringLiteral("plain"));
    }

    void init() { RecentStores::clear(); }

    // Shown at start, gone once a store opens, back after an open that failed (the tree keeping
    // its explanation), gone again when the next store opens.
    void shownWhileNoStoreIsOpen()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.welcomeShown());
        QVERIFY(window.welcomePage()->isVisible());
        QVERIFY(!window.tabs()->isVisible());

        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.openLocation(store(QStringLiteral("tree.zarr")));
        QVERIFY(loaded.wait(10000));
        QVERIFY(!window.welcomeShown());
        QVERIFY(!window.welcomePage()->isVisible());
        QVERIFY(window.tabs()->isVisible());
        // The tabs take the whole place the page had (hidden until now, they were never laid out).
        QTRY_COMPARE(window.tabs()->geometry(), window.welcomePage()->geometry());

        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.openLocation(store(QStringLiteral("plain")));
        QVERIFY(failed.wait(10000));
        QVERIFY(window.welcomeShown());
        QVERIFY(window.welcomePage()->isVisible());
        QVERIFY(!window.discoveryError().isEmpty()); // the tree's explanation stays
        QVERIFY2(window.welcomePage()->failureText().contains(store(QStringLiteral("plain"))),
                 qPrintable(window.welcomePage()->failureText()));

        window.openLocation(store(QStringLiteral("tree.zarr")));
        QVERIFY(loaded.wait(10000));
        QVERIFY(!window.welcomeShown());
        QVERIFY(window.welcomePage()->failureText().isEmpty());
    }

    void openUrlFocusesTheUrlBar()
    {
        MainWindow window;
        window.show();
        QComboBox *url = urlBar(window);
        QVERIFY(url);
        window.filterEdit()->setFocus();
        QCOMPARE(window.focusWidget(), window.filterEdit());
        window.welcomePage()->openUrlButton()->click();
        QCOMPARE(window.focusWidget(), url);
        QCOMPARE(url->lineEdit()->selectedText(), url->currentText()); // ready to type over
    }

    // Open Folder: the folder dialog, and the folder chosen there opens as a store.
    void openFolderOpensTheChosenStore()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool seen = false; // the dialog itself is gone once the click returns
        QTimer chooser;    // the dialog runs its own event loop: answer it from inside that loop
        chooser.setInterval(20);
        connect(&chooser, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog || seen) return;
            seen = true;
            dialog->setDirectory(store(QStringLiteral("recent.zarr"))); // in it, as a user double-clicks
            QMetaObject::invokeMethod(dialog, "accept");                // a slot, protected in QFileDialog
        });
        chooser.start();
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.welcomePage()->openFolderButton()->click(); // returns once the dialog is answered
        chooser.stop();
        QVERIFY(seen);
        QVERIFY(loaded.count() > 0 || loaded.wait(10000));
        QVERIFY(!window.welcomeShown());
        QCOMPARE(window.hierarchyModel()->index(0, 0).data().toString(), QStringLiteral("recent.zarr"));
        QVERIFY(window.hierarchyModel()->indexForPath(QStringLiteral("ramp")).isValid());
    }

    // Open Demo: off without a demo, then the demo served on loopback as `zarrscope --demo` serves
    // it, its first array shown; a demo that cannot start says so on the page.
    void openDemoOpensTheDemo()
    {
        MainWindow window;
        QVERIFY(!window.welcomePage()->openDemoButton()->isEnabled());

        window.setDemoLauncher(
            [] { return Result<DemoLocation>(makeError(QStringLiteral("no port today"))); });
        QVERIFY(window.welcomePage()->openDemoButton()->isEnabled());
        window.welcomePage()->openDemoButton()->click();
        QVERIFY(window.welcomeShown());
        QVERIFY2(window.welcomePage()->failureText().contains(u"no port today"),
                 qPrintable(window.welcomePage()->failureText()));

        qputenv("ZARRSCOPE_DEMO_STORE", QByteArray(ZS_DEMO_STORE));
        QVERIFY2(!server::demoStorePath().isEmpty(), "the demo store is not built (target demo-store)");
        server::DemoServer demo;
        window.setDemoLauncher([&demo]() -> Result<DemoLocation> {
            const QUrl url = demo.url();
            if (url.isEmpty()) return makeError(demo.problem());
            return DemoLocation{url.toString(), QString::fromLatin1(server::kDemoViewArray)};
        });
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        window.welcomePage()->openDemoButton()->click();
        QVERIFY(loaded.wait(30000));
        QVERIFY(!window.welcomeShown());
        QCOMPARE(window.currentPath(), QString::fromLatin1(server::kDemoViewArray));
        QVERIFY(
            window.hierarchyModel()->indexForPath(QString::fromLatin1(server::kDemoTimingArray)).isValid());
        QCOMPARE(RecentStores::list().value(0), demo.url().toString());
    }

    // The recent stores are listed, and one click opens that store.
    void recentEntryOpensThatStore()
    {
        RecentStores::add(store(QStringLiteral("recent.zarr")));
        RecentStores::add(store(QStringLiteral("tree.zarr")));
        MainWindow window;
        const QList<QAbstractButton *> recent = window.welcomePage()->recentButtons();
        QCOMPARE(recent.size(), 2);
        QAbstractButton *entry = buttonFor(recent, store(QStringLiteral("recent.zarr")));
        QVERIFY(entry);
        QSignalSpy loaded(&window, &MainWindow::storeLoaded);
        QTest::mouseClick(entry, Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!window.welcomeShown());
        QCOMPARE(window.hierarchyModel()->index(0, 0).data().toString(), QStringLiteral("recent.zarr"));
        QVERIFY(window.hierarchyModel()->indexForPath(QStringLiteral("ramp")).isValid());
        // Opened, so now the most recent, on the page as in the menu.
        QCOMPARE(window.welcomePage()->recentButtons().value(0)->text(),
                 store(QStringLiteral("recent.zarr")));
    }

    // The examples include the seed's MUR store; one that cannot be reached fails through the
    // usual failed open within seconds, and the event loop keeps running meanwhile.
    void exampleThatCannotBeReachedFailsClearly()
    {
        bool seedListed = false;
        for (const ExampleStore &e : publicExampleStores())
            seedListed |= e.location == u"https://mur-sst.s3.us-west-2.amazonaws.com/zarr";
        QVERIFY(seedListed);
        MainWindow window;
        QCOMPARE(window.welcomePage()->exampleButtons().size(), publicExampleStores().size());

        const QString unreachable = QStringLiteral("http://127.0.0.1:9/x.zarr"); // discard port: refused
        window.welcomePage()->setExamples({{QStringLiteral("Nowhere"), unreachable}});
        const QList<QAbstractButton *> examples = window.welcomePage()->exampleButtons();
        QCOMPARE(examples.size(), 1);
        QCOMPARE(qobject_cast<QCommandLinkButton *>(examples.front())->description(), unreachable);

        // The longest the event loop went without running a 20 ms timer while the open failed.
        QElapsedTimer clock, sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        clock.start();
        sinceTick.start();
        ticker.start(20);
        QTest::mouseClick(examples.front(), Qt::LeftButton);
        QVERIFY(failed.wait(15000));
        ticker.stop();
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(longestGap < 500, qPrintable(QStringLiteral("blocked for %1 ms").arg(longestGap)));
        QVERIFY(window.welcomeShown());
        QVERIFY2(window.welcomePage()->failureText().contains(unreachable),
                 qPrintable(window.welcomePage()->failureText()));
        QVERIFY(!window.discoveryError().isEmpty());
    }

    // The dialog lists every action that has a shortcut (and F5, Ctrl+3 by name), each action's
    // tooltip says its shortcut, and the plots' mouse gestures are there too.
    void shortcutsDialogListsEveryShortcut()
    {
        MainWindow window;
        ShortcutsDialog *dialog = window.openShortcutsDialog();
        QVERIFY(dialog);
        QTableWidget *table = dialog->shortcutsTable();
        QSet<QString> rows;
        for (int r = 0; r < table->rowCount(); ++r)
            rows << table->item(r, 0)->text() + u'|' + table->item(r, 1)->text();
        const QString f5 = QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText);
        const QString ctrl3 = QKeySequence(Qt::CTRL | Qt::Key_3).toString(QKeySequence::NativeText);
        QVERIFY2(rows.contains(QStringLiteral("Reload Store|") + f5),
                 qPrintable(QStringList(rows.values()).join(u',')));
        QVERIFY(rows.contains(QStringLiteral("Timing|") + ctrl3));
        QVERIFY(rows.contains(QStringLiteral("Keyboard Shortcuts…|") +
                              QKeySequence(QKeySequence::HelpContents).toString(QKeySequence::NativeText)));
        int withShortcut = 0;
        for (const QAction *a : window.findChildren<QAction *>()) {
            if (a->shortcuts().isEmpty() || a->associatedObjects().isEmpty()) continue;
            ++withShortcut;
            const QString keys = QKeySequence::listToString(a->shortcuts(), QKeySequence::NativeText);
            QVERIFY2(rows.contains(QString(a->text()).remove(u'&') + u'|' + keys), qPrintable(a->text()));
            QVERIFY2(a->toolTip().contains(keys), qPrintable(a->toolTip()));
        }
        QVERIFY(withShortcut >= 12); // the File, View and Help menus' own
        const QList<QShortcut *> shortcuts = window.findChildren<QShortcut *>();
        const auto keyed = std::count_if(shortcuts.cbegin(), shortcuts.cend(),
                                         [](const QShortcut *s) { return !s->keys().isEmpty(); });
        QCOMPARE(table->rowCount(), withShortcut + int(keyed));

        QTableWidget *mouse = dialog->gesturesTable();
        QStringList gestures;
        for (int r = 0; r < mouse->rowCount(); ++r)
            gestures << mouse->item(r, 0)->text() + u'|' + mouse->item(r, 1)->text();
        // The Data tab's plot (whatever tabs it sits in inside the Data tab) and the Timing plots.
        auto listed = [&gestures](const QString &where, const QString &gestureStart) {
            return std::any_of(gestures.cbegin(), gestures.cend(), [&](const QString &g) {
                return g.startsWith(where) && g.section(u'|', 1).startsWith(gestureStart);
            });
        };
        QVERIFY2(listed(QStringLiteral("Data"), QStringLiteral("Mouse wheel: zoom")),
                 qPrintable(gestures.join(u',')));
        QVERIFY(listed(QStringLiteral("Data"), QStringLiteral("Move over the plot")));
        QVERIFY(listed(QStringLiteral("Data"), QStringLiteral("Double-click: home")));
        QVERIFY(listed(QStringLiteral("Data"), QStringLiteral("Ctrl+drag a rectangle")));
        QVERIFY(listed(QStringLiteral("Data"), QStringLiteral("Click a cell")));
        QVERIFY(listed(QStringLiteral("Timing › Waterfall"), QStringLiteral("Drag")));
    }

    // Every button, spin box, combo, check box, table and figure of the Timing tab says what it does.
    void everyTimingControlHasATooltip()
    {
        MainWindow window;
        TimingPanel *panel = window.timingPanel();
        const QStringList without = test::controlsWithoutTooltip(panel);
        QVERIFY2(without.isEmpty(), qPrintable(without.join(QStringLiteral(", "))));
        const auto controls = test::controlsOf(panel).size();
        QVERIFY2(controls >= 14, qPrintable(QString::number(controls)));
        auto *tabs = panel->findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY2(!tabs->tabToolTip(i).isEmpty(), qPrintable(tabs->tabText(i)));
    }
};

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
