#include "store/FileIoPool.h"

#include <QThreadPool>

namespace zs {

QThreadPool *fileIoPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        // Reads are short and mostly from the page cache; a few threads overlap them with
        // decoding, and more would only queue in the kernel.
        p->setMaxThreadCount(4);
        return p;
    }();
    return pool;
}

} // namespace zs
