#pragma once
// Every keyboard shortcut and mouse gesture of a window, read off its live objects (its QActions
// and QShortcuts, its plots' interactions and declared gestures) rather than kept in a list of
// their own: what Help > Keyboard Shortcuts shows, and the shortcut in each action's tooltip.

#include <QList>
#include <QString>

class QWidget;

namespace zs {

struct ShortcutEntry
{
    QString action; // the action's text without its mnemonic '&'
    QString keys;   // as the platform writes them ("Ctrl+3"); several joined by "; "
    QString where;  // the menu ("File"), or the tab it works in ("Metadata › Raw JSON")
};

struct GestureEntry
{
    QString where;   // the tab of the plot or widget ("Data", "Timing › Waterfall")
    QString gesture; // "Mouse wheel: zoom in and out around the cursor"
};

// Actions that are in a menu or on a widget (an action on nothing has no effect) and QShortcuts.
QList<ShortcutEntry> windowShortcuts(const QWidget *window);
QList<GestureEntry> windowMouseGestures(const QWidget *window);
// Appends " (Ctrl+3)" to the tooltip of every action with a shortcut that does not say it yet.
void putShortcutsInToolTips(QWidget *window);
// The tabs `widget` sits in below `window`, outermost first, joined by " › "; "" for none.
QString placeOf(const QWidget *widget, const QWidget *window);

} // namespace zs
