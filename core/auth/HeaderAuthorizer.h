#pragma once
// Fixed headers on every request to the store's own host: `--header "Authorization: Bearer …"`,
// API keys, basic auth from the URL's user:password or ~/.netrc, a GCS access token given in
// the environment. Nothing to refresh: a refusal is final and says so.

#include "auth/RequestAuthorizer.h"
#include "auth/StoreOrigin.h"

namespace zs {

class HeaderAuthorizer final : public RequestAuthorizer
{
public:
    // `description` says where the headers came from ("headers from --header",
    // "basic auth for user alice from ~/.netrc"); it must name no secret.
    HeaderAuthorizer(const QUrl &store, HeaderList headers, QString description);

    QFuture<Status> ready() override;
    Status authorize(OutgoingRequest &request) override;
    RefusalAdvice adviseOn(const Refusal &) override { return RefusalAdvice::GiveUp; }
    QString explain(const Refusal &refusal) const override;
    QString describe() const override { return m_description; }
    bool mayAuthorize(const QUrl &url) const override { return m_origin.admits(url); }

private:
    StoreOrigin m_origin;
    HeaderList m_headers;
    QString m_description;
};

// The words for a refused request that carried credentials which cannot be re-read: 401 means
// they were not accepted, 403 that they were but do not allow this.
QString explainRefusedCredentials(const Refusal &refusal, const QString &source);

} // namespace zs
