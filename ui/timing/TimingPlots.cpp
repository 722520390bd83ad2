#include "timing/TimingPlots.h"

#include "QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace zs {

QColor modeColor(int concurrency)
{
    return concurrency == 1 ? QColor(31, 119, 180) : QColor(255, 127, 14);
}

QString passName(const BenchPass &p)
{
    return p.concurrency == 1 ? QStringLiteral("sequential #%1").arg(p.repeat + 1)
                              : QStringLiteral("concurrent %1 #%2").arg(p.concurrency).arg(p.repeat + 1);
}

void placeLegendOutside(QCustomPlot *plot)
{
    // In a column of its own right of the data, so it never covers a line or a bar.
    if (plot->legend->layout()) plot->legend->layout()->take(plot->legend);
    auto *main = plot->plotLayout();
    main->addElement(0, main->columnCount(), plot->legend);
    main->setColumnStretchFactor(main->columnCount() - 1, 0.001);
    plot->legend->setMargins(QMargins(6, 6, 6, 6));
}

void setupTimingPlot(QCustomPlot *plot, const QString &xLabel, const QString &yLabel)
{
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    placeLegendOutside(plot);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
}

void drawCompletion(QCustomPlot *plot, const TimingRun &run)
{
    plot->clearPlottables();
    double maxX = 1, maxY = 1;
    for (const PassTimeline &p : run.passes) {
        QCPGraph *g = plot->addGraph();
        QColor c = modeColor(p.pass.concurrency);
        if (p.pass.repeat > 0) c = c.lighter(100 + 25 * std::min(p.pass.repeat, 4));
        g->setPen(QPen(c, 2));
        g->setLineStyle(QCPGraph::lsStepLeft);
        g->setName(passName(p.pass));
        QVector<double> x{0}, y{0};
        for (std::size_t i = 0; i < p.chunkDoneMs.size(); ++i) {
            x << p.chunkDoneMs[i];
            y << double(i + 1);
        }
        g->setData(x, y, true);
        maxX = std::max(maxX, x.back());
        maxY = std::max(maxY, y.back());
        if (p.pass.repeat > 0 || run.passes.size() > 12) g->removeFromLegend();
    }
    plot->xAxis->setRange(0, maxX * 1.05);
    plot->yAxis->setRange(0, maxY * 1.05);
    plot->legend->setVisible(plot->legend->itemCount() > 0); // an empty legend is a stray box
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void drawSweep(QCustomPlot *plot, const TimingRun &run)
{
    plot->clearPlottables();
    const std::vector<SweepPoint> points = sweepPoints(run);
    QVector<double> n, measured, ideal, idealN;
    double low = 0, high = 0;
    const auto extend = [&](double v) {
        if (v <= 0) return; // a log axis has no place for 0
        low = low > 0 ? std::min(low, v) : v;
        high = std::max(high, v);
    };
    for (const SweepPoint &p : points) {
        n << p.concurrency;
        measured << p.seconds;
        extend(p.seconds);
        if (p.idealSeconds > 0) {
            idealN << p.concurrency;
            ideal << p.idealSeconds;
            extend(p.idealSeconds);
        }
    }
    QCPGraph *m = plot->addGraph();
    m->setName(QObject::tr("measured"));
    m->setPen(QPen(modeColor(2), 2));
    m->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m->setData(n, measured, true);
    QCPGraph *i = plot->addGraph();
    i->setName(QObject::tr("ideal: ceil(chunks/N) × latency (∝ 1/N down to one round trip)"));
    i->setPen(QPen(Qt::darkGray, 1.5, Qt::DashLine));
    i->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, 6));
    i->setData(idealN, ideal, true);
    // Log-log: 1/N is a straight line, and 28 s beside 0.3 s both stay readable.
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setLogBase(axis == plot->xAxis ? 2 : 10);
        axis->setTicker(ticker);
    }
    plot->xAxis->setRange(0.8, std::max(2.0, n.isEmpty() ? 2.0 : n.back() * 1.25));
    if (high > 0)
        plot->yAxis->setRange(low / 1.5, high * 1.5);
    else
        plot->yAxis->setRange(0.001, 1);
    plot->legend->setVisible(!points.empty());
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace zs
