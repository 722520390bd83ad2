#pragma once
// The timing panel's three plots, each redrawn whole from the run (cheap at the sizes a panel
// shows, and it keeps live and final drawing the same code):
// - completion: chunks done against time, one line per pass, sequential blue, concurrent orange;
// - waterfall: one row per request, queued (grey) → sent → first byte (light) → done, coloured by
//   mode, or by outcome when it was a retry, a 404 or an error; passes laid end to end;
// - sweep: wall time against concurrency (log 2 axis) beside the ideal ceil(chunks/N)·latency.

#include "timing/TimingRun.h"

class QCustomPlot;

namespace zs {

void setupTimingPlot(QCustomPlot *plot, const QString &xLabel, const QString &yLabel);
void drawCompletion(QCustomPlot *plot, const TimingRun &run);
void drawWaterfall(QCustomPlot *plot, const TimingRun &run);
void drawSweep(QCustomPlot *plot, const TimingRun &run);

// Waterfall rows can be many; beyond this the first ones are drawn and the title says so.
constexpr int kMaxWaterfallRows = 4000;

} // namespace zs
