#include "net/FetchScheduler.h"

#include "auth/RequestAuthorizer.h"
#include "net/FetchPending.h"
#include "net/NetworkThread.h"
#include "net/ResponseCheck.h"
#include "util/MonotonicClock.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>
#include <variant>

namespace zs {

namespace {
constexpr int kCancelSweepMs = 20;

// Chunks are compressed already; identity keeps Content-Length comparable with the body.
HeaderList fixedHeaders()
{
    return {{"Accept-Encoding", "identity"}, {"User-Agent", "zarrscope"}};
}
} // namespace

FetchScheduler::FetchScheduler(FetchOptions options) : m_options(std::move(options))
{
    qRegisterMetaType<zs::FetchRecord>();
    m_options.concurrency = std::clamp(m_options.concurrency, 1, 4096);
    m_perManager = m_options.http2Cleartext ? 100 : 6;
    for (const auto &[name, value] : fixedHeaders())
        m_requestTemplate.setRawHeader(name, value);
    m_requestTemplate.setTransferTimeout(m_options.transferTimeoutMs);
    m_requestTemplate.setMaximumRedirectsAllowed(10);
    m_requestTemplate.setAttribute(QNetworkRequest::Http2AllowedAttribute,
                                   m_options.http2 || m_options.http2Cleartext);
    if (m_options.http2Cleartext) m_requestTemplate.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    loadTrustedCertificates();
    m_cancelSweep = new QTimer(this);
    m_cancelSweep->setInterval(kCancelSweepMs);
    connect(m_cancelSweep, &QTimer::timeout, this, &FetchScheduler::sweepCancelled);
    moveToThread(NetworkThread::instance());
}

FetchScheduler::~FetchScheduler()
{
    // Replies are children of their managers; deleting the managers aborts them. Every promise
    // still held is finished as cancelled by its destructor, so no caller waits forever.
    m_queue.clear();
    qDeleteAll(m_managers);
}

QFuture<GetResult> FetchScheduler::fetch(const QUrl &url, std::optional<ByteRange> range)
{
    auto p = std::make_shared<Pending>(false);
    QFuture<GetResult> future = std::get<QPromise<GetResult>>(p->promise).future();
    submit(p, url, range);
    return future;
}

QFuture<RangeReadResult> FetchScheduler::fetchRangeOrWhole(const QUrl &url, ByteRange range)
{
    auto p = std::make_shared<Pending>(true);
    QFuture<RangeReadResult> future = std::get<QPromise<RangeReadResult>>(p->promise).future();
    submit(p, url, range);
    return future;
}

void FetchScheduler::submit(const std::shared_ptr<Pending> &p, const QUrl &url,
                            std::optional<ByteRange> range)
{
    p->url = url;
    p->range = range;
    p->record.key = url.path();
    p->record.range = range.has_value();
    p->record.queuedNs = monotonicNs();
    std::visit([](auto &pr) { pr.start(); }, p->promise);
    QMutexLocker lock(&m_inboxMutex);
    m_inbox.push_back(p);
    if (std::exchange(m_inboxPosted, true)) return;
    QMetaObject::invokeMethod(this, &FetchScheduler::takeInbox, Qt::QueuedConnection);
}

void FetchScheduler::takeInbox()
{
    std::vector<std::shared_ptr<Pending>> batch;
    {
        QMutexLocker lock(&m_inboxMutex);
        batch.swap(m_inbox);
        m_inboxPosted = false;
    }
    for (auto &p : batch)
        m_queue.push_back(std::move(p));
    pump();
}

void FetchScheduler::loadTrustedCertificates()
{
    const QString &file = m_options.caCertificatesFile;
    if (file.isEmpty()) return;
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(file, QSsl::Pem);
    if (certificates.isEmpty()) {
        m_setupError = makeError(QStringLiteral("no PEM certificate could be read"), file);
        return;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(certificates);
    m_requestTemplate.setSslConfiguration(tls);
}

void FetchScheduler::markRunning(const std::shared_ptr<Pending> &p, QNetworkReply *reply)
{
    p->reply = reply;
    p->runningIndex = m_running.size();
    m_running.push_back(p);
    if (!m_cancelSweep->isActive()) m_cancelSweep->start();
}

void FetchScheduler::markDone(Pending &p)
{
    if (!p.reply) return;
    p.reply = nullptr;
    const std::size_t i = p.runningIndex;
    if (i + 1 != m_running.size()) {
        m_running[i] = std::move(m_running.back());
        m_running[i]->runningIndex = i;
    }
    m_running.pop_back();
    if (m_running.empty()) m_cancelSweep->stop();
}

void FetchScheduler::sweepCancelled()
{
    // abort() finishes the reply at once (interpret -> markDone edits m_running): collect first.
    std::vector<QNetworkReply *> cancelled;
    for (const auto &p : m_running)
        if (p->isCanceled()) cancelled.push_back(p->reply);
    for (QNetworkReply *reply : cancelled)
        reply->abort();
}

TransferStats FetchScheduler::stats() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_stats;
}

void FetchScheduler::resetStats()
{
    QMutexLocker lock(&m_statsMutex);
    const int inFlight = m_stats.inFlight, managers = m_stats.managers;
    m_stats = TransferStats{};
    m_stats.inFlight = m_stats.maxInFlight = inFlight;
    m_stats.managers = managers;
}

void FetchScheduler::enqueue(std::shared_ptr<Pending> p, bool front)
{
    front ? m_queue.push_front(std::move(p)) : m_queue.push_back(std::move(p));
    pump();
}

void FetchScheduler::pump()
{
    while (!m_queue.empty()) {
        {
            QMutexLocker lock(&m_statsMutex);
            if (m_stats.inFlight >= m_options.concurrency) return;
        }
        // Over TLS, HTTP/2 is offered by ALPN: until the first answer says whether the server took
        // it, requests go on one connection's worth, so an h2 server is not opened 40 connections.
        if (m_tlsProtocol == TlsProtocol::Undecided)
            m_tlsProtocol =
                m_queue.front()->url.scheme() == u"https" && m_options.http2 && !m_options.http2Cleartext
                    ? TlsProtocol::Unknown
                    : TlsProtocol::NotAsked;
        if (m_tlsProtocol == TlsProtocol::Unknown && m_stats.inFlight >= m_perManager) return;
        const std::optional<Status> credentials = credentialGate();
        if (!credentials) return;
        auto p = std::move(m_queue.front());
        m_queue.pop_front();
        if (p->isCanceled()) { // dropped by the caller while queued
            std::visit([](auto &pr) { pr.finish(); }, p->promise);
            continue;
        }
        if (!*credentials) {
            finish(p, credentials->error(), FetchRecord::Outcome::Failed);
            continue;
        }
        if (m_setupError) {
            finish(p, *m_setupError, FetchRecord::Outcome::Failed);
            continue;
        }
        issue(p);
    }
}

std::size_t FetchScheduler::pickManager()
{
    std::size_t best = m_managers.size();
    for (std::size_t i = 0; i < m_managers.size(); ++i)
        if (m_load[i] < m_perManager && (best == m_managers.size() || m_load[i] < m_load[best])) best = i;
    if (best < m_managers.size()) return best;
    auto *manager = new QNetworkAccessManager(this);
    // https -> http is refused; a redirect loop ends at Qt's limit with an error.
    manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_managers.push_back(manager);
    m_load.push_back(0);
    QMutexLocker lock(&m_statsMutex);
    m_stats.managers = int(m_managers.size());
    return m_managers.size() - 1;
}

void FetchScheduler::issue(const std::shared_ptr<Pending> &p)
{
    QUrl url = p->url;
    if (!m_options.cacheBust.isEmpty()) {
        QUrlQuery q(url);
        q.addQueryItem(QStringLiteral("zs-cache-bust"), m_options.cacheBust);
        url.setQuery(q);
    }
    OutgoingRequest out;
    out.url = url;
    // What every request carries is in m_requestTemplate; an authorizer sees it too.
    if (m_options.authorizer) out.headers = fixedHeaders();
    if (p->range) {
        const ByteRange &r = *p->range;
        // A server without suffix ranges gets "bytes=0-0": checkPartial (ResponseCheck.cpp) reads
        // the size off the answer and reissues the suffix by offset, as for s3rver's wrong answer.
        const QByteArray suffix = m_options.suffixRanges
                                      ? "bytes=-" + QByteArray::number(qulonglong(r.length))
                                      : QByteArray("bytes=0-0");
        out.headers.append({"Range", r.suffix ? suffix
                                              : "bytes=" + QByteArray::number(qulonglong(r.offset)) + '-' +
                                                    QByteArray::number(qulonglong(r.offset + r.length - 1))});
    }
    if (const Status decorated = decorate(p, out); !decorated) {
        finish(p, decorated.error(), FetchRecord::Outcome::Failed);
        return;
    }
    QNetworkRequest req = m_requestTemplate;
    req.setUrl(out.url);
    for (const auto &[name, value] : out.headers)
        req.setRawHeader(name, value);
    // Credentials must not follow a redirect to another host: a decorated request's redirects
    // are followed by hand (handleAuthorizedAnswer), each hop decorated again only when allowed.
    if (p->authorized)
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const std::size_t m = pickManager();
    ++m_load[m];
    {
        QMutexLocker lock(&m_statsMutex);
        ++m_stats.requests;
        m_stats.rangeRequests += p->range ? 1 : 0;
        m_stats.maxInFlight = std::max(m_stats.maxInFlight, ++m_stats.inFlight);
    }
    p->record.sentNs = monotonicNs();
    p->record.firstByteNs = 0;
    QNetworkReply *reply = m_managers[m]->get(req);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, p] {
        if (!p->record.firstByteNs) p->record.firstByteNs = monotonicNs();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply, p](qint64 received, qint64 total) {
        if (!p->tooLarge && std::uint64_t(std::max(received, total)) > m_options.maxObjectBytes) {
            p->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, p, m] { interpret(reply, p, m); });
    markRunning(p, reply); // the caller cancelling its future aborts the transfer (sweepCancelled)
}

void FetchScheduler::interpret(QNetworkReply *reply, const std::shared_ptr<Pending> &p, std::size_t manager)
{
    reply->deleteLater();
    markDone(*p);
    --m_load[manager];
    {
        QMutexLocker lock(&m_statsMutex);
        --m_stats.inFlight;
    }
    HttpAnswer a;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    a.status = status.isValid() ? status.toInt() : 0;
    // A status line with a broken body is still a transport failure: the data is incomplete.
    const auto err = reply->error();
    const bool httpLevel =
        err == QNetworkReply::NoError || (err >= QNetworkReply::ContentAccessDenied &&
                                          err <= QNetworkReply::UnknownServerError && a.status >= 400);
    a.transportError = !httpLevel || a.status == 0;
    a.transportMessage = reply->errorString();
    a.contentLength = reply->rawHeader("Content-Length");
    a.contentRange = reply->rawHeader("Content-Range");
    a.retryAfter = reply->rawHeader("Retry-After");
    if (reply->isOpen()) // an aborted reply is closed and has nothing to read
        a.body = reply->readAll();
    p->record.status = a.status;
    p->record.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    if (m_tlsProtocol == TlsProtocol::Unknown && a.status != 0) {
        // Qt 6.4 multiplexes at most 100 streams on one HTTP/2 connection, one connection per manager.
        m_tlsProtocol = p->record.http2 ? TlsProtocol::Http2 : TlsProtocol::Http1;
        if (p->record.http2) m_perManager = 100;
    }
    p->record.doneNs = monotonicNs();
    p->record.bytes = std::uint64_t(a.body.size());
    {
        QMutexLocker lock(&m_statsMutex);
        m_stats.bytes += std::uint64_t(a.body.size());
        m_stats.http2Responses += p->record.http2 ? 1 : 0;
    }
    if (p->isCanceled()) {
        finish(p, makeError(QStringLiteral("cancelled")), FetchRecord::Outcome::Cancelled);
        pump();
        return;
    }
    if (p->tooLarge) {
        finish(p,
               makeError(QStringLiteral("answer larger than the %1-byte limit").arg(m_options.maxObjectBytes),
                         shownUrl(p->url)),
               FetchRecord::Outcome::Failed);
        pump();
        return;
    }
    // Not transient: asking again meets the same redirect loop or the same untrusted certificate.
    if (err == QNetworkReply::TooManyRedirectsError || err == QNetworkReply::InsecureRedirectError ||
        err == QNetworkReply::SslHandshakeFailedError) {
        a.transportError = false;
        finish(p, makeError(reply->errorString(), shownUrl(p->url)), FetchRecord::Outcome::Failed);
        pump();
        return;
    }
    if (p->authorized && handleAuthorizedAnswer(reply, a, p)) {
        pump();
        return;
    }
    Verdict v = interpretAnswer(a, p->range, m_options, shownUrl(p->url), p->acceptWhole());
    switch (v.kind) {
    case Verdict::Kind::Data:
        finish(p, std::optional<RangeRead>(RangeRead{std::move(v.data), v.wholeObject}),
               FetchRecord::Outcome::Ok);
        break;
    case Verdict::Kind::Missing:
        finish(p, std::optional<RangeRead>{}, FetchRecord::Outcome::Missing);
        break;
    case Verdict::Kind::Fail:
        finish(p, v.error, FetchRecord::Outcome::Failed);
        break;
    case Verdict::Kind::Reissue:
        // Only a suffix range is reissued, and as an explicit one: this happens once at most.
        if (p->range && p->range->suffix) {
            p->range = v.reissueAs;
            retryLater(p, 0);
        } else {
            finish(p, v.error, FetchRecord::Outcome::Failed);
        }
        break;
    case Verdict::Kind::Retry:
        if (p->record.attempt >= m_options.retry.maxAttempts) {
            finish(p,
                   makeError(
                       QStringLiteral("%1, gave up after %2 tries").arg(v.error.what).arg(p->record.attempt),
                       v.error.where),
                   FetchRecord::Outcome::Failed);
        } else {
            retryLater(p, v.retryAfterMs.value_or(m_options.retry.backoffMs(p->record.attempt)));
        }
        break;
    }
    pump();
}

void FetchScheduler::retryLater(const std::shared_ptr<Pending> &p, int delayMs)
{
    FetchRecord done = p->record;
    done.outcome = FetchRecord::Outcome::Retried;
    Q_EMIT requestFinished(done);
    {
        QMutexLocker lock(&m_statsMutex);
        ++m_stats.retries;
    }
    ++p->record.attempt;
    p->record.queuedNs = monotonicNs();
    // The slot is free while we wait; the retry goes to the front so it is not starved.
    QTimer::singleShot(delayMs, this, [this, p] { enqueue(p, true); });
}

void FetchScheduler::finish(const std::shared_ptr<Pending> &p, RangeReadResult result,
                            FetchRecord::Outcome outcome)
{
    p->record.outcome = outcome;
    Q_EMIT requestFinished(p->record);
    if (auto *whole = std::get_if<QPromise<RangeReadResult>>(&p->promise)) {
        whole->addResult(std::move(result));
        whole->finish();
        return;
    }
    // A plain fetch never asked for the whole object, so none was kept (interpretAnswer).
    auto &plain = std::get<QPromise<GetResult>>(p->promise);
    if (!result)
        plain.addResult(GetResult(result.error()));
    else if (!*result)
        plain.addResult(GetResult(MaybeBytes{}));
    else
        plain.addResult(GetResult(MaybeBytes{std::move((*result)->bytes)}));
    plain.finish();
}

} // namespace zs
