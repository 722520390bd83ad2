#pragma once
// The timing panel's three plots, each redrawn whole from the run (cheap at the sizes a panel
// shows, and it keeps live and final drawing the same code):
// - completion: chunks done against time, one line per pass, sequential blue, concurrent orange;
// - waterfall: one row per request, queued (grey) → sent → first byte (light) → done, coloured by
//   mode, or by outcome when it was a retry, a 404 or an error; each pass in its own axis rect
//   side by side, on its own time axis or one shared by all (TimingWaterfall.cpp);
// - sweep: wall time against concurrency on log-log axes beside the ideal ceil(chunks/N)·latency.
// Legends sit in a column right of the data.

#include "timing/TimingRun.h"

class QCustomPlot;
class QColor;

namespace zs {

QColor modeColor(int concurrency); // sequential blue, concurrent orange
QString passName(const BenchPass &pass);
void placeLegendOutside(QCustomPlot *plot);
void setupTimingPlot(QCustomPlot *plot, const QString &xLabel, const QString &yLabel);
void drawCompletion(QCustomPlot *plot, const TimingRun &run);
// sharedTimeAxis: every pass's rect gets the longest pass's range, so durations compare by eye.
void drawWaterfall(QCustomPlot *plot, const TimingRun &run, bool sharedTimeAxis);
void drawSweep(QCustomPlot *plot, const TimingRun &run);

// Waterfall rows can be many; beyond this (shared among the passes) the first ones of each pass
// are drawn and its axis label says so.
constexpr int kMaxWaterfallRows = 4000;

} // namespace zs
