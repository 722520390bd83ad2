#include "bench/BenchRun.h"

#include "array/ArrayReader.h"
#include "store/MeasuredStore.h"

#include <QEventLoop>
#include <QRandomGenerator>

namespace zs {

std::vector<BenchPass> modePasses(bool sequential, bool concurrent, int concurrency, int repeats)
{
    std::vector<BenchPass> passes;
    for (int r = 0; r < std::max(1, repeats); ++r) {
        if (sequential) passes.push_back({1, r});
        if (concurrent) passes.push_back({concurrency, r});
    }
    return passes;
}

std::vector<int> sweepLevels(int maxConcurrency)
{
    std::vector<int> levels;
    for (int n = 1; n < maxConcurrency; n *= 2)
        levels.push_back(n);
    levels.push_back(std::max(1, maxConcurrency));
    return levels;
}

std::vector<BenchPass> sweepPasses(int maxConcurrency, int repeats)
{
    std::vector<BenchPass> passes;
    for (int r = 0; r < std::max(1, repeats); ++r)
        for (int n : sweepLevels(maxConcurrency))
            passes.push_back({n, r});
    return passes;
}

BenchRunner::BenchRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<zs::BenchPass>();
    qRegisterMetaType<zs::PassResult>();
    qRegisterMetaType<zs::FetchRecord>();
}

BenchRunner::~BenchRunner()
{
    stop();
}

void BenchRunner::start(BenchConfig config)
{
    cancel();
    m_config = std::move(config);
    m_results.clear();
    m_next = 0;
    // Deferred like ArrayReader::start, so callers can connect before the first signal.
    QMetaObject::invokeMethod(
        this,
        [this, id = ++m_runId] {
            if (id == m_runId) startPass();
        },
        Qt::QueuedConnection);
}

void BenchRunner::cancel()
{
    const bool running = isRunning();
    reset();
    if (running) Q_EMIT benchCancelled();
}

void BenchRunner::reset()
{
    ++m_runId; // anything still queued for the old run is dropped
    stop();
    m_config.passes.clear();
    m_next = 0;
}

void BenchRunner::stop()
{
    if (m_reader) {
        m_reader->disconnect(this);
        m_reader->cancel();
        m_reader->deleteLater();
        m_reader = nullptr;
    }
    if (m_log) {
        m_log->disconnect(this);
        m_log.reset();
    }
    m_store.reset();
}

void BenchRunner::startPass()
{
    if (m_next >= m_config.passes.size()) {
        m_config.passes.clear();
        m_next = 0;
        Q_EMIT benchFinished();
        return;
    }
    const int index = int(m_next);
    const BenchPass pass = m_config.passes[m_next++];
    StoreOptions options = m_config.storeOptions;
    options.fetch.concurrency = pass.concurrency;
    if (m_config.cacheBust)
        options.fetch.cacheBust = QStringLiteral("%1-%2")
                                      .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
                                      .arg(index);
    auto store = openStore(m_config.location, options);
    if (!store) {
        const Error &error = store.error(); // `store` is ours: reset() leaves it alone
        reset();
        Q_EMIT benchFailed(error);
        return;
    }
    // The pass reads through a measured store: every request it makes is a waterfall row, on
    // disk as over HTTP, with times from the moment the pass began (as the chunks' are).
    auto measured = std::make_shared<MeasuredStore>(*store);
    m_log = measured->log();
    m_store = std::move(measured);
    m_results.push_back(PassResult{pass, 0, {}, {}, {}, {}, {}});
    const quint64 run = m_runId;
    connect(
        m_log.get(), &RequestLog::requestRecorded, this,
        [this, run, index](const FetchRecord &r) {
            if (run != m_runId || std::size_t(index) + 1 != m_results.size()) return;
            m_results.back().requests.push_back(r);
            Q_EMIT requestRecorded(index, r);
        },
        Qt::QueuedConnection);
    m_reader = new ArrayReader(m_store, m_config.arrayPath, m_config.meta, this);
    connect(m_reader, &ArrayReader::progress, this, [this, index](quint64 done, quint64 total, quint64) {
        const qint64 ns = m_log->elapsedNs();
        // The reader reports the chunks a batch completed together: each gets the batch's time.
        auto &times = m_results.back().chunkDoneNs;
        while (times.size() < done)
            times.push_back(ns);
        Q_EMIT chunkCompleted(index, done, total, ns);
    });
    connect(m_reader, &ArrayReader::readFinished, this, &BenchRunner::onReadFinished);
    connect(m_reader, &ArrayReader::readFailed, this, [this](const Error &error) {
        reset();
        Q_EMIT benchFailed(error);
    });
    Q_EMIT passStarted(index, pass);
    ReadOptions readOptions;
    if (m_config.cacheBytes) readOptions.cache = std::make_shared<ChunkCache>(m_config.cacheBytes);
    m_reader->start(m_config.selection, readOptions);
}

void BenchRunner::onReadFinished()
{
    PassResult &result = m_results.back();
    result.read = m_reader->stats();
    result.seconds = result.read.seconds;
    result.wire = m_store->transferStats();
    result.limiter = m_store->limiterStats();
    const int index = int(m_results.size()) - 1;
    const quint64 run = m_runId;
    // The last records are queued behind this signal (each is sent before its answer reaches the
    // reader): let them land first.
    QMetaObject::invokeMethod(
        this,
        [this, run, index] {
            if (run != m_runId) return;
            stop();
            Q_EMIT passFinished(index, m_results.back());
            if (run == m_runId) startPass();
        },
        Qt::QueuedConnection);
}

Result<std::vector<PassResult>> runBench(const BenchConfig &config)
{
    BenchRunner runner;
    QEventLoop loop;
    std::optional<Error> failure;
    QObject::connect(&runner, &BenchRunner::benchFinished, &loop, &QEventLoop::quit);
    QObject::connect(&runner, &BenchRunner::benchFailed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    runner.start(config);
    loop.exec();
    if (failure) return *failure;
    return runner.results();
}

} // namespace zs
