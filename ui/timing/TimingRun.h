#pragma once
// The timing panel's model of one run, in plain structs: every pass's chunk completions, every
// HTTP request as a waterfall row, and what is derived from them (summary per concurrency,
// sweep points with the ideal curve, the network model the chunking advisor estimates with).
// Filled from BenchRunner's signals as they arrive, so the plots can draw it live.

#include "bench/BenchRun.h"
#include "bench/ChunkAdvisor.h"

#include <QString>
#include <vector>

namespace zs {

enum class RequestOutcome
{
    Ok,
    Retry,
    NotFound,
    Error,
    Cancelled
};
QString outcomeName(RequestOutcome outcome);
RequestOutcome outcomeFromName(const QString &name);

struct WaterfallRow
{
    int pass = 0;
    int concurrency = 1;
    int repeat = 0;
    QString key;
    double queuedMs = 0, sentMs = 0, firstByteMs = 0, doneMs = 0; // from the pass start
    int status = 0;
    int attempt = 1;
    quint64 bytes = 0;
    RequestOutcome outcome = RequestOutcome::Ok;

    bool sequential() const { return concurrency == 1; }
    double latencyMs() const { return doneMs - sentMs; }
    bool operator==(const WaterfallRow &) const = default;
};

struct PassTimeline
{
    BenchPass pass;
    bool finished = false;
    double seconds = 0;
    quint64 chunks = 0;
    quint64 requests = 0; // on the wire for HTTP, store reads otherwise
    quint64 bytes = 0;
    int maxInFlight = 0;
    int managers = 0; // QNetworkAccessManagers the scheduler used (0: local store)
    bool http2 = false;
    std::vector<double> chunkDoneMs;

    bool operator==(const PassTimeline &o) const
    {
        return pass.concurrency == o.pass.concurrency && pass.repeat == o.pass.repeat &&
               finished == o.finished && seconds == o.seconds && chunks == o.chunks &&
               requests == o.requests && bytes == o.bytes && maxInFlight == o.maxInFlight &&
               managers == o.managers && http2 == o.http2 && chunkDoneMs == o.chunkDoneMs;
    }
};

struct ModeSummary
{
    QString mode; // "sequential" or "concurrent"
    int concurrency = 1;
    int runs = 0;           // finished passes at this concurrency
    double wallSeconds = 0; // median over the runs
    double speedup = 0;     // sequential wall time / this one (0 without a sequential run)
    double requestsPerSecond = 0;
    double megabytesPerSecond = 0; // MB = 10^6 bytes
    double latencyP50Ms = 0;       // sent to done of answered requests; 0 without HTTP records
    double latencyP95Ms = 0;
    int maxInFlight = 0;
    int connections = 0;  // estimated: Qt does not expose its sockets (see connectionsUsed)
    quint64 requests = 0; // per run
    quint64 bytes = 0;    // per run
    quint64 chunks = 0;
};

struct SweepPoint
{
    int concurrency = 1;
    double seconds = 0;      // median of the runs at this concurrency
    double idealSeconds = 0; // ceil(chunks / N) * latency
};

struct TimingRun
{
    QString location;
    QString arrayPath;
    QString selection; // as typed, for the record
    bool sweep = false;
    bool http2 = false;
    bool cacheBust = false;
    int concurrency = 64;
    int repeats = 1;
    double knownLatencyMs = 0; // 0: estimate from the sequential requests
    std::vector<PassTimeline> passes;
    std::vector<WaterfallRow> rows;

    void beginPass(int index, const BenchPass &pass);
    // `done` chunks are complete at `ns` (the reader reports them in batches).
    void addChunks(int index, quint64 done, qint64 ns);
    void addRequest(int index, const FetchRecord &record);
    void finishPass(int index, const PassResult &result);
};

// HTTP/1.1: Qt opens up to six connections per manager, one per request in flight; HTTP/2
// multiplexes one connection per manager.
int connectionsUsed(const PassTimeline &pass);
std::vector<ModeSummary> summarize(const TimingRun &run);
// Latency for the ideal curve and the advisor: known, else the median sent-to-done of the
// sequential requests, else sequential wall time per chunk; 0 when nothing ran sequentially.
double estimatedLatencySeconds(const TimingRun &run);
std::vector<SweepPoint> sweepPoints(const TimingRun &run);
// A pass must move this much before its MB/s is taken for the link's throughput.
constexpr quint64 kMinMeasuredBytes = quint64(4) << 20;
// For the advisor: latency as above, throughput from the fastest pass that moved at least
// kMinMeasuredBytes (else the default), compression from the
// bytes that came over the wire per chunk (rawChunkBytes = decoded size of one chunk).
NetworkModel networkModel(const TimingRun &run, std::uint64_t rawChunkBytes);

} // namespace zs
