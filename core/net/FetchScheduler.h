#pragma once
// Issues HTTP GETs with at most `concurrency` on the wire at once, over a pool of
// QNetworkAccessManagers on the network thread. Qt 6.4 gives one QNAM at most six
// HTTP/1.1 connections per host, so the pool grows to ceil(N/6) managers and each
// request goes to the least-loaded one; with h2c one manager multiplexes 100 streams.
// Each request is split into issue / interpret / retry-with-backoff.

#include "net/FetchTypes.h"
#include "store/Store.h"

#include <QFuture>
#include <QMutex>
#include <QNetworkRequest>
#include <QObject>
#include <QPromise>
#include <QUrl>
#include <deque>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace zs {

struct HttpAnswer;
struct OutgoingRequest;

class FetchScheduler final : public QObject
{
    Q_OBJECT
public:
    // Create on any thread; the object moves itself to the network thread.
    // Delete it with deleteLater() (HttpStore does).
    explicit FetchScheduler(FetchOptions options);
    ~FetchScheduler() override;

    // Thread-safe. Cancelling the returned future drops the request if queued and aborts it if running.
    QFuture<GetResult> fetch(const QUrl &url, std::optional<ByteRange> range = std::nullopt);
    // A range fetch whose caller takes the whole object when a server ignores Range and sends
    // it (Store::getRangeOrWhole): the body is handed over as it came, not cut and thrown away.
    QFuture<RangeReadResult> fetchRangeOrWhole(const QUrl &url, ByteRange range);

    TransferStats stats() const;
    void resetStats();
    const FetchOptions &options() const { return m_options; }

Q_SIGNALS:
    // Every exchange as it ends (a retried one too, before its retry), on the network thread.
    void requestFinished(const zs::FetchRecord &record);

private:
    struct Pending;
    void submit(const std::shared_ptr<Pending> &p, const QUrl &url, std::optional<ByteRange> range);
    void enqueue(std::shared_ptr<Pending> p, bool front);
    void takeInbox(); // on the network thread: what submit() gathered, into the queue
    void pump();
    void sweepCancelled(); // aborts running requests whose caller cancelled
    void markRunning(const std::shared_ptr<Pending> &p, QNetworkReply *reply);
    void markDone(Pending &p);
    void loadTrustedCertificates(); // FetchOptions::caCertificatesFile into the request template
    void issue(const std::shared_ptr<Pending> &p);
    void interpret(QNetworkReply *reply, const std::shared_ptr<Pending> &p, std::size_t manager);
    void retryLater(const std::shared_ptr<Pending> &p, int delayMs);
    void finish(const std::shared_ptr<Pending> &p, RangeReadResult result, FetchRecord::Outcome outcome);
    std::size_t pickManager();
    // Credentials (FetchSchedulerAuth.cpp): nullopt while the authorizer is not ready yet (pump()
    // runs again when it is), else whether requests may go.
    std::optional<Status> credentialGate();
    // Adds the authorizer's headers or query when the request goes to the store's own host.
    Status decorate(const std::shared_ptr<Pending> &p, OutgoingRequest &out);
    // A request's URL as its errors name it (FetchOptions::shownBase).
    QString shownUrl(const QUrl &url) const;
    // Redirects and refusals of a decorated request; true when it was dealt with here.
    bool handleAuthorizedAnswer(QNetworkReply *reply, const HttpAnswer &answer,
                                const std::shared_ptr<Pending> &p);
    void reissue(const std::shared_ptr<Pending> &p); // at once, to the front, not counted as a retry

    FetchOptions m_options;
    // Requests from any thread wait here; one posted event takes a whole batch to the network
    // thread (an event per request made Qt scan a queue of thousands for every reply it moved).
    QMutex m_inboxMutex;
    std::vector<std::shared_ptr<Pending>> m_inbox;
    bool m_inboxPosted = false;
    std::deque<std::shared_ptr<Pending>> m_queue;
    // Requests on the wire, swept for cancellation while there are any (cheaper than a watcher
    // object per request, and a cancel waits at most one sweep interval).
    std::vector<std::shared_ptr<Pending>> m_running;
    QTimer *m_cancelSweep = nullptr;
    QNetworkRequest m_requestTemplate; // headers and attributes every request has
    std::optional<Error> m_setupError; // every request fails with it (an unreadable CA file)
    // Whether an https store's server took HTTP/2 (ALPN); NotAsked for h2c and plain HTTP,
    // Undecided until the first request shows the scheme.
    enum class TlsProtocol
    {
        Undecided,
        NotAsked,
        Unknown,
        Http1,
        Http2
    };
    TlsProtocol m_tlsProtocol = TlsProtocol::Undecided;
    std::vector<QNetworkAccessManager *> m_managers;
    std::vector<int> m_load;
    int m_perManager = 6;
    mutable QMutex m_statsMutex;
    TransferStats m_stats;
    bool m_waitingForCredentials = false;
};

} // namespace zs
