#include "timing/TimingPlots.h"

#include "QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace zs {

namespace {

QColor modeColor(int concurrency)
{
    return concurrency == 1 ? QColor(31, 119, 180) : QColor(255, 127, 14);
}

QColor outcomeColor(RequestOutcome outcome, int concurrency)
{
    switch (outcome) {
    case RequestOutcome::Ok:
        return modeColor(concurrency);
    case RequestOutcome::Retry:
        return QColor(230, 167, 0);
    case RequestOutcome::NotFound:
        return QColor(140, 107, 177);
    case RequestOutcome::Error:
        return QColor(214, 39, 40);
    case RequestOutcome::Cancelled:
        return QColor(150, 150, 150);
    }
    return Qt::black;
}

QString passName(const BenchPass &p)
{
    return p.concurrency == 1 ? QStringLiteral("sequential #%1").arg(p.repeat + 1)
                              : QStringLiteral("concurrent %1 #%2").arg(p.concurrency).arg(p.repeat + 1);
}

// One curve per colour, rows as NaN-separated segments: thousands of bars stay one plottable each.
struct SegmentCurves
{
    QCustomPlot *plot;
    std::map<QRgb, QCPCurve *> curves;

    void add(QColor color, double y, double x0, double x1, double width, const QString &name)
    {
        const QRgb key = color.rgba() ^ (width > 3 ? 1u : 0u);
        QCPCurve *&c = curves[key];
        if (!c) {
            c = new QCPCurve(plot->xAxis, plot->yAxis);
            c->setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
            c->setName(name);
            if (name.isEmpty()) c->removeFromLegend();
        }
        c->addData(x0, y);
        c->addData(std::max(x1, x0 + 0.05), y); // a zero-length bar would vanish
        c->addData(qQNaN(), qQNaN());
    }
};

} // namespace

void setupTimingPlot(QCustomPlot *plot, const QString &xLabel, const QString &yLabel)
{
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
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

void drawWaterfall(QCustomPlot *plot, const TimingRun &run)
{
    plot->clearPlottables();
    // Passes end to end, each starting where the previous one's last request ended.
    std::vector<double> offset(run.passes.size() + 1, 0);
    std::vector<double> end(run.passes.size(), 0);
    for (const WaterfallRow &r : run.rows)
        if (std::size_t(r.pass) < end.size()) end[r.pass] = std::max(end[r.pass], r.doneMs);
    for (std::size_t i = 0; i < run.passes.size(); ++i)
        offset[i + 1] = offset[i] + std::max(end[i], run.passes[i].seconds * 1e3) * 1.02;

    std::vector<const WaterfallRow *> rows;
    for (const WaterfallRow &r : run.rows)
        rows.push_back(&r);
    std::stable_sort(rows.begin(), rows.end(), [](const WaterfallRow *a, const WaterfallRow *b) {
        return a->pass != b->pass ? a->pass < b->pass : a->sentMs < b->sentMs;
    });
    const int shown = std::min<int>(int(rows.size()), kMaxWaterfallRows);
    SegmentCurves curves{plot, {}};
    const double thick = shown > 400 ? 1.5 : shown > 100 ? 3 : 6;
    for (int i = 0; i < shown; ++i) {
        const WaterfallRow &r = *rows[i];
        const double o = offset[std::min<std::size_t>(std::size_t(r.pass), run.passes.size())];
        const QColor done = outcomeColor(r.outcome, r.concurrency);
        const bool ok = r.outcome == RequestOutcome::Ok;
        curves.add(QColor(190, 190, 190), i, o + r.queuedMs, o + r.sentMs, thick * 0.5,
                   QStringLiteral("queued"));
        curves.add(done.lighter(150), i, o + r.sentMs, o + r.firstByteMs, thick,
                   ok ? QStringLiteral("%1: waiting")
                            .arg(r.sequential() ? QStringLiteral("sequential") : QStringLiteral("concurrent"))
                      : QString());
        curves.add(
            done, i, o + r.firstByteMs, o + r.doneMs, thick,
            ok ? (r.sequential() ? QStringLiteral("sequential: body") : QStringLiteral("concurrent: body"))
               : outcomeName(r.outcome));
    }
    plot->xAxis->setRange(0, std::max(1.0, offset.back()));
    plot->yAxis->setRange(-0.5, shown + 0.5);
    plot->yAxis->setRangeReversed(true); // first request at the top
    plot->yAxis->setLabel(int(rows.size()) > shown
                              ? QObject::tr("request (first %1 of %2)").arg(shown).arg(rows.size())
                              : QObject::tr("request (%1)").arg(rows.size()));
    plot->legend->setVisible(plot->legend->itemCount() > 0);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void drawSweep(QCustomPlot *plot, const TimingRun &run)
{
    plot->clearPlottables();
    const std::vector<SweepPoint> points = sweepPoints(run);
    QVector<double> n, measured, ideal;
    for (const SweepPoint &p : points) {
        n << p.concurrency;
        measured << p.seconds;
        ideal << p.idealSeconds;
    }
    QCPGraph *m = plot->addGraph();
    m->setName(QObject::tr("measured"));
    m->setPen(QPen(modeColor(2), 2));
    m->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m->setData(n, measured, true);
    QCPGraph *i = plot->addGraph();
    i->setName(QObject::tr("ideal ceil(chunks/N)·latency"));
    i->setPen(QPen(Qt::darkGray, 1.5, Qt::DashLine));
    i->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, 6));
    i->setData(n, ideal, true);
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    ticker->setLogBase(2);
    plot->xAxis->setTicker(ticker);
    double top = 0.001;
    for (double v : measured + ideal)
        top = std::max(top, v);
    plot->xAxis->setRange(0.8, std::max(2.0, n.isEmpty() ? 2.0 : n.back() * 1.25));
    plot->yAxis->setRange(0, top * 1.1);
    plot->legend->setVisible(!points.empty());
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace zs
