#pragma once
// The colour maps the image view offers, as QCustomPlot gradients.

#include "QCustomPlotInclude.h"

#include <QStringList>

namespace zs {

// "viridis", "magma", "cividis", "plasma", "inferno", "turbo", "twilight", "gray",
// "gray (reversed)", "coolwarm".
QStringList colorMapNames();
// The gradient for `name`, flipped end for end when `reversed`; viridis for an unknown name. NaN
// cells (masked values, values a log scale cannot show, cells not read yet) are drawn in
// missingColor(name).
QCPColorGradient colorGradient(const QString &name, bool reversed = false);
// A colour no value of the map takes and unlike the plot's white background: grey beside the
// coloured maps, tan beside gray, green beside twilight's purples and greys, pink beside cividis.
QColor missingColor(const QString &name);
// The map for angles (a complex value's phase): cyclic, so -π and π look the same.
QString cyclicColorMap();

} // namespace zs
