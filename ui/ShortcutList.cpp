#include "ShortcutList.h"

#include "MouseGestures.h"
#include "QCustomPlotInclude.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <optional>

namespace zs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ShortcutList", text);
}

QString keysOf(const QList<QKeySequence> &keys)
{
    return QKeySequence::listToString(keys, QKeySequence::NativeText);
}

QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

// A menu's title, or else the place of the first widget the action is on; nullopt when it is
// on nothing (its shortcut would never fire).
std::optional<QString> whereActionIs(const QAction *action, const QWidget *window)
{
    std::optional<QString> place;
    for (QObject *o : action->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(o); menu && !menu->title().isEmpty())
            return withoutMnemonic(menu->title());
        if (auto *w = qobject_cast<QWidget *>(o); w && !place) place = placeOf(w, window);
    }
    return place;
}

} // namespace

QString placeOf(const QWidget *widget, const QWidget *window)
{
    QStringList tabs;
    for (const QWidget *w = widget; w && w != window; w = w->parentWidget()) {
        const auto *stack = qobject_cast<const QStackedWidget *>(w->parentWidget());
        const auto *tabWidget = stack ? qobject_cast<const QTabWidget *>(stack->parentWidget()) : nullptr;
        if (tabWidget) tabs.prepend(withoutMnemonic(tabWidget->tabText(tabWidget->indexOf(w))));
    }
    return tabs.join(QStringLiteral(" › "));
}

QList<ShortcutEntry> windowShortcuts(const QWidget *window)
{
    QList<ShortcutEntry> out;
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty()) continue;
        const std::optional<QString> where = whereActionIs(a, window);
        if (!where) continue;
        out.push_back({withoutMnemonic(a->text()), keysOf(a->shortcuts()), *where});
    }
    for (const QShortcut *s : window->findChildren<QShortcut *>()) {
        if (s->keys().isEmpty()) continue;
        // A QShortcut has no text of its own: its What's This says what it does.
        const QString where = placeOf(qobject_cast<const QWidget *>(s->parent()), window);
        const QString what = !s->whatsThis().isEmpty()    ? s->whatsThis()
                             : !s->objectName().isEmpty() ? s->objectName()
                                                          : tr("(a shortcut without a description)");
        out.push_back({what, keysOf(s->keys()), where});
    }
    return out;
}

QList<GestureEntry> windowMouseGestures(const QWidget *window)
{
    QList<GestureEntry> out;
    auto add = [&out](const QString &where, const QString &gesture) {
        for (const GestureEntry &e : std::as_const(out))
            if (e.where == where && e.gesture == gesture) return;
        out.push_back({where, gesture});
    };
    for (const QWidget *w : window->findChildren<QWidget *>()) {
        const QString where = placeOf(w, window);
        if (const auto *plot = qobject_cast<const QCustomPlot *>(w)) {
            if (plot->interactions().testFlag(QCP::iRangeDrag)) add(where, tr("Drag: move the view"));
            if (plot->interactions().testFlag(QCP::iRangeZoom))
                add(where, tr("Mouse wheel: zoom in and out around the cursor"));
            if (plot->selectionRectMode() == QCP::srmZoom) add(where, tr("Drag a rectangle: zoom to it"));
        }
        for (const QString &g : mouseGestures(w))
            add(where, g);
    }
    return out;
}

void putShortcutsInToolTips(QWidget *window)
{
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty()) continue;
        const QString keys = keysOf(a->shortcuts());
        if (!a->toolTip().contains(keys)) a->setToolTip(QStringLiteral("%1 (%2)").arg(a->toolTip(), keys));
    }
}

} // namespace zs
