#pragma once
// The published colour maps as equally spaced stops (sampled from matplotlib 3.6's tables, which
// define them; coolwarm is Moreland's diverging map as matplotlib defines it), for ColorMaps.cpp.

#include <QColor>
#include <QList>
#include <QString>

namespace zs {

// Low end first; empty for a name without a table (gray is QCustomPlot's own).
QList<QColor> colorMapStops(const QString &name);

} // namespace zs
