#pragma once
// The embedded HTTP server: serves a directory store over loopback, answering each request
// after a simulated latency without blocking any thread (one timer per pending response), so
// hundreds of requests can be in flight at once and a client's concurrency becomes measurable.
// GET and HEAD, single byte ranges (206/416), keep-alive, optional directory index, and fault
// injection. Lives in one thread (its own event loop); the setters and statistics are
// thread-safe, so tests may drive it from another thread (see ServerThread).

#include "FaultRules.h"
#include "SafePath.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <atomic>
#include <deque>
#include <memory>
#include <optional>

class QTcpSocket;

namespace zs::server {

struct RequestInfo;
struct HttpResponse;

struct RequestRecord
{
    QByteArray method;
    QString key;              // decoded path relative to the root, no leading '/'
    QByteArray range;         // Range header as sent, empty if none
    qint64 connection = 0;    // serial number of the connection it came on (1, 2, ...)
    QByteArray authorization; // the Authorization header as received (tests check where it went)
};

class StoreServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit StoreServer(const QString &root, QObject *parent = nullptr);
    ~StoreServer() override;

    // Serve HTTPS with this certificate and key; call before listenLocal().
    void setTls(const QSslConfiguration &config) { m_tls = config; }
    // Listens on 127.0.0.1:port (0 = any free port); returns the port, 0 on failure.
    quint16 listenLocal(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:PORT/ (https:// with TLS)
    QString root() const { return m_paths.root(); }

    void setLatencyMs(int ms) { m_latencyMs = qMax(0, ms); }
    int latencyMs() const { return m_latencyMs; }
    void setAutoIndex(bool on) { m_autoIndex = on; }
    bool autoIndex() const { return m_autoIndex; }
    void addFault(const FaultRule &rule) { m_faults.add(rule); }
    void clearFaults() { m_faults.clear(); }
    int faultsFired() const { return m_faults.fired(); }
    // A private store: every request without exactly this header (e.g. "Authorization",
    // "Bearer abc") is answered 401, as a server demanding a token or a password does.
    void setRequiredHeader(const QByteArray &name, const QByteArray &value);

    // Statistics since start or resetStats().
    qint64 totalRequests() const;
    qint64 requestCount(const QString &key) const; // leading '/' optional
    QHash<QString, qint64> requestsPerPath() const;
    qint64 bytesSent() const;                // body bytes written, including partial bodies of faults
    int pendingRequests() const;             // received, not yet answered
    int maxPendingRequests() const;          // high-water mark of pendingRequests()
    qint64 connectionsSeen() const;          // distinct connections that sent a request
    QList<RequestRecord> requestLog() const; // the last 100000 requests, oldest first
    void resetStats();
    // Qt 6.4's QNAM sometimes sends an aborted or reset request again by itself after reporting
    // it finished; such a straggler can reach the server after the test that caused it. Waits
    // (processing the caller's events) until nothing is pending and nothing came for `quietMs`,
    // at most `maxMs`; false when the server never went quiet.
    bool waitUntilQuiet(int quietMs = 150, int maxMs = 3000) const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Pending;
    struct Connection;

    void track(QTcpSocket *socket);
    void forget(QTcpSocket *socket);
    void respondWhenDue(QTcpSocket *socket, quint64 id);
    void writeReady(QTcpSocket *socket);
    void finishOne(qint64 bodyBytes);
    void endWithFault(QTcpSocket *socket, const Pending &p, const HttpResponse &r);

    SafePath m_paths;
    FaultRules m_faults;
    std::atomic<int> m_latencyMs{0};
    std::atomic<bool> m_autoIndex{false};
    QByteArray m_requiredName, m_requiredValue; // set before listening
    quint16 m_port = 0;
    std::optional<QSslConfiguration> m_tls;
    quint64 m_nextId = 1;
    qint64 m_connectionSerial = 0;
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections; // server thread only

    mutable QMutex m_statsMutex;
    qint64 m_total = 0;
    qint64 m_bytesSent = 0;
    int m_pending = 0;
    int m_maxPending = 0;
    qint64 m_connectionsSeen = 0;
    QHash<QString, qint64> m_perPath;
    std::deque<RequestRecord> m_log;
};

} // namespace zs::server
