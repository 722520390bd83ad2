#pragma once
// A small HTTP/1.1 server on 127.0.0.1 for credential tests: requests with Content-Length bodies,
// keep-alive, one handler that answers each request. Runs on the test's thread and event loop.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>
#include <functional>

namespace test {

struct HttpRequest
{
    QByteArray method;
    QByteArray target;                     // path and query as sent
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
};

class LoopbackHttpServer
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit LoopbackHttpServer(Handler handler);
    ~LoopbackHttpServer();

    bool listening() const { return m_server.isListening(); }
    QUrl url(const QString &path) const;
    const QList<HttpRequest> &requests() const { return m_requests; }
    int count(const QByteArray &method, const QByteArray &pathPrefix) const;

private:
    void onReadyRead(QTcpSocket *socket);

    Handler m_handler;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<HttpRequest> m_requests;
};

} // namespace test
