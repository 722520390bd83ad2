#include "DemoServer.h"

#include "DemoStore.h"

namespace zs::server {

QUrl DemoServer::url()
{
    if (m_thread) return m_thread->url();
    const QString store = demoStorePath();
    if (store.isEmpty()) {
        m_problem = QStringLiteral("the demo store is missing: build the project (it is written at build "
                                   "time into share/zarrscope/demo.zarr) or set ZARRSCOPE_DEMO_STORE");
        return {};
    }
    auto thread = std::make_unique<ServerThread>(store);
    thread->server()->setLatencyMs(kDemoLatencyMs);
    if (thread->start() == 0) {
        m_problem = QStringLiteral("cannot start the demo server on loopback");
        return {};
    }
    m_thread = std::move(thread);
    return m_thread->url();
}

} // namespace zs::server
