#include "auth/gcs/GcsTokenSource.h"

#include "auth/Redaction.h"
#include "auth/gcs/JwtAssertion.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QThread>

namespace zs {

namespace {

constexpr int kExchangeTimeoutMs = 30000;

QFuture<Result<GcsToken>> readyFuture(Result<GcsToken> result)
{
    QPromise<Result<GcsToken>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

// One exchange's promise. Whoever drops the last reference finishes it: the reply's handler with
// the answer, or (when the reply is deleted unanswered, e.g. with its QNAM) this destructor with an
// error, so a waiting request never hangs on a cancelled future.
struct Exchange
{
    QPromise<Result<GcsToken>> promise;
    QString where;
    bool done = false;

    void finish(Result<GcsToken> result)
    {
        promise.addResult(std::move(result));
        promise.finish();
        done = true;
    }
    ~Exchange()
    {
        if (!done) finish(makeError(QStringLiteral("token exchange abandoned before the answer"), where));
    }
};

} // namespace

struct GcsTokenSource::State
{
    std::optional<GcsToken> token;
    QFuture<Result<GcsToken>> pending;
    int exchanges = 0;
};

GcsTokenSource::GcsTokenSource(ServiceAccountKey key, QString scope, Clock clock)
    : m_key(std::move(key)), m_scope(std::move(scope)), m_clock(std::move(clock)),
      m_state(std::make_shared<State>())
{
    if (!m_clock) m_clock = [] { return QDateTime::currentDateTimeUtc(); };
}

GcsTokenSource::~GcsTokenSource() = default;

std::optional<GcsToken> GcsTokenSource::cachedToken() const
{
    if (m_state->token && !m_state->token->needsRenewal(m_clock())) return m_state->token;
    return std::nullopt;
}

void GcsTokenSource::invalidate()
{
    m_state->token.reset();
}

int GcsTokenSource::exchangeCount() const
{
    return m_state->exchanges;
}

QFuture<Result<GcsToken>> GcsTokenSource::token(QNetworkAccessManager *nam)
{
    // A QNAM used from another thread fails in ways far from here; say so at the call.
    Q_ASSERT(nam && nam->thread() == QThread::currentThread());
    if (auto cached = cachedToken()) return readyFuture(*cached);
    if (m_state->pending.isValid() && !m_state->pending.isFinished()) return m_state->pending;

    const QString where = displayUrl(m_key.tokenUri);
    const QDateTime sentAt = m_clock();
    auto assertion = makeJwtAssertion(m_key, m_scope, sentAt.toSecsSinceEpoch());
    if (!assertion) return readyFuture(assertion.error());

    QNetworkRequest request(m_key.tokenUri);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(kExchangeTimeoutMs);
    // A redirect would carry the assertion to wherever it points: treat it as the answer instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const QByteArray body =
        QByteArrayLiteral("grant_type=") +
        QUrl::toPercentEncoding(QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")) +
        QByteArrayLiteral("&assertion=") + QUrl::toPercentEncoding(QString::fromLatin1(*assertion));

    auto exchange = std::make_shared<Exchange>();
    exchange->where = where;
    exchange->promise.start();
    m_state->pending = exchange->promise.future();
    ++m_state->exchanges;

    // The text of a refusal or a network error is quoted to the user: cut the assertion and its
    // signature from it in case a server echoes them.
    const QByteArray signature = assertion->mid(assertion->lastIndexOf('.') + 1);
    const QStringList secrets{QString::fromLatin1(*assertion), QString::fromLatin1(signature)};
    const QString account = m_key.clientEmail;
    std::weak_ptr<State> state = m_state;
    QNetworkReply *reply = nam->post(request, body);
    // The handler lives as long as the reply's connection: deleting the reply unanswered releases
    // `exchange`, whose destructor then fails the future.
    QObject::connect(
        reply, &QNetworkReply::finished, reply, [reply, exchange, state, sentAt, secrets, account, where] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            Result<GcsToken> result;
            if (status == 0)
                result = makeError(QStringLiteral("token exchange for service account %1 failed: %2")
                                       .arg(account, redactSecrets(reply->errorString(), secrets)),
                                   where);
            else {
                result = parseGcsTokenAnswer(status, reply->readAll(), sentAt, secrets, where);
                if (!result)
                    result = makeError(QStringLiteral("token exchange for service account %1 failed: %2")
                                           .arg(account, result.error().what),
                                       where);
            }
            if (auto shared = state.lock(); shared && result) shared->token = *result;
            exchange->finish(std::move(result));
        });
    return m_state->pending;
}

} // namespace zs
