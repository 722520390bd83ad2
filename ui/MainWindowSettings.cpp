// The window's layout across sessions, apart from MainWindow.cpp: geometry, toolbar and dock
// state, the tree/tabs splitter and the current tab, in QSettings. (The colour map is kept by
// SliceView, the recent stores by RecentStores.)

#include "MainWindow.h"

#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

namespace zs {

namespace {
const char *const kGeometry = "window/geometry";
const char *const kState = "window/state";
const char *const kSplitter = "window/splitter";
const char *const kTab = "window/tab";
} // namespace

void MainWindow::restoreSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometry)).toByteArray());
    restoreState(settings.value(QLatin1String(kState)).toByteArray());
    m_splitter->restoreState(settings.value(QLatin1String(kSplitter)).toByteArray());
    const int tab = settings.value(QLatin1String(kTab), 0).toInt();
    if (tab >= 0 && tab < m_tabs->count()) m_tabs->setCurrentIndex(tab);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometry), saveGeometry());
    settings.setValue(QLatin1String(kState), saveState());
    settings.setValue(QLatin1String(kSplitter), m_splitter->saveState());
    settings.setValue(QLatin1String(kTab), m_tabs->currentIndex());
}

} // namespace zs
