#pragma once
// The Timing tab's plain-words texts, computed from the inputs and the run so a newcomer can
// read what is being timed and what came out: the selection described ("all 1289 chunks"), a
// pass's progress with the time left, the one sentence a run showed, and each figure's caption.

#include "timing/TimingRun.h"

#include <QString>

namespace zs {

// What a selection of an array with `chunks` reads, in words: "all N chunks" when it is the
// whole array, "the visible region (N chunks)" when it is the data view's, else "N chunks".
QString selectionDescription(const Selection &selection, const Shape &shape, const Shape &chunks,
                             bool isView);

// "Pass 1 of 2, sequential: 345 of 1289 requests, 7.3 s elapsed, about 20.0 s remaining",
// the time left from the mean time per request so far.
QString passProgressText(int index, int passes, const BenchPass &pass, quint64 done, quint64 total,
                         qint64 elapsedNs);
double estimatedRemainingSeconds(quint64 done, quint64 total, qint64 elapsedNs);

// One sentence on what the run showed, from its numbers: the sequential pass's request count and
// median latency, and how many of those round trips the fastest concurrent pass waited
// (its wall time / that median). Empty before a sequential and a concurrent pass have finished.
QString runFinding(const TimingRun &run);

// What each figure shows and what its terms mean, one line each.
QString completionCaption();
QString waterfallCaption();
QString sweepCaption();
QString summaryCaption();
// The summary table's header tooltips (p50/p95, max in flight, connections ...).
QString summaryColumnToolTip(int column);

} // namespace zs
