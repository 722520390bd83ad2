// The welcome page's side of MainWindow, apart from MainWindow.cpp: the page in place of the
// tabs while no store is open (again after a failed open, the tree keeping its explanation), its
// entries opening through openLocation, the demo through the app's launcher, and Help > Keyboard
// Shortcuts.

#include "ConnectionSettings.h"
#include "HierarchyModel.h"
#include "MainWindow.h"
#include "RecentStores.h"
#include "ShortcutsDialog.h"
#include "WelcomePage.h"
#include "store/StoreFactory.h"

#include <QComboBox>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

namespace zs {

QWidget *MainWindow::buildPages()
{
    m_welcome = new WelcomePage;
    m_pages = new QStackedWidget;
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_tabs);
    m_pages->setCurrentWidget(m_welcome);
    m_welcome->setRecentStores(RecentStores::list());
    connect(m_welcome, &WelcomePage::openRequested, this, [this](const QString &l) { openLocation(l); });
    connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::openFolder);
    connect(m_welcome, &WelcomePage::openDemoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::connectionSettingsRequested, this,
            [this] { openConnectionSettings(m_location); });
    connect(m_welcome, &WelcomePage::openUrlRequested, this, [this] {
        m_url->setFocus();
        m_url->lineEdit()->selectAll();
    });
    // A store that opened shows its tabs; one that failed with nothing to browse, the page again.
    connect(this, &MainWindow::storeLoaded, this, &MainWindow::showTabs);
    connect(this, &MainWindow::storeFailed, this, [this](const QString &message) {
        if (m_model->rowCount() != 0) return;
        showWelcome(tr("Could not open %1: %2").arg(shownLocation(), message));
        m_welcome->setSettingsOffered(isRemoteLocation(m_location) && isCredentialsFailure(message));
    });
    return m_pages;
}

bool MainWindow::welcomeShown() const
{
    return m_pages->currentWidget() == m_welcome;
}

void MainWindow::showWelcome(const QString &failure)
{
    m_welcome->setFailure(failure);
    m_pages->setCurrentWidget(m_welcome);
}

void MainWindow::showTabs()
{
    m_welcome->setFailure({});
    m_pages->setCurrentWidget(m_tabs);
}

void MainWindow::setDemoLauncher(DemoLauncher launcher)
{
    m_demoLauncher = std::move(launcher);
    m_welcome->setDemoAvailable(bool(m_demoLauncher));
}

void MainWindow::openDemo()
{
    if (!m_demoLauncher) return;
    const Result<DemoLocation> demo = m_demoLauncher();
    if (!demo) {
        const QString message = tr("Could not start the demo: %1").arg(demo.error().toString());
        showWelcome(message);
        statusBar()->showMessage(message);
        return;
    }
    openLocation(demo->location, demo->arrayPath);
}

ShortcutsDialog *MainWindow::openShortcutsDialog()
{
    auto *dialog = new ShortcutsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace zs
