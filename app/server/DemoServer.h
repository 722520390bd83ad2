#pragma once
// The bundled demo store served on loopback with the demo's latency, started the first time it
// is asked for and kept until destroyed: `zarrscope --demo` and the welcome page's Open Demo.

#include "ServerThread.h"

#include <QUrl>
#include <memory>

namespace zs::server {

class DemoServer
{
public:
    // The demo's URL, starting the server on first use; empty with problem() saying why when the
    // demo store is missing or no loopback port can be had.
    QUrl url();
    QString problem() const { return m_problem; }

private:
    std::unique_ptr<ServerThread> m_thread;
    QString m_problem;
};

} // namespace zs::server
