// The window's Statistics dock, apart from MainWindow.cpp: the Statistics panel beside the tabs,
// following the Data tab's slice, toggled from the View menu and kept by saveState (objectName).

#include "MainWindow.h"
#include "StatisticsPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>

namespace zs {

void MainWindow::buildStatisticsDock(QMenu *viewMenu)
{
    auto *dock = new QDockWidget(tr("Statistics"), this);
    dock->setObjectName(QStringLiteral("statisticsDock"));
    m_statistics = new StatisticsPanel;
    m_statistics->setView(m_slice);
    dock->setWidget(m_statistics);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    // Hidden at first (View > Statistics shows it; saveState remembers): the tabs keep the width
    // the window had, and the splitter's saved sizes still fit.
    dock->hide();
    QAction *toggle = dock->toggleViewAction();
    toggle->setToolTip(tr("Statistics and histogram of the slice shown in the Data tab"));
    viewMenu->addAction(toggle);
}

} // namespace zs
