#pragma once
// The colour maps the image view offers, as QCustomPlot gradients.

#include "QCustomPlotInclude.h"

#include <QStringList>

namespace zs {

QStringList colorMapNames(); // "viridis", "magma", "gray", "coolwarm"
// The gradient for `name`; viridis for an unknown name. NaN cells are transparent.
QCPColorGradient colorGradient(const QString &name);

} // namespace zs
