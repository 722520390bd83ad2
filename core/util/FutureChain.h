#pragma once
// Continues a store future without QFuture::then: on Qt 6.4 a continuation attached while the
// future finishes can run twice (see WhenFinished.h; a zip store read crashed so about once in
// 25 runs). Here a QFutureWatcher, made on the network thread (which always runs an event
// loop), hears the future finish through Qt's older call-out mechanism, and the continuation
// runs once, in `pool`, so CPU work (inflating, checking) never blocks that thread.
//
// R must be constructible from an Error (every store result is a Result<…>): a future that was
// cancelled, or finished without a result, continues as an error instead of leaving the caller
// waiting on a result that never comes.

#include "net/NetworkThread.h"
#include "util/Result.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>
#include <memory>
#include <type_traits>

namespace zs {

namespace detail {

QObject *futureChainContext();

template <typename T> struct IsFuture : std::false_type
{
};
template <typename T> struct IsFuture<QFuture<T>> : std::true_type
{
};

template <typename R> void settle(const std::shared_ptr<QPromise<R>> &promise, R value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

// Calls `done(value)` once `future` has finished, on the network thread.
template <typename T, typename F> void whenDone(const QFuture<T> &future, F done)
{
    QObject *context = futureChainContext();
    QMetaObject::invokeMethod(
        context,
        [future, context, done = std::move(done)]() mutable {
            auto *watcher = new QFutureWatcher<T>;
            QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                             [watcher, done = std::move(done)]() mutable {
                                 const QFuture<T> f = watcher->future();
                                 watcher->deleteLater();
                                 if (f.isCanceled() || f.resultCount() == 0)
                                     done(T(makeError(QStringLiteral("the read was cancelled"))));
                                 else
                                     done(f.result());
                             });
            watcher->setFuture(future);
        },
        Qt::QueuedConnection);
}

// Calls `cancelled()` on the network thread if `future` is cancelled (before or after this
// call); nothing when it finishes normally. Adapters use it to pass a caller's cancel on to the
// requests they made for it.
template <typename T, typename F> void whenCanceled(const QFuture<T> &future, F cancelled)
{
    QObject *context = futureChainContext();
    QMetaObject::invokeMethod(
        context,
        [future, context, cancelled = std::move(cancelled)]() mutable {
            auto *watcher = new QFutureWatcher<T>;
            QObject::connect(watcher, &QFutureWatcherBase::canceled, context, std::move(cancelled));
            QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
            watcher->setFuture(future);
        },
        Qt::QueuedConnection);
}

// Cancelling `out` (what the caller holds) cancels `next`, the read a continuation started for it.
template <typename R> void cancelWith(const QFuture<R> &out, QFuture<R> next)
{
    whenCanceled(out, [next] { QFuture<R>(next).cancel(); });
}

} // namespace detail

// Calls `done(result)` once `future` has finished, on the network thread (a few instructions of
// work: bookkeeping, parsing a small document). A cancelled future, or one that finished without
// a result, calls it with the error "the read was cancelled", so a caller counting answers never
// waits for one that does not come.
template <typename T, typename F> void afterFinished(const QFuture<T> &future, F done)
{
    detail::whenDone(future, std::move(done));
}

// The future of fn(result of `future`), run in `pool`, or with a null pool on the network thread
// itself (only for a few instructions of work). fn returns R or QFuture<R>; a QFuture fn returns
// must be one fn started for this call alone, since cancelling the result cancels it.
template <typename R, typename T, typename F>
QFuture<R> continueIn(QThreadPool *pool, const QFuture<T> &future, F fn)
{
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> out = promise->future();
    detail::whenDone(future, [pool, promise, fn = std::move(fn)](T value) mutable {
        auto run = [promise, fn = std::move(fn), value = std::move(value)]() mutable {
            // Cancelled while `future` ran: start nothing more (a zip entry's read would still go out).
            if (promise->isCanceled()) {
                detail::settle(promise, R(makeError(QStringLiteral("the read was cancelled"))));
                return;
            }
            auto next = fn(std::move(value));
            if constexpr (detail::IsFuture<decltype(next)>::value) {
                // fn's future is this continuation's own read (never one shared with others): a
                // cancel of the result reaches it, so a queued request is dropped, not sent.
                detail::cancelWith(promise->future(), next);
                detail::whenDone(next, [promise](R r) { detail::settle(promise, std::move(r)); });
            } else
                detail::settle(promise, R(std::move(next)));
        };
        if (pool)
            pool->start(std::move(run));
        else
            run();
    });
    return out;
}

} // namespace zs
