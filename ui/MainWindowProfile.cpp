// The Profile dock of MainWindow: a click on a cell of the Data tab's image plots the values
// through it (ProfileView), along the dimension the user picks; View > Profile shows or hides it.

#include "MainWindow.h"
#include "ProfileView.h"
#include "SliceView.h"

#include <QDockWidget>
#include <QMenu>

namespace zs {

void MainWindow::wireProfile(QMenu *viewMenu)
{
    m_profile = new ProfileView;
    m_profileDock = new QDockWidget(tr("Profile"), this);
    m_profileDock->setObjectName(QStringLiteral("profileDock")); // for saveState
    m_profileDock->setWidget(m_profile);
    addDockWidget(Qt::BottomDockWidgetArea, m_profileDock);
    m_profileDock->hide(); // until the first click on a cell (or View > Profile)
    QAction *toggle = m_profileDock->toggleViewAction();
    toggle->setText(tr("&Profile"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    viewMenu->addAction(toggle);
    connect(m_slice, &SliceView::cellPicked, this, [this](const ProfileRequest &request) {
        m_profile->showProfile(request);
        m_profileDock->show();
        m_profileDock->raise();
    });
}

} // namespace zs
