#include "timing/TimingRun.h"

#include "bench/Statistics.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace zs {

namespace {

const char *const kOutcomeNames[] = {"ok", "retry", "404", "error", "cancelled"};

} // namespace

QString outcomeName(RequestOutcome outcome)
{
    return QString::fromLatin1(kOutcomeNames[int(outcome)]);
}

RequestOutcome outcomeFromName(const QString &name)
{
    for (int i = 0; i < 5; ++i)
        if (name == QLatin1String(kOutcomeNames[i])) return RequestOutcome(i);
    return RequestOutcome::Error;
}

void TimingRun::beginPass(int index, const BenchPass &pass)
{
    if (passes.size() <= std::size_t(index)) passes.resize(std::size_t(index) + 1);
    passes[index] = PassTimeline{};
    passes[index].pass = pass;
}

void TimingRun::addChunks(int index, quint64 done, qint64 ns)
{
    if (std::size_t(index) >= passes.size()) return;
    auto &times = passes[index].chunkDoneMs;
    while (times.size() < done)
        times.push_back(double(ns) / 1e6);
}

void TimingRun::addRequest(int index, const FetchRecord &r)
{
    if (std::size_t(index) >= passes.size()) return;
    WaterfallRow row;
    row.pass = index;
    row.concurrency = passes[index].pass.concurrency;
    row.repeat = passes[index].pass.repeat;
    row.key = r.key;
    row.queuedMs = double(r.queuedNs) / 1e6;
    row.sentMs = double(r.sentNs) / 1e6;
    // A request that never got an answer has no first byte: draw it as arriving when it ended.
    row.doneMs = double(r.doneNs) / 1e6;
    row.firstByteMs = r.firstByteNs ? double(r.firstByteNs) / 1e6 : row.doneMs;
    row.status = r.status;
    row.attempt = r.attempt;
    row.bytes = r.bytes;
    switch (r.outcome) {
    case FetchRecord::Outcome::Ok:
        row.outcome = RequestOutcome::Ok;
        break;
    case FetchRecord::Outcome::Missing:
        row.outcome = RequestOutcome::NotFound;
        break;
    case FetchRecord::Outcome::Retried:
        row.outcome = RequestOutcome::Retry;
        break;
    case FetchRecord::Outcome::Failed:
        row.outcome = RequestOutcome::Error;
        break;
    case FetchRecord::Outcome::Cancelled:
        row.outcome = RequestOutcome::Cancelled;
        break;
    }
    rows.push_back(row);
}

void TimingRun::finishPass(int index, const PassResult &result)
{
    if (std::size_t(index) >= passes.size()) return;
    PassTimeline &p = passes[index];
    p.finished = true;
    p.seconds = result.seconds;
    p.chunks = result.read.chunks;
    p.requests = result.wire ? result.wire->requests : result.read.requests;
    p.bytes = result.wire ? result.wire->bytes : result.read.bytes;
    p.maxInFlight = result.maxInFlight();
    p.managers = result.wire ? result.wire->managers : 0;
    p.http2 = result.wire && result.wire->http2Responses > 0;
}

int connectionsUsed(const PassTimeline &pass)
{
    if (pass.managers == 0) return 0;
    return pass.http2 ? pass.managers : std::min(pass.maxInFlight, 6 * pass.managers);
}

std::vector<ModeSummary> summarize(const TimingRun &run)
{
    std::map<int, std::vector<const PassTimeline *>> byConcurrency;
    for (const PassTimeline &p : run.passes)
        if (p.finished) byConcurrency[p.pass.concurrency].push_back(&p);
    std::vector<ModeSummary> out;
    for (const auto &[n, passes] : byConcurrency) {
        ModeSummary s;
        s.mode = n == 1 ? QStringLiteral("sequential") : QStringLiteral("concurrent");
        s.concurrency = n;
        s.runs = int(passes.size());
        std::vector<double> secs;
        double totalSecs = 0, totalRequests = 0, totalBytes = 0;
        for (const PassTimeline *p : passes) {
            secs.push_back(p->seconds);
            totalSecs += p->seconds;
            totalRequests += double(p->requests);
            totalBytes += double(p->bytes);
            s.maxInFlight = std::max(s.maxInFlight, p->maxInFlight);
            s.connections = std::max(s.connections, connectionsUsed(*p));
        }
        s.wallSeconds = median(secs);
        s.requestsPerSecond = perSecond(totalRequests, totalSecs);
        s.megabytesPerSecond = perSecond(totalBytes / 1e6, totalSecs);
        s.requests = passes.front()->requests;
        s.bytes = passes.front()->bytes;
        s.chunks = passes.front()->chunks;
        std::vector<double> latencies;
        for (const WaterfallRow &r : run.rows)
            if (r.concurrency == n &&
                (r.outcome == RequestOutcome::Ok || r.outcome == RequestOutcome::NotFound))
                latencies.push_back(r.latencyMs());
        s.latencyP50Ms = percentile(latencies, 50);
        s.latencyP95Ms = percentile(latencies, 95);
        out.push_back(s);
    }
    if (!out.empty() && out.front().concurrency == 1)
        for (ModeSummary &s : out)
            s.speedup = speedup(out.front().wallSeconds, s.wallSeconds).value_or(0);
    return out;
}

double estimatedLatencySeconds(const TimingRun &run)
{
    if (run.knownLatencyMs > 0) return run.knownLatencyMs / 1e3;
    for (const ModeSummary &s : summarize(run)) {
        if (s.concurrency != 1) continue;
        if (s.latencyP50Ms > 0) return s.latencyP50Ms / 1e3;
        return s.chunks ? s.wallSeconds / double(s.chunks) : 0;
    }
    return 0;
}

std::vector<SweepPoint> sweepPoints(const TimingRun &run)
{
    const double latency = estimatedLatencySeconds(run);
    std::vector<SweepPoint> points;
    for (const ModeSummary &s : summarize(run)) {
        const double rounds = std::ceil(double(s.chunks) / double(s.concurrency));
        points.push_back({s.concurrency, s.wallSeconds, rounds * latency});
    }
    return points;
}

NetworkModel networkModel(const TimingRun &run, std::uint64_t rawChunkBytes)
{
    NetworkModel net;
    net.concurrency = run.concurrency;
    const double latency = estimatedLatencySeconds(run);
    if (latency <= 0) return net;
    net.measured = true;
    net.latencySeconds = latency;
    // Tiny chunks make a run latency-bound: its MB/s says nothing about the link then.
    double best = 0;
    for (const ModeSummary &s : summarize(run))
        if (s.bytes >= kMinMeasuredBytes) best = std::max(best, s.megabytesPerSecond * 1e6);
    if (best > 0) {
        net.bytesPerSecond = best;
        net.throughputMeasured = true;
    }
    for (const PassTimeline &p : run.passes)
        if (p.finished && p.chunks && rawChunkBytes && p.bytes) {
            net.compressionRatio = double(p.bytes) / double(p.chunks * rawChunkBytes);
            break;
        }
    return net;
}

} // namespace zs
