#pragma once
// The colour maps the image view offers, as QCustomPlot gradients.

#include "QCustomPlotInclude.h"

#include <QStringList>

namespace zs {

QStringList colorMapNames(); // "viridis", "magma", "gray", "coolwarm"
// The gradient for `name`; viridis for an unknown name. NaN cells (masked values, and cells not
// read yet) are drawn in missingColor(name).
QCPColorGradient colorGradient(const QString &name);
// A colour no value of the map takes and unlike the plot's white background: grey beside the
// coloured maps, tan beside gray.
QColor missingColor(const QString &name);

} // namespace zs
