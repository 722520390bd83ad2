#pragma once
// A plot's tooltip that shows over its margins (axes, colour bar, legend) but never over the data:
// there the cursor reads values into the read-out line, and a box popping up over the cells a user
// is looking at would hide them.

class QCustomPlot;
class QString;

namespace zs {

void setMarginToolTip(QCustomPlot *plot, const QString &text);

} // namespace zs
