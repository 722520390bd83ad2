#include "StoreServer.h"

#include "StoreResponder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <optional>
#include <sys/resource.h>
#include <sys/socket.h>

namespace zs::server {

// One request waiting for its latency to run out. Responses on one connection leave in the
// order their requests came, as HTTP/1.1 requires, even if a pipelining client sent several.
struct StoreServer::Pending
{
    quint64 id = 0;
    RequestInfo info;
    bool closeAfter = false;
    std::optional<HttpResponse> response; // set when due
};

struct StoreServer::Connection
{
    qint64 serial = 0;
    std::deque<Pending> queue;
    bool ended = false; // a fault closed or froze it: nothing more is written
};

namespace {

constexpr size_t kLogLimit = 100000;

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

// 512 client connections plus their server ends exceed the common soft limit of 1024 files.
void raiseOpenFileLimit()
{
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
}

// Hard close: SO_LINGER 0 makes close() send RST, what a crashed server or a dropping proxy
// looks like to a client. Done after the partial body has left our buffer, plus a beat, so the
// client really receives the headers and half the body before the reset.
void resetWhenFlushed(QTcpSocket *socket)
{
    auto reset = [socket] {
        QTimer::singleShot(50, socket, [socket] {
            linger l{1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
            socket->abort();
        });
    };
    socket->flush();
    if (socket->bytesToWrite() == 0) {
        reset();
        return;
    }
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [socket, conn, reset] {
        if (socket->bytesToWrite() == 0) {
            QObject::disconnect(*conn);
            reset();
        }
    });
}

} // namespace

StoreServer::StoreServer(const QString &root, QObject *parent) : QAbstractHttpServer(parent), m_paths(root) {}

StoreServer::~StoreServer()
{
    // The sockets are our grandchildren and die after our members: stop their signals first.
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it)
        QObject::disconnect(it.key(), nullptr, this, nullptr);
}

bool StoreServer::waitUntilQuiet(int quietMs, int maxMs) const
{
    QElapsedTimer total, quiet;
    total.start();
    qint64 seen = -1;
    while (total.elapsed() < maxMs) {
        const qint64 now = totalRequests();
        if (now != seen || pendingRequests() > 0) {
            seen = now;
            quiet.start();
        } else if (quiet.elapsed() >= quietMs) {
            return true;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
    return false;
}

void StoreServer::setRequiredHeader(const QByteArray &name, const QByteArray &value)
{
    m_requiredName = name;
    m_requiredValue = value;
}

quint16 StoreServer::listenLocal(quint16 port)
{
    raiseOpenFileLimit();
    QTcpServer *tcp = nullptr;
    if (m_tls) {
        auto *tls = new QSslServer(this);
        tls->setSslConfiguration(*m_tls);
        tcp = tls;
    } else {
        tcp = new QTcpServer(this);
    }
    // Qt's default backlog of 50 refuses bursts of hundreds of connects from a concurrent client.
    tcp->setListenBacklogSize(4096);
    tcp->setMaxPendingConnections(4096);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        delete tcp;
        return 0;
    }
    bind(tcp);
    m_port = tcp->serverPort();
    return m_port;
}

QUrl StoreServer::url() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_port));
}

bool StoreServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    track(socket);
    Pending p;
    p.id = m_nextId++;
    p.info.method = methodName(request.method());
    p.info.encodedPath = request.url().path(QUrl::FullyEncoded).toUtf8();
    p.info.range = request.value("Range");
    p.info.resolved = m_paths.resolve(p.info.encodedPath);
    const QString key = p.info.resolved.kind == ResolvedPath::Kind::Refused
                            ? QString::fromUtf8(p.info.encodedPath)
                            : p.info.resolved.key;
    p.info.fault = m_faults.take(key);
    p.closeAfter = request.value("Connection").toLower().contains("close");
    if (!m_requiredName.isEmpty() && request.value(m_requiredName) != m_requiredValue)
        p.info.challenge = m_requiredValue.split(' ').front(); // "Bearer", "Basic" or the header's value
    const QByteArray authorization = request.value("Authorization");
    {
        QMutexLocker lock(&m_statsMutex);
        ++m_total;
        ++m_perPath[key];
        m_maxPending = qMax(m_maxPending, ++m_pending);
        m_log.push_back(
            {p.info.method, key, p.info.range, m_connections.value(socket)->serial, authorization});
        if (m_log.size() > kLogLimit) m_log.pop_front();
    }
    const quint64 id = p.id;
    const auto conn = m_connections.value(socket);
    conn->queue.push_back(std::move(p));
    respondWhenDue(socket, id);
    return true;
}

void StoreServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    socket->write(HttpResponse::text(404, "not found").head(true));
}

void StoreServer::track(QTcpSocket *socket)
{
    if (m_connections.contains(socket)) return;
    auto conn = std::make_shared<Connection>();
    conn->serial = ++m_connectionSerial;
    m_connections.insert(socket, conn);
    {
        QMutexLocker lock(&m_statsMutex);
        ++m_connectionsSeen;
    }
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
}

// The connection is gone: whatever it still waited for will never be answered.
void StoreServer::forget(QTcpSocket *socket)
{
    const auto conn = m_connections.take(socket);
    if (!conn || conn->queue.empty()) return;
    QMutexLocker lock(&m_statsMutex);
    m_pending -= int(conn->queue.size());
}

// A precise timer: a coarse one may fire up to 5% early, and tests check ">= latency".
void StoreServer::respondWhenDue(QTcpSocket *socket, quint64 id)
{
    QTimer::singleShot(m_latencyMs.load(), Qt::PreciseTimer, socket, [this, socket, id] {
        const auto conn = m_connections.value(socket);
        if (!conn) return;
        for (Pending &p : conn->queue) {
            if (p.id == id) {
                p.response = buildResponse(p.info, m_autoIndex);
                break;
            }
        }
        writeReady(socket);
    });
}

void StoreServer::writeReady(QTcpSocket *socket)
{
    const auto conn = m_connections.value(socket);
    while (conn && !conn->ended && !conn->queue.empty() && conn->queue.front().response) {
        Pending &p = conn->queue.front();
        const HttpResponse &r = *p.response;
        const bool bodyFault =
            p.info.fault && p.info.method == "GET" && (r.status == 200 || r.status == 206) &&
            (p.info.fault->kind == FaultRule::Kind::CutMidBody ||
             p.info.fault->kind == FaultRule::Kind::ShortBody ||
             p.info.fault->kind == FaultRule::Kind::Stall || p.info.fault->kind == FaultRule::Kind::LongBody);
        if (bodyFault) {
            endWithFault(socket, p, r);
            return;
        }
        socket->write(r.head(!p.closeAfter));
        socket->write(r.body);
        const qint64 sent = r.body.size();
        const bool close = p.closeAfter;
        conn->queue.pop_front();
        finishOne(sent);
        if (close) {
            conn->ended = true;
            socket->disconnectFromHost();
        }
    }
}

void StoreServer::endWithFault(QTcpSocket *socket, const Pending &p, const HttpResponse &r)
{
    const auto conn = m_connections.value(socket);
    conn->ended = true;
    const FaultRule &rule = *p.info.fault;
    if (rule.kind == FaultRule::Kind::LongBody) {
        // Declares less than it sends: the client stops at Content-Length, the rest is noise.
        HttpResponse lying = r;
        lying.contentLength = r.body.size() - qMax<qint64>(1, r.body.size() / 4);
        socket->write(lying.head(true));
        socket->write(r.body);
        const qint64 sent = r.body.size();
        conn->queue.pop_front(); // p, r and rule die here
        finishOne(sent);
        socket->disconnectFromHost();
        return;
    }
    socket->write(r.head(true)); // promises the full Content-Length
    if (rule.kind == FaultRule::Kind::Stall) {
        // Stays pending until the connection closes: the client sees a transfer that froze.
        QTimer::singleShot(rule.stallMs, socket, [socket] { socket->abort(); });
        return;
    }
    const qint64 size = r.body.size();
    const qint64 sent =
        rule.kind == FaultRule::Kind::CutMidBody ? size / 2 : size - qMax<qint64>(1, size / 4);
    socket->write(r.body.left(sent));
    const bool cut = rule.kind == FaultRule::Kind::CutMidBody;
    conn->queue.pop_front(); // p, r and rule die here
    finishOne(sent);
    if (cut)
        resetWhenFlushed(socket);
    else
        socket->disconnectFromHost(); // FIN after the short body
}

void StoreServer::finishOne(qint64 bodyBytes)
{
    QMutexLocker lock(&m_statsMutex);
    --m_pending;
    m_bytesSent += bodyBytes;
}

qint64 StoreServer::totalRequests() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_total;
}

qint64 StoreServer::requestCount(const QString &key) const
{
    QString k = key;
    while (k.startsWith(u'/'))
        k.remove(0, 1);
    QMutexLocker lock(&m_statsMutex);
    return m_perPath.value(k);
}

QHash<QString, qint64> StoreServer::requestsPerPath() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_perPath;
}

qint64 StoreServer::bytesSent() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_bytesSent;
}

int StoreServer::pendingRequests() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_pending;
}

int StoreServer::maxPendingRequests() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_maxPending;
}

qint64 StoreServer::connectionsSeen() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_connectionsSeen;
}

QList<RequestRecord> StoreServer::requestLog() const
{
    QMutexLocker lock(&m_statsMutex);
    return QList<RequestRecord>(m_log.begin(), m_log.end());
}

void StoreServer::resetStats()
{
    QMutexLocker lock(&m_statsMutex);
    m_total = 0;
    m_bytesSent = 0;
    m_maxPending = m_pending; // what is in flight now still counts
    m_connectionsSeen = 0;
    m_perPath.clear();
    m_log.clear();
}

} // namespace zs::server
