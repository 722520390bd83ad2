#pragma once
// One benchmark of a read, shared by `zarrscope-cli bench` and the GUI's timing panel: a list
// of passes (sequential = concurrency 1, concurrent = N; repeats interleaved so drift hits both
// modes alike), each on a freshly opened store so connection pools and counters start clean.
// Each pass reads through a MeasuredStore, which reports every request as it finishes (HTTP
// exchanges with their statuses and retries; calls to a directory or zip file), with times
// relative to the start of the pass. Runs on the thread that owns the runner, never blocking it.

#include "array/ReadStats.h"
#include "metadata/NodeMetadata.h"
#include "net/FetchTypes.h"
#include "selection/Selection.h"
#include "store/StoreFactory.h"

#include <QObject>
#include <memory>
#include <optional>
#include <vector>

namespace zs {

class ArrayReader;
class RequestLog;
class Store;

struct BenchPass
{
    int concurrency = 1; // 1 is the sequential mode
    int repeat = 0;      // 0-based
    bool isSequential() const { return concurrency == 1; }
};

struct BenchConfig
{
    QString location;          // the store, reopened for every pass
    StoreOptions storeOptions; // fetch.concurrency is set per pass
    QString arrayPath;
    ArrayMetadata meta;
    Selection selection;
    std::vector<BenchPass> passes;
    bool cacheBust = false; // a fresh zs-cache-bust token per pass, so repeats reach the network
    // A chunk cache of this many bytes per pass (0: none). Each pass opens a fresh store and so
    // gets a fresh cache: repeats still read from the store.
    std::uint64_t cacheBytes = 0;
};

// Sequential then concurrent, `repeats` times, interleaved.
std::vector<BenchPass> modePasses(bool sequential, bool concurrent, int concurrency, int repeats);
// Concurrency 1, 2, 4, ... up to maxConcurrency (included even if not a power of two).
std::vector<BenchPass> sweepPasses(int maxConcurrency, int repeats);
std::vector<int> sweepLevels(int maxConcurrency);

struct PassResult
{
    BenchPass pass;
    double seconds = 0; // the reader's wall time, start to last chunk copied
    ReadStats read;
    std::optional<TransferStats> wire;   // HTTP stores: what went over the wire
    std::optional<LimiterStats> limiter; // the store's concurrency budget (disk and HTTP stores)
    // Most requests running at once: on the wire, else in the store's limiter, else at the reader.
    int maxInFlight() const
    {
        return wire ? wire->maxInFlight : limiter ? limiter->maxRunning : read.maxInFlight;
    }
    std::vector<FetchRecord> requests; // times in ns from the pass start, keys from the store root
    std::vector<qint64> chunkDoneNs;   // when each chunk was copied, ns from the pass start
};

class BenchRunner final : public QObject
{
    Q_OBJECT
public:
    explicit BenchRunner(QObject *parent = nullptr);
    ~BenchRunner() override;

    // Starts the passes; a run in progress is cancelled first.
    void start(BenchConfig config);
    void cancel();
    bool isRunning() const { return m_reader != nullptr || m_next < m_config.passes.size(); }
    const std::vector<PassResult> &results() const { return m_results; }

Q_SIGNALS:
    void passStarted(int index, const zs::BenchPass &pass);
    void chunkCompleted(int index, quint64 done, quint64 total, qint64 ns);
    void requestRecorded(int index, const zs::FetchRecord &record);
    void passFinished(int index, const zs::PassResult &result);
    void benchFinished();
    void benchFailed(const zs::Error &error);
    void benchCancelled();

private:
    void startPass();
    void onReadFinished();
    void stop();  // drops the current pass's reader and store
    void reset(); // stop() and forget the remaining passes

    BenchConfig m_config;
    std::vector<PassResult> m_results;
    std::size_t m_next = 0;
    quint64 m_runId = 0;
    std::shared_ptr<Store> m_store;
    std::shared_ptr<RequestLog> m_log; // the pass's records, and the clock its chunk times read
    ArrayReader *m_reader = nullptr;
};

// Blocking, for the CLI: runs an event loop until every pass is done.
Result<std::vector<PassResult>> runBench(const BenchConfig &config);

} // namespace zs

Q_DECLARE_METATYPE(zs::BenchPass)
Q_DECLARE_METATYPE(zs::PassResult)
