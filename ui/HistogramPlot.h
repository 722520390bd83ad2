#pragma once
// The Statistics panel's histogram: bars over the bins, and a range picked by dragging along x
// (press, move, release), shown as a shaded band while dragging and reported as rangeDragged.

#include "SliceStatistics.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPItemRect;
class QMouseEvent;

namespace zs {

class HistogramPlot final : public QWidget
{
    Q_OBJECT
public:
    explicit HistogramPlot(QWidget *parent = nullptr);

    void setHistogram(const Histogram &histogram, const QString &valueTitle);
    void clear();

    QCustomPlot *plot() const { return m_plot; }
    QCPBars *bars() const { return m_bars; }
    QCPItemRect *band() const { return m_band; } // visible while dragging
    bool isDragging() const { return m_dragging; }

Q_SIGNALS:
    void rangeDragged(double lower, double upper); // in value units, lower < upper

private:
    void onPress(QMouseEvent *event);
    void onMove(QMouseEvent *event);
    void onRelease(QMouseEvent *event);
    void showBand(double from, double to);

    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QCPItemRect *m_band;
    bool m_dragging = false;
    double m_dragFrom = 0;
};

} // namespace zs
