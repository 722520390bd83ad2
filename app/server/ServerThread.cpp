#include "ServerThread.h"

namespace zs::server {

ServerThread::ServerThread(const QString &root) : m_server(new StoreServer(root))
{
    m_thread.setObjectName(QStringLiteral("zarrscope-server"));
    m_server->moveToThread(&m_thread);
}

ServerThread::~ServerThread()
{
    if (m_thread.isRunning()) {
        // Deleted in its own thread: its sockets and timers belong there.
        QMetaObject::invokeMethod(
            m_server, [s = m_server] { delete s; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_server;
    }
}

quint16 ServerThread::start(quint16 port)
{
    m_thread.start();
    quint16 bound = 0;
    // Listening sockets must be created in the thread that will serve them.
    QMetaObject::invokeMethod(
        m_server, [&] { bound = m_server->listenLocal(port); }, Qt::BlockingQueuedConnection);
    return bound;
}

} // namespace zs::server
