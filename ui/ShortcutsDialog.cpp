#include "ShortcutsDialog.h"

#include "ShortcutList.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace zs {

namespace {

QTableWidget *readOnlyTable(const QStringList &headers, const QList<QStringList> &rows)
{
    auto *table = new QTableWidget(int(rows.size()), int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < headers.size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(rows[r].value(c)));
    table->resizeColumnsToContents();
    return table;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window) : QDialog(window)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<QStringList> keys;
    for (const ShortcutEntry &e : windowShortcuts(window))
        keys << QStringList{e.action, e.keys, e.where.isEmpty() ? tr("Window") : e.where};
    QList<QStringList> gestures;
    for (const GestureEntry &e : windowMouseGestures(window))
        gestures << QStringList{e.where.isEmpty() ? tr("Window") : e.where, e.gesture};
    m_shortcuts = readOnlyTable({tr("Action"), tr("Shortcut"), tr("Where")}, keys);
    m_gestures = readOnlyTable({tr("Where"), tr("Mouse")}, gestures);
    m_shortcuts->setToolTip(tr("Every shortcut of the window's menus and views"));
    m_gestures->setToolTip(tr("What the mouse does on the plots"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Keyboard")));
    layout->addWidget(m_shortcuts, 3);
    layout->addWidget(new QLabel(tr("Mouse")));
    layout->addWidget(m_gestures, 2);
    layout->addWidget(buttons);
    resize(620, 640);
}

} // namespace zs
