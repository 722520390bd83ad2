#pragma once
// One request as the scheduler holds it from submit to finish, shared by FetchScheduler.cpp and
// FetchSchedulerAuth.cpp (private to the scheduler).

#include "net/FetchScheduler.h"

#include <QPromise>
#include <variant>

namespace zs {

struct FetchScheduler::Pending
{
    using Promise = std::variant<QPromise<GetResult>, QPromise<RangeReadResult>>;
    explicit Pending(bool wantsWhole)
        : promise(wantsWhole ? Promise(std::in_place_index<1>) : Promise(std::in_place_index<0>))
    {
    }
    // The caller's promise: bytes (fetch), or bytes that may be the whole object (fetchRangeOrWhole).
    Promise promise;
    bool acceptWhole() const { return std::holds_alternative<QPromise<RangeReadResult>>(promise); }
    bool isCanceled() const
    {
        return std::visit([](const auto &pr) { return pr.isCanceled(); }, promise);
    }
    QFuture<void> future()
    {
        return std::visit([](auto &pr) { return QFuture<void>(pr.future()); }, promise);
    }
    QUrl url;
    std::optional<ByteRange> range;
    FetchRecord record;
    bool tooLarge = false;          // aborted for exceeding maxObjectBytes
    bool authorized = false;        // this attempt carries the authorizer's credentials
    bool refusalAdvised = false;    // the authorizer was asked about a refusal once already
    int redirects = 0;              // followed by hand (a decorated request's redirects are manual)
    QNetworkReply *reply = nullptr; // while on the wire
    std::size_t runningIndex = 0;   // its place in FetchScheduler::m_running while on the wire
};

} // namespace zs
