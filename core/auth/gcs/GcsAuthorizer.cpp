#include "auth/gcs/GcsAuthorizer.h"

#include "auth/HeaderAuthorizer.h"
#include "auth/gcs/JwtAssertion.h"
#include "util/FutureChain.h"

#include <QNetworkAccessManager>

namespace zs {

GcsAuthorizer::GcsAuthorizer(const QUrl &endpoint, ServiceAccountKey key, QString description)
    : m_origin(endpoint), m_description(std::move(description)),
      m_tokens(std::move(key), QString::fromLatin1(kGcsReadOnlyScope))
{
}

GcsAuthorizer::~GcsAuthorizer()
{
    if (m_nam) m_nam->deleteLater(); // it lives on the network thread
}

QFuture<Status> GcsAuthorizer::ready()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_token && !m_token->needsRenewal(QDateTime::currentDateTimeUtc()))
            return QtFuture::makeReadyFuture(Status(Ok{}));
    }
    if (!m_nam) m_nam = new QNetworkAccessManager;
    return continueIn<Status>(nullptr, m_tokens.token(m_nam),
                              [weak = weak_from_this()](const Result<GcsToken> &token) -> Status {
                                  if (!token) return token.error();
                                  const auto self = weak.lock();
                                  if (!self) return makeError(QStringLiteral("the store was closed"));
                                  QMutexLocker lock(&self->m_mutex);
                                  self->m_token = *token;
                                  return Ok{};
                              });
}

Status GcsAuthorizer::authorize(OutgoingRequest &request)
{
    QMutexLocker lock(&m_mutex);
    if (!m_token) return makeError(QStringLiteral("no access token yet"), m_description);
    request.headers.append(bearerAuthorizationHeader(m_token->accessToken));
    return Ok{};
}

RefusalAdvice GcsAuthorizer::adviseOn(const Refusal &refusal)
{
    if (refusal.status != 401) return RefusalAdvice::GiveUp;
    // Revoked, or our clock ran ahead of the server's: one new exchange, then the answer stands.
    m_tokens.invalidate();
    QMutexLocker lock(&m_mutex);
    m_token.reset();
    return RefusalAdvice::RetryWithNewCredentials;
}

QString GcsAuthorizer::explain(const Refusal &refusal) const
{
    return explainRefusedCredentials(refusal, m_description);
}

} // namespace zs
