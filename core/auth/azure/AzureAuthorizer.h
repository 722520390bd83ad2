#pragma once
// Azure Blob requests of one store (issue 17): Shared Key signing, a SAS token in the query, or
// anonymous (public containers), as resolveAzureCredentials chose; x-ms-version on all of them.

#include "auth/RequestAuthorizer.h"
#include "auth/StoreOrigin.h"
#include "auth/azure/AzureConnection.h"

namespace zs {

class AzureAuthorizer final : public RequestAuthorizer
{
public:
    AzureAuthorizer(const QUrl &serviceEndpoint, AzureCredentials credentials);

    QFuture<Status> ready() override;
    Status authorize(OutgoingRequest &request) override;
    // Shared keys and SAS tokens do not expire into something we could read again.
    RefusalAdvice adviseOn(const Refusal &) override { return RefusalAdvice::GiveUp; }
    QString explain(const Refusal &refusal) const override;
    QString describe() const override { return m_credentials.description; }
    bool mayAuthorize(const QUrl &url) const override { return m_origin.admits(url); }

private:
    const StoreOrigin m_origin;
    const AzureCredentials m_credentials;
};

} // namespace zs
