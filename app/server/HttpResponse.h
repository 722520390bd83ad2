#pragma once
// One HTTP/1.1 response as the server writes it: we serialise status line and headers
// ourselves instead of using QHttpServerResponder, because fault injection needs a head that
// promises a Content-Length the body then does not deliver.

#include <QByteArray>
#include <QList>
#include <QPair>

namespace zs::server {

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Length and Connection
    QByteArray body;                              // empty for HEAD
    qint64 contentLength = 0;                     // what the head promises (the GET body size)

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(qMakePair(name, value));
    }
    static HttpResponse text(int status, const QByteArray &message);
    // Status line, headers, Content-Length, Connection, blank line.
    QByteArray head(bool keepAlive) const;
};

QByteArray reasonPhrase(int status);

} // namespace zs::server
