#pragma once
// A legend entry under the colour scale: a square in the colour missing and NaN cells are drawn
// in, labelled "missing", so a grey patch on the map is not read as a value. It is part of the
// plot's layout, so saved images carry it too.

#include "QCustomPlotInclude.h"

namespace zs {

class MissingSwatch final : public QCPLayoutElement
{
public:
    explicit MissingSwatch(QCustomPlot *plot);

    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    QString label() const { return m_label; }

    QSize minimumOuterSizeHint() const override;
    QSize maximumOuterSizeHint() const override;

protected:
    void draw(QCPPainter *painter) override;

private:
    QColor m_color;
    QString m_label;
    QFont m_font;
};

} // namespace zs
