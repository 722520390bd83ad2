#pragma once
// Colours as omero writes them ("RRGGBB") and as the channel list shows and takes them
// ("#RRGGBB"): one parser so a colour typed in the list and one read from a store agree.

#include <QColor>
#include <QString>
#include <optional>

namespace zs::omeview {

// Exactly six hex digits, either case, with or without a leading '#'; nothing else (no "#RGB",
// no names, no alpha), so a malformed omero colour falls back to the default one.
std::optional<QColor> colorFromHex(const QString &text);

// "#RRGGBB", upper case, alpha dropped.
QString hexText(const QColor &color);

} // namespace zs::omeview
