// The Connection settings' side of MainWindow, apart from MainWindow.cpp: a remote store opens
// with the settings kept for its location (after the keychain answered for the header values),
// File > Connection Settings… edits them and reopens the store, and a store that refused for
// want of credentials offers them. Locations are shown and kept only as displayLocation().

#include "ConnectionSettings.h"
#include "ConnectionSettingsDialog.h"
#include "ConnectionSettingsStore.h"
#include "MainWindow.h"
#include "WelcomePage.h"
#include "auth/Redaction.h"
#include "store/StoreFactory.h"
#include "timing/TimingPanel.h"

#include <QAction>
#include <QComboBox>
#include <QStatusBar>

namespace zs {

QString MainWindow::shownLocation() const
{
    return displayLocation(m_location);
}

void MainWindow::openWithSettings(const ConnectionSettings &settings, const QString &keychainProblem)
{
    const StoreOptions options = settings.toStoreOptions();
    m_timing->setStoreOptions(options); // the Timing tab opens its own store: with the same credentials
    openStoreNow(options);
    // After the open's own message, which would hide it: the values may be missing.
    if (!keychainProblem.isEmpty()) statusBar()->showMessage(keychainProblem);
}

QString MainWindow::connectionTarget() const
{
    // The store bar names another remote store than the open one: that is the one meant. When it
    // shows the open store (as displayLocation), the open store's own location is kept: it may
    // carry userinfo the bar does not show.
    QString typed = m_url->currentText().trimmed();
    if (isRemoteLocation(typed) && connectionSettingsKey(typed) != connectionSettingsKey(m_location))
        return typed;
    return isRemoteLocation(m_location) ? m_location : QString();
}

void MainWindow::updateConnectionAction()
{
    if (m_connectionAction) m_connectionAction->setEnabled(!connectionTarget().isEmpty());
}

bool MainWindow::offersConnectionSettings() const
{
    const bool inBanner = !m_banner->isHidden() && !m_bannerSettings->isHidden();
    return inBanner || (welcomeShown() && m_welcome->settingsOffered());
}

ConnectionSettingsDialog *MainWindow::openConnectionSettings(const QString &requested)
{
    const QString location = requested.isEmpty() ? connectionTarget() : requested;
    if (!isRemoteLocation(location)) return nullptr;
    const QString key = connectionSettingsKey(location);
    auto *dialog = new ConnectionSettingsDialog(m_connections->known(key), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool isOpenStore = key == connectionSettingsKey(m_location);
    if (isOpenStore && !m_lastOpenError.isEmpty())
        dialog->setStatus(tr("The last open failed: %1").arg(m_lastOpenError), true);
    else if (isOpenStore && m_store)
        dialog->setStatus(tr("Opened with: %1").arg(m_store->credentialSource()), false);
    else
        dialog->setStatus(tr("%1 is not open: these settings apply when it is.").arg(key), false);
    dialog->setKeychainProblem(m_keychainProblem);
    if (!m_connections->isComplete(key)) {
        dialog->setEnabled(false); // until the values are there: OK now would save them empty
        m_connections->load(key, dialog,
                            [dialog](const ConnectionSettings &settings, const QString &problem) {
                                dialog->setSettings(settings);
                                dialog->setKeychainProblem(problem);
                                dialog->setEnabled(true);
                            });
    }
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, location] { applyConnectionSettings(location, dialog->settings()); });
    dialog->show();
    return dialog;
}

void MainWindow::applyConnectionSettings(const QString &location, const ConnectionSettings &settings)
{
    m_connections->save(settings, this, [this](const QString &problem) {
        m_keychainProblem = problem;
        if (!problem.isEmpty()) statusBar()->showMessage(problem);
    });
    // The values are usable at once, whatever the keychain says later: reopen as F5 does.
    const bool isOpenStore = connectionSettingsKey(location) == connectionSettingsKey(m_location);
    openLocation(isOpenStore ? m_location : location, isOpenStore ? currentPath() : QString());
}

} // namespace zs
