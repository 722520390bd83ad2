#pragma once
// Calls back on the receiver's thread when a future finishes, through a QFutureWatcher.
//
// Why not QFuture::then(context, …): on Qt 6.4 a continuation can run twice when the future
// finishes while the continuation is being attached, and the second run dereferences a moved-from
// promise (a crash seen about one run in seven of the conformance suite). Watchers use the older
// call-out mechanism, which has no such race, and a receiver that is destroyed simply drops the
// callback: the connection goes with it.

#include <QFutureWatcher>
#include <QObject>
#include <utility>

namespace zs {

// `callback(T)` runs once with the future's result; a cancelled future, or one that finished
// without a result, calls nothing.
template <typename T, typename F> void whenFinished(const QFuture<T> &future, QObject *receiver, F &&callback)
{
    auto *watcher = new QFutureWatcher<T>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, callback = std::forward<F>(callback)]() mutable {
                         const QFuture<T> f = watcher->future();
                         if (!f.isCanceled() && f.resultCount() > 0) callback(f.result());
                     });
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(future);
}

} // namespace zs
