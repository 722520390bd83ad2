#pragma once
// Help > Keyboard Shortcuts: the window's shortcuts and its plots' mouse gestures, read off the
// window when the dialog opens (ShortcutList.h), so a shortcut added anywhere shows up here.

#include <QDialog>

class QTableWidget;

namespace zs {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window);

    // For tests: rows of (action, keys, where) and of (where, gesture).
    QTableWidget *shortcutsTable() const { return m_shortcuts; }
    QTableWidget *gesturesTable() const { return m_gestures; }

private:
    QTableWidget *m_shortcuts;
    QTableWidget *m_gestures;
};

} // namespace zs
