// The scheduler's side of credentials (issue 17): waiting for the authorizer, decorating each
// attempt, following a decorated request's redirects by hand, and asking the authorizer once
// about a refusal. Kept apart from FetchScheduler.cpp, which does the same for anonymous requests.

#include "auth/RequestAuthorizer.h"
#include "net/FetchPending.h"
#include "net/FetchScheduler.h"
#include "net/ResponseCheck.h"
#include "util/MonotonicClock.h"

#include <QFutureWatcher>
#include <QNetworkReply>

namespace zs {

namespace {

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isRefusal(int status)
{
    return status == 400 || status == 401 || status == 403;
}

constexpr int kMaxRedirects = 10; // as Qt's own redirect limit (issue())

} // namespace

std::optional<Status> FetchScheduler::credentialGate()
{
    RequestAuthorizer *authorizer = m_options.authorizer.get();
    if (!authorizer) return Status(Ok{});
    if (m_waitingForCredentials) return std::nullopt;
    QFuture<Status> ready = authorizer->ready();
    if (ready.isFinished())
        return ready.resultCount() ? ready.result()
                                   : Status(makeError(QStringLiteral("reading credentials was cancelled")));
    // A token exchange or credential_process is under way: every queued request waits for it.
    m_waitingForCredentials = true;
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        m_waitingForCredentials = false;
        watcher->deleteLater();
        pump();
    });
    watcher->setFuture(ready);
    return std::nullopt;
}

Status FetchScheduler::decorate(const std::shared_ptr<Pending> &p, OutgoingRequest &out)
{
    p->authorized = false;
    RequestAuthorizer *authorizer = m_options.authorizer.get();
    if (!authorizer || !authorizer->mayAuthorize(out.url)) return Ok{};
    if (const Status s = authorizer->authorize(out); !s) return s.error().at(shownUrl(p->url));
    p->authorized = true;
    return Ok{};
}

QString FetchScheduler::shownUrl(const QUrl &url) const
{
    const QString wire = url.toString();
    const QString &base = m_options.wireBase;
    const bool under = !base.isEmpty() && wire.startsWith(base) &&
                       (wire.size() == base.size() || wire[base.size()] == u'/' || wire[base.size()] == u'?');
    return under ? m_options.shownBase + wire.mid(base.size()) : wire;
}

void FetchScheduler::reissue(const std::shared_ptr<Pending> &p)
{
    FetchRecord done = p->record;
    done.outcome = FetchRecord::Outcome::Retried;
    Q_EMIT requestFinished(done);
    p->record.queuedNs = monotonicNs();
    enqueue(p, true);
}

bool FetchScheduler::handleAuthorizedAnswer(QNetworkReply *reply, const HttpAnswer &a,
                                            const std::shared_ptr<Pending> &p)
{
    const QString where = shownUrl(p->url);
    const QByteArray bucketRegion = reply->rawHeader("x-amz-bucket-region");
    // S3 answers a request signed for the wrong region with 301 (or 400) naming the bucket's.
    const bool regionRedirect = a.status == 301 && !bucketRegion.isEmpty();
    if (isRedirect(a.status) && !regionRedirect) {
        const QByteArray location = reply->rawHeader("Location");
        if (location.isEmpty()) return false; // interpretAnswer says "HTTP 30x"
        const QUrl target = p->url.resolved(QUrl::fromEncoded(location));
        if (!target.isValid()) {
            finish(p, makeError(QStringLiteral("redirect to an invalid URL"), where),
                   FetchRecord::Outcome::Failed);
        } else if (p->url.scheme() == u"https" && target.scheme() != u"https") {
            finish(
                p,
                makeError(QStringLiteral("refused a redirect from https to %1").arg(target.scheme()), where),
                FetchRecord::Outcome::Failed);
        } else if (++p->redirects > kMaxRedirects) {
            finish(p, makeError(QStringLiteral("more than %1 redirects").arg(kMaxRedirects), where),
                   FetchRecord::Outcome::Failed);
        } else {
            // The next hop is decorated again only if the authorizer allows its host (decorate()).
            p->url = target;
            reissue(p);
        }
        return true;
    }
    if (!regionRedirect && !isRefusal(a.status)) return false;
    RequestAuthorizer *authorizer = m_options.authorizer.get();
    const Refusal refusal{a.status, a.body, bucketRegion};
    if (!p->refusalAdvised) {
        p->refusalAdvised = true; // once per request: a wrong secret is one error, not a retry storm
        if (authorizer->adviseOn(refusal) != RefusalAdvice::GiveUp) {
            reissue(p);
            return true;
        }
    }
    // S3 says AccessDenied for an absent key to a caller who may not list the bucket.
    if (a.status == 403 && m_options.forbiddenAsMissing && xmlErrorCode(a.body) == u"AccessDenied")
        return false;
    finish(p, makeError(authorizer->explain(refusal), where), FetchRecord::Outcome::Failed);
    return true;
}

} // namespace zs
