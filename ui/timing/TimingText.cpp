#include "timing/TimingText.h"

#include "bench/ChunkAdvisor.h"
#include "timing/TimingTableModel.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace zs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("zs::TimingText", text);
}

bool isWhole(const Selection &selection, const Shape &shape)
{
    if (selection.dims.size() != shape.size()) return false;
    for (std::size_t d = 0; d < shape.size(); ++d) {
        const DimSelection &s = selection.dims[d];
        if (s.dropped || s.start != 0 || s.step != 1 || s.count != shape[d]) return false;
    }
    return true;
}

// "~21 ms", "~0.4 ms": whole milliseconds unless that would round a fast store to nothing.
QString millis(double ms)
{
    return QString::number(ms, 'f', ms < 10 ? 1 : 0);
}

} // namespace

QString selectionDescription(const Selection &selection, const Shape &shape, const Shape &chunks, bool isView)
{
    const quint64 n = chunksTouched(selection, chunks);
    // Spelled out: without a translation loaded, tr's "%n chunk(s)" would show the "(s)".
    QString count = n == 1 ? tr("1 chunk") : tr("%1 chunks").arg(n);
    if (isWhole(selection, shape)) return n == 1 ? tr("all of it (1 chunk)") : tr("all %1").arg(count);
    if (isView) return tr("the visible region (%1)").arg(count);
    return count;
}

double estimatedRemainingSeconds(quint64 done, quint64 total, qint64 elapsedNs)
{
    if (done == 0 || total <= done) return 0;
    return double(elapsedNs) / 1e9 / double(done) * double(total - done);
}

QString passProgressText(int index, int passes, const BenchPass &pass, quint64 done, quint64 total,
                         qint64 elapsedNs)
{
    const QString mode = pass.isSequential() ? tr("sequential") : tr("concurrency %1").arg(pass.concurrency);
    QString text = tr("Pass %1 of %2, %3: %4 of %5 requests, %6 s elapsed")
                       .arg(index + 1)
                       .arg(passes)
                       .arg(mode)
                       .arg(done)
                       .arg(total)
                       .arg(double(elapsedNs) / 1e9, 0, 'f', 1);
    if (done > 0 && done < total)
        text +=
            tr(", about %1 s remaining").arg(estimatedRemainingSeconds(done, total, elapsedNs), 0, 'f', 1);
    return text + u'.';
}

QString runFinding(const TimingRun &run)
{
    const std::vector<ModeSummary> summaries = summarize(run);
    if (summaries.size() < 2 || summaries.front().concurrency != 1) return {};
    const ModeSummary &seq = summaries.front();
    const ModeSummary &fastest = summaries.back(); // the highest concurrency that ran
    // The unloaded round trip: the sequential median, else its wall time per request.
    double roundTripMs = seq.latencyP50Ms;
    if (roundTripMs <= 0 && seq.requests) roundTripMs = seq.wallSeconds * 1e3 / double(seq.requests);
    if (roundTripMs <= 0) return {};
    const long long waited = std::max(1LL, std::llround(fastest.wallSeconds * 1e3 / roundTripMs));
    return tr("Reading %1 chunks one at a time waited %2 round trips of ~%3 ms; %4 at a time waited about "
              "%5.")
        .arg(seq.chunks)
        .arg(seq.requests)
        .arg(millis(roundTripMs))
        .arg(fastest.concurrency)
        .arg(waited);
}

QString completionCaption()
{
    return tr("One line per pass: chunks finished against the time since the pass started; "
              "the steeper the line, the faster the pass.");
}

QString waterfallCaption()
{
    return tr("One bar per request, each pass on its own time axis: grey while queued, light while "
              "waiting for the first byte, dark while the body arrives.");
}

QString sweepCaption()
{
    return tr("Wall time against requests in flight, both axes logarithmic. The dashed ideal waits "
              "ceil(chunks / N) round trips: it falls as 1/N until every chunk fits in one round.");
}

QString summaryCaption()
{
    return tr("p50 / p95: half / 95 % of requests took at most this long from sent to last byte. "
              "Max in flight: the most requests open at once. Connections: TCP connections used.");
}

QString summaryColumnToolTip(int column)
{
    switch (column) {
    case TimingTableModel::WallColumn:
        return tr("Wall-clock time of the pass (median over repeats)");
    case TimingTableModel::SpeedupColumn:
        return tr("Sequential wall time divided by this one");
    case TimingTableModel::LatencyP50Column:
        return tr("Median latency: half of the requests took at most this long from sent to last byte");
    case TimingTableModel::LatencyP95Column:
        return tr("95th percentile: 95 % of the requests took at most this long from sent to last byte");
    case TimingTableModel::MaxInFlightColumn:
        return tr("The most requests that were open at the same moment");
    case TimingTableModel::ConnectionsColumn:
        return tr("TCP connections, estimated (Qt does not expose its sockets): up to six per HTTP/1.1 "
                  "client, one per HTTP/2 client");
    default:
        return {};
    }
}

} // namespace zs
