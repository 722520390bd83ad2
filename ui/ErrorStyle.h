#pragma once
// How the browser shows an error, the same in every tab: bold dark red, as the Data tab shows a
// failed read (SliceView::showMessage). Labels take the style sheet; table and tree items the
// colour and a bold font.

#include <QColor>
#include <QString>

namespace zs {

inline QString errorStyleSheet()
{
    return QStringLiteral("color: #a00; font-weight: bold");
}

inline QColor errorColor()
{
    return QColor(0xaa, 0x00, 0x00);
}

} // namespace zs
