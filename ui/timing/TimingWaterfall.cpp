// The waterfall: each pass in an axis rect of its own (QCustomPlot::axisRects() in pass order,
// four to a row), so a 0.3 s concurrent pass is as wide as the 28 s sequential one beside it;
// with the shared time axis they all take the longest pass's range instead. One legend, right
// of the rects.

#include "QCustomPlotInclude.h"
#include "timing/TimingPlots.h"

#include <algorithm>
#include <map>
#include <set>

namespace zs {

namespace {

constexpr int kRectsPerRow = 4;

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

// One curve per colour, rows as NaN-separated segments: thousands of bars stay one plottable each.
struct SegmentCurves
{
    QCPAxisRect *rect;
    std::map<QRgb, QCPCurve *> curves;

    void add(QColor color, double y, double x0, double x1, double width, const QString &name)
    {
        const QRgb key = color.rgba() ^ (width > 3 ? 1u : 0u);
        QCPCurve *&c = curves[key];
        if (!c) {
            c = new QCPCurve(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            c->setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
            c->setName(name);
        }
        c->addData(x0, y);
        c->addData(std::max(x1, x0 + 0.05), y); // a zero-length bar would vanish
        c->addData(qQNaN(), qQNaN());
    }
};

void drawPass(QCPAxisRect *rect, const std::vector<const WaterfallRow *> &rows, int shown, double thick)
{
    SegmentCurves curves{rect, {}};
    for (int i = 0; i < shown; ++i) {
        const WaterfallRow &r = *rows[i];
        const QColor done = outcomeColor(r.outcome, r.concurrency);
        const bool ok = r.outcome == RequestOutcome::Ok;
        const QString mode = r.sequential() ? QStringLiteral("sequential") : QStringLiteral("concurrent");
        curves.add(QColor(190, 190, 190), i, r.queuedMs, r.sentMs, thick * 0.5, QStringLiteral("queued"));
        curves.add(done.lighter(150), i, r.sentMs, r.firstByteMs, thick,
                   ok ? QStringLiteral("%1: waiting").arg(mode) : QString());
        curves.add(done, i, r.firstByteMs, r.doneMs, thick,
                   ok ? QStringLiteral("%1: body").arg(mode) : outcomeName(r.outcome));
    }
}

} // namespace

void drawWaterfall(QCustomPlot *plot, const TimingRun &run, bool sharedTimeAxis)
{
    plot->clearPlottables();
    // Rebuilt whole: the legend is kept aside while the old rects go.
    QCPLegend *legend = plot->legend;
    if (legend->layout()) legend->layout()->take(legend);
    plot->plotLayout()->clear();
    auto *grid = new QCPLayoutGrid;
    plot->plotLayout()->addElement(0, 0, grid);
    plot->plotLayout()->addElement(0, 1, legend);
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);

    const std::size_t passes = std::max<std::size_t>(run.passes.size(), 1);
    std::vector<std::vector<const WaterfallRow *>> byPass(passes);
    std::vector<double> end(passes, 0);
    for (const WaterfallRow &r : run.rows)
        if (std::size_t(r.pass) < run.passes.size()) byPass[r.pass].push_back(&r);
    double longest = 1;
    for (std::size_t i = 0; i < run.passes.size(); ++i) {
        std::stable_sort(byPass[i].begin(), byPass[i].end(),
                         [](const WaterfallRow *a, const WaterfallRow *b) { return a->sentMs < b->sentMs; });
        for (const WaterfallRow *r : byPass[i])
            end[i] = std::max(end[i], r->doneMs);
        end[i] = std::max({end[i], run.passes[i].seconds * 1e3, 1.0});
        longest = std::max(longest, end[i]);
    }
    const int budget = kMaxWaterfallRows / int(passes);
    for (std::size_t i = 0; i < passes; ++i) {
        auto *rect = new QCPAxisRect(plot);
        grid->addElement(int(i) / kRectsPerRow, int(i) % kRectsPerRow, rect);
        const int total = int(byPass[i].size());
        const int shown = std::min(total, budget);
        drawPass(rect, byPass[i], shown, shown > 400 ? 1.5 : shown > 100 ? 3 : 6);
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        x->setLabel(i < run.passes.size() ? QObject::tr("%1: time (ms)").arg(passName(run.passes[i].pass))
                                          : QObject::tr("time (ms)"));
        x->setRange(0, (sharedTimeAxis ? longest : end[i]) * 1.02);
        y->setLabel(total > shown ? QObject::tr("request (first %1 of %2)").arg(shown).arg(total)
                                  : QObject::tr("request (%1)").arg(total));
        y->setRange(-0.5, std::max(shown, 1) - 0.5);
        y->setRangeReversed(true); // first request at the top
    }
    // The same kind of bar in every pass is one legend entry.
    std::set<QString> named;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable *p = plot->plottable(i);
        if (p->name().isEmpty() || !named.insert(p->name()).second) p->removeFromLegend();
    }
    legend->setVisible(legend->itemCount() > 0);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace zs
