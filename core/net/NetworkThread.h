#pragma once
// The one thread every QNetworkAccessManager lives on. A QNAM belongs to the thread
// that created it, so all network objects are created and used here, and callers on
// any other thread (the GUI, the CLI, decode workers) talk to them by queued calls.

#include <QThread>

namespace zs {

class NetworkThread
{
public:
    // Started on first use; stopped when the application object is destroyed.
    static QThread *instance();
};

} // namespace zs
