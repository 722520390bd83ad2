#include "net/NetworkThread.h"

#include <QCoreApplication>
#include <mutex>

namespace zs {

static QThread *g_thread = nullptr;

static void stopNetworkThread()
{
    if (!g_thread) return;
    g_thread->quit();
    g_thread->wait();
    delete g_thread;
    g_thread = nullptr;
}

QThread *NetworkThread::instance()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_thread = new QThread;
        g_thread->setObjectName(QStringLiteral("zarrscope-network"));
        g_thread->start();
        qAddPostRoutine(stopNetworkThread);
    });
    return g_thread;
}

} // namespace zs
