#pragma once
// "Tooltips on every control" (issue 16), checked the same way in every tab's test: which of a
// widget's controls a user can point at and learn nothing from.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSlider>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

namespace zs::test {

inline bool isControl(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QAbstractSlider *>(w) || qobject_cast<const QAbstractItemView *>(w) ||
           w->inherits("QCustomPlot");
}

// Parts of a composite control (a spin box's line edit, a table's header and corner button, a
// tab bar's scroll arrows) are the composite's: its tooltip is theirs.
inline bool isPartOfAControl(const QWidget *w, const QWidget *top)
{
    for (const QWidget *up = w->parentWidget(); up && up != top; up = up->parentWidget())
        if (qobject_cast<const QAbstractSpinBox *>(up) || qobject_cast<const QComboBox *>(up) ||
            qobject_cast<const QAbstractScrollArea *>(up) || qobject_cast<const QTabBar *>(up))
            return true;
    return false;
}

// Every control under `top`, shown or not (a mode's widgets are there before it is chosen).
inline QList<QWidget *> controlsOf(const QWidget *top)
{
    QList<QWidget *> controls;
    for (QWidget *w : top->findChildren<QWidget *>())
        if (isControl(w) && !isPartOfAControl(w, top)) controls << w;
    return controls;
}

// "QPushButton \"Home\"" for each control without a tooltip: a failure message that says which.
inline QStringList controlsWithoutTooltip(const QWidget *top)
{
    QStringList without;
    for (const QWidget *w : controlsOf(top)) {
        if (!w->toolTip().trimmed().isEmpty()) continue;
        const auto *button = qobject_cast<const QAbstractButton *>(w);
        without << QStringLiteral("%1 \"%2\"")
                       .arg(QString::fromLatin1(w->metaObject()->className()),
                            button ? button->text() : w->objectName());
    }
    return without;
}

} // namespace zs::test
