#pragma once
// A StoreServer running on its own thread with its own event loop. Tests of a client that
// blocks its calling thread (or runs its QNAMs elsewhere) need the server to keep answering
// meanwhile. Use server() only for its thread-safe members: setters, faults and statistics.

#include "StoreServer.h"

#include <QThread>

namespace zs::server {

class ServerThread
{
public:
    explicit ServerThread(const QString &root);
    ~ServerThread(); // stops the server and joins the thread
    ServerThread(const ServerThread &) = delete;
    ServerThread &operator=(const ServerThread &) = delete;

    // Listens on 127.0.0.1:port (0 = any); returns the port, 0 on failure. Blocks until listening.
    quint16 start(quint16 port = 0);
    StoreServer *server() const { return m_server; }
    QUrl url() const { return m_server->url(); }

private:
    QThread m_thread;
    StoreServer *m_server = nullptr;
};

} // namespace zs::server
