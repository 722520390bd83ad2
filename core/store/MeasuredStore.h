#pragma once
// Measurement as a store wrapper (zarrs' PerformanceMetricsStorageAdapter is the model): any
// store can wear it, and every request made through it is recorded (key, when asked, sent, first
// byte and done, bytes, status, attempt, outcome) for the Timing tab's waterfall and the bench.
// A store with a wire (HTTP, a zip archive over HTTP) reports its own exchanges, retries and
// statuses included (Store::observeExchanges); for any other store (a directory, a zip file on
// disk, memory) the wrapper times each call itself, from the call to the answer. Times count
// from the moment the wrapper was put on.

#include "store/Store.h"

#include <QObject>
#include <memory>

namespace zs {

// Where the records go: a signal any thread may emit, so receivers connect queued.
class RequestLog final : public QObject
{
    Q_OBJECT
public:
    RequestLog();
    // ns since the log began, on the records' clock.
    qint64 elapsedNs() const;
    // Thread-safe: makes the record's times relative to the log's start and emits it.
    void record(FetchRecord record);

Q_SIGNALS:
    void requestRecorded(const zs::FetchRecord &record);

private:
    const qint64 m_startNs;
};

class MeasuredStore final : public Store
{
public:
    explicit MeasuredStore(std::shared_ptr<Store> inner);

    const std::shared_ptr<RequestLog> &log() const { return m_log; }
    // True when the records are the inner store's wire exchanges rather than timed calls.
    bool recordsExchanges() const { return m_exchanges; }

    QFuture<GetResult> get(const QString &key) override;
    std::vector<QFuture<GetResult>> getMany(const QStringList &keys) override;
    QFuture<GetResult> getRange(const QString &key, ByteRange range) override;
    QFuture<RangeReadResult> getRangeOrWhole(const QString &key, ByteRange range) override;
    QFuture<ListResult> list(const QString &prefix) override;
    bool canList() const override { return m_inner->canList(); }
    QString location() const override { return m_inner->location(); }
    QString credentialSource() const override { return m_inner->credentialSource(); }
    QString locate(const QString &key) const override { return m_inner->locate(key); }
    std::optional<TransferStats> transferStats() const override { return m_inner->transferStats(); }
    std::optional<LimiterStats> limiterStats() const override { return m_inner->limiterStats(); }
    bool observeExchanges(const ExchangeObserver &observer) override;
    QFuture<StoredSizeResult> storedSize(const QString &prefix) override
    {
        return m_inner->storedSize(prefix);
    }

private:
    template <typename R> QFuture<R> timed(const QString &key, bool range, QFuture<R> inner);

    std::shared_ptr<Store> m_inner;
    std::shared_ptr<RequestLog> m_log;
    bool m_exchanges = false;
};

} // namespace zs
