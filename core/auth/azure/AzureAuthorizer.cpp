#include "auth/azure/AzureAuthorizer.h"

#include "store/http/AzureError.h"

#include <QDateTime>

namespace zs {

AzureAuthorizer::AzureAuthorizer(const QUrl &serviceEndpoint, AzureCredentials credentials)
    : m_origin(serviceEndpoint), m_credentials(std::move(credentials))
{
}

QFuture<Status> AzureAuthorizer::ready()
{
    return QtFuture::makeReadyFuture(Status(Ok{}));
}

Status AzureAuthorizer::authorize(OutgoingRequest &request)
{
    authorizeAzureRequest(m_credentials, request, QDateTime::currentDateTimeUtc());
    return Ok{};
}

QString AzureAuthorizer::explain(const Refusal &refusal) const
{
    return explainAzureError(refusal.status, refusal.body, m_credentials.kind);
}

} // namespace zs
