#include "SlicePlot.h"

#include "CoordinateTicker.h"
#include "MissingSwatch.h"
#include "QCustomPlotInclude.h"

namespace zs {

SlicePlot::SlicePlot(QCustomPlot *plot) : m_plot(plot)
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMinimumSize(320, 240);
    m_graph = m_plot->addGraph();
    m_graph->setPen(QPen(QColor(31, 119, 180), 1.5));
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    m_swatch = new MissingSwatch(m_plot);
    m_swatch->setVisible(false); // until an image shows, see showScale
    // The scale stays as tall as the plot area beside it.
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
}

void SlicePlot::showScale(bool on)
{
    QCPLayoutGrid *layout = m_plot->plotLayout();
    if (!on && layout->hasElement(0, 1)) layout->take(m_scale);
    if (!on && layout->hasElement(1, 1)) layout->take(m_swatch);
    if (on && !layout->hasElement(0, 1)) layout->addElement(0, 1, m_scale);
    if (on && !layout->hasElement(1, 1)) layout->addElement(1, 1, m_swatch);
    layout->simplify();
    if (on) layout->setRowStretchFactor(1, 0.001); // the swatch's row only as tall as the swatch
    m_swatch->setVisible(on);                      // out of the layout it would still draw, where it last was
}

void SlicePlot::setUpLine(std::uint64_t length, const QString &xLabel, const QString &yLabel)
{
    m_line = true;
    m_graph->setVisible(true);
    m_map->setVisible(false);
    showScale(false);
    m_homeX = {-0.5, std::max(0.5, double(length) - 0.5)};
    m_plot->xAxis->setRange(m_homeX.first, m_homeX.second);
    m_plot->yAxis->setRangeReversed(false);
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(yLabel);
}

void SlicePlot::setUpImage(std::uint64_t nx, std::uint64_t ny, const QString &xLabel, const QString &yLabel)
{
    m_line = false;
    m_graph->setVisible(false);
    m_map->setVisible(true);
    showScale(true);
    m_homeX = {-0.5, double(nx) - 0.5};
    m_homeY = {-0.5, double(ny) - 0.5};
    m_plot->xAxis->setRange(m_homeX.first, m_homeX.second);
    m_plot->yAxis->setRange(m_homeY.first, m_homeY.second);
    setValueAxisLog(m_plot->yAxis, false); // an index axis, whatever a line plot left it
    m_plot->yAxis->setRangeReversed(true); // row 0 at the top, as images are drawn
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(yLabel);
}

void SlicePlot::setCoordinates(const AxisCoordinate *x, const AxisCoordinate *y)
{
    auto apply = [](QCPAxis *axis, const AxisCoordinate *c) {
        if (c && c->present())
            axis->setTicker(QSharedPointer<CoordinateTicker>::create(*c));
        else
            axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    };
    apply(m_plot->xAxis, x);
    // Values grow rightwards; an x coordinate that falls with its index runs the axis backwards.
    m_plot->xAxis->setRangeReversed(x && x->present() && x->values.back() < x->values.front());
    if (m_line) return;
    apply(m_plot->yAxis, y);
    // Without a coordinate row 0 is at the top, as images are drawn; with one, values grow
    // upwards (north up for latitude).
    m_plot->yAxis->setRangeReversed(!(y && y->present() && increasesWithIndex(y->values)));
}

void SlicePlot::setValueTitle(const QString &title)
{
    if (m_line)
        m_plot->yAxis->setLabel(title);
    else
        m_scale->axis()->setLabel(title);
}

void SlicePlot::setUpNothing()
{
    m_graph->setVisible(false);
    m_map->setVisible(false);
    showScale(false);
}

void SlicePlot::clear()
{
    m_graph->data()->clear();
    m_map->data()->clear();
    m_map->setVisible(false);
    m_plot->replot();
}

void SlicePlot::drawLine(const DimSelection &x, const std::vector<double> &values, const ValueRange &range,
                         bool log)
{
    setValueAxisLog(m_plot->yAxis, log);
    QVector<double> keys(qsizetype(values.size())), vals(qsizetype(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i) {
        keys[qsizetype(i)] = double(x.start + i * x.step);
        vals[qsizetype(i)] = values[i]; // NaN stays NaN: QCPGraph leaves a gap there
    }
    m_graph->setData(keys, vals, true);
    if (range.valid) {
        const double pad = (range.upper - range.lower) * 0.05;
        // On a log axis the padding is a factor: a linear one could reach below zero.
        m_homeY = log ? std::pair{range.lower / 1.1, range.upper * 1.1}
                      : std::pair{range.lower - pad, range.upper + pad};
        m_plot->yAxis->setRange(m_homeY.first, m_homeY.second);
    }
}

void SlicePlot::drawImage(const DimSelection &x, const DimSelection &y, bool yFirst,
                          const std::vector<double> &values, const QCPColorGradient &gradient)
{
    const int nx = int(x.count), ny = int(y.count);
    QCPColorMapData *data = m_map->data();
    data->setSize(nx, ny);
    data->setRange(QCPRange(double(x.start), double(x.start + (x.count - 1) * x.step)),
                   QCPRange(double(y.start), double(y.start + (y.count - 1) * y.step)));
    // The result keeps the array's dimension order: rows are y when y comes first, else x.
    for (int iy = 0; iy < ny; ++iy) {
        for (int ix = 0; ix < nx; ++ix) {
            const std::size_t at = yFirst ? std::size_t(iy) * std::size_t(nx) + std::size_t(ix)
                                          : std::size_t(ix) * std::size_t(ny) + std::size_t(iy);
            data->setCell(ix, iy, at < values.size() ? values[at] : qQNaN());
        }
    }
    m_map->setGradient(gradient);
    m_swatch->setColor(gradient.nanColor());
}

void SlicePlot::setColorRange(const ValueRange &range, bool log)
{
    if (log != (m_map->dataScaleType() == QCPAxis::stLogarithmic)) {
        // The colour scale follows the map's data scale type; its ticks must say decades.
        m_map->setDataScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (log)
            m_scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        else
            m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    if (range.valid && range.upper > range.lower && (!log || range.lower > 0))
        m_map->setDataRange(QCPRange(range.lower, range.upper));
}

void SlicePlot::setValueAxisLog(QCPAxis *axis, bool log)
{
    if (log == (axis->scaleType() == QCPAxis::stLogarithmic)) return;
    axis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
}

bool SlicePlot::showsImage() const
{
    return !m_line && m_map->visible();
}

void SlicePlot::showWhole()
{
    m_plot->xAxis->setRange(m_homeX.first, m_homeX.second);
    m_plot->yAxis->setRange(m_homeY.first, m_homeY.second);
}

} // namespace zs
