#pragma once
// The drawing half of the slice view: one QCustomPlot holding a line graph (1-D) and a colour map
// with its scale (2-D), set up for the shape shown and filled from a read's values. It knows
// nothing of stores or reads; SliceView decides what to draw and with which range.

#include "AxisCoordinate.h"
#include "DataRange.h"
#include "selection/Selection.h"

#include <QString>
#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPAxis;
class QCPColorGradient;

namespace zs {

class MissingSwatch;

class SlicePlot
{
public:
    explicit SlicePlot(QCustomPlot *plot);

    QCustomPlot *plot() const { return m_plot; }
    QCPColorMap *colorMap() const { return m_map; }
    QCPGraph *graph() const { return m_graph; }

    // Axes for `length` samples along x drawn as a line, or an nx × ny image (row 0 at the top),
    // or nothing at all (a 0-d array, shown as text).
    void setUpLine(std::uint64_t length, const QString &xLabel, const QString &yLabel);
    void setUpImage(std::uint64_t nx, std::uint64_t ny, const QString &xLabel, const QString &yLabel);
    void setUpNothing();
    void clear();
    // Ticks in coordinate values (CoordinateTicker) for the axes that have one, index ticks for
    // null; an axis whose coordinate grows with the index is drawn growing upwards (north up) and
    // rightwards. Call after setUpLine or setUpImage; `y` is ignored for a line.
    void setCoordinates(const AxisCoordinate *x, const AxisCoordinate *y);
    // The colour scale's title (an image) or the value axis's (a line): "long_name [units]".
    void setValueTitle(const QString &title);
    QCPColorScale *colorScale() const { return m_scale; }
    MissingSwatch *missingSwatch() const { return m_swatch; } // under the scale, beside images only
    bool showsImage() const;
    // The whole extent again (Home): what setUpLine or setUpImage set, a line's values in view.
    void showWhole();
    std::pair<double, double> wholeX() const { return m_homeX; }
    std::pair<double, double> wholeY() const { return m_homeY; }

    // `values` as read for `x` (a line), padded 5 % within `range` when it is valid; `log` makes
    // the value axis logarithmic.
    void drawLine(const DimSelection &x, const std::vector<double> &values, const ValueRange &range,
                  bool log = false);
    // `values` in the read's dimension order; `yFirst` when the y dimension precedes x in it.
    void drawImage(const DimSelection &x, const DimSelection &y, bool yFirst,
                   const std::vector<double> &values, const QCPColorGradient &gradient);
    // `log`: the colour map's data scale and its scale's axis logarithmic (`range` positive).
    void setColorRange(const ValueRange &range, bool log = false);

private:
    void showScale(bool on);
    void setValueAxisLog(QCPAxis *axis, bool log);
    bool m_line = false;
    std::pair<double, double> m_homeX{0, 1}; // the whole extent, for showWhole
    std::pair<double, double> m_homeY{0, 1};

    QCustomPlot *m_plot;
    QCPGraph *m_graph;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    MissingSwatch *m_swatch;
};

} // namespace zs
