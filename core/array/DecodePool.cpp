#include "array/DecodePool.h"

#include <QThread>
#include <QThreadPool>
#include <algorithm>

namespace zs {

QThreadPool *decodePool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

} // namespace zs
