#pragma once
// The mouse gestures a widget answers, declared where the code handling them is, so that Help >
// Keyboard Shortcuts lists them from the widgets themselves and cannot fall behind. (QCustomPlot's
// own drag and wheel interactions need no declaring: ShortcutList reads them off the plot.)

#include <QStringList>
#include <QWidget>

namespace zs {

inline constexpr const char *kMouseGesturesProperty = "zsMouseGestures";

// "Double-click: reset the zoom", in that form: the gesture, a colon, what it does.
inline void addMouseGesture(QWidget *widget, const QString &gesture)
{
    QStringList all = widget->property(kMouseGesturesProperty).toStringList();
    if (!all.contains(gesture)) all << gesture;
    widget->setProperty(kMouseGesturesProperty, all);
}

inline QStringList mouseGestures(const QWidget *widget)
{
    return widget->property(kMouseGesturesProperty).toStringList();
}

} // namespace zs
