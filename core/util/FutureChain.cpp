#include "util/FutureChain.h"

namespace zs::detail {

QObject *futureChainContext()
{
    // Lives on the network thread for the life of the process (never deleted, like that thread).
    static QObject *context = [] {
        auto *o = new QObject;
        o->moveToThread(NetworkThread::instance());
        return o;
    }();
    return context;
}

} // namespace zs::detail
