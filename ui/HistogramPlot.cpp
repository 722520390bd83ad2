#include "HistogramPlot.h"

#include "QCustomPlotInclude.h"

#include <QMouseEvent>
#include <QVBoxLayout>
#include <algorithm>

namespace zs {

HistogramPlot::HistogramPlot(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(160);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(70, 110, 170));
    m_plot->yAxis->setLabel(tr("count"));
    // The band spans the plot's height whatever the counts: y in fractions of the axis rect.
    m_band = new QCPItemRect(m_plot);
    m_band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_band->setPen(QPen(QColor(200, 120, 0)));
    m_band->setBrush(QColor(255, 165, 0, 70));
    m_band->setVisible(false);
    m_plot->setToolTip(tr("Drag along the values to set the colour range to that interval"));
    // No range drag or zoom: a drag here picks values, it does not pan.
    connect(m_plot, &QCustomPlot::mousePress, this, &HistogramPlot::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &HistogramPlot::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &HistogramPlot::onRelease);
}

void HistogramPlot::setHistogram(const Histogram &h, const QString &valueTitle)
{
    QVector<double> keys, counts;
    double top = 1;
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        keys << (h.edge(i) + h.edge(i + 1)) / 2;
        counts << double(h.counts[i]);
        top = std::max(top, counts.back());
    }
    m_bars->setData(keys, counts, true);
    m_bars->setWidth(h.binWidth());
    m_plot->xAxis->setRange(h.lower, h.upper);
    m_plot->yAxis->setRange(0, top * 1.05);
    m_plot->xAxis->setLabel(valueTitle);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HistogramPlot::clear()
{
    m_bars->data()->clear();
    m_dragging = false;
    m_band->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HistogramPlot::showBand(double from, double to)
{
    m_band->topLeft->setCoords(std::min(from, to), 0);
    m_band->bottomRight->setCoords(std::max(from, to), 1);
    m_band->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HistogramPlot::onPress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_bars->data()->isEmpty()) return;
    if (!m_plot->axisRect()->rect().contains(event->position().toPoint())) return;
    m_dragging = true;
    m_dragFrom = m_plot->xAxis->pixelToCoord(event->position().x());
    showBand(m_dragFrom, m_dragFrom);
}

void HistogramPlot::onMove(QMouseEvent *event)
{
    if (!m_dragging) return;
    showBand(m_dragFrom, m_plot->xAxis->pixelToCoord(event->position().x()));
}

void HistogramPlot::onRelease(QMouseEvent *event)
{
    if (!m_dragging) return;
    m_dragging = false;
    m_band->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    const double to = m_plot->xAxis->pixelToCoord(event->position().x());
    // A click without a drag picks nothing: an empty interval is no colour range.
    if (to != m_dragFrom) Q_EMIT rangeDragged(std::min(m_dragFrom, to), std::max(m_dragFrom, to));
}

} // namespace zs
