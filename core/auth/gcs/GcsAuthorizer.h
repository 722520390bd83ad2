#pragma once
// A gs:// store's requests with a service account's access token (issue 17): the JWT-bearer
// exchange runs when the first request needs a token and again a minute before it expires; every
// request waiting meanwhile goes once it is there. A refused token is dropped and fetched anew once.

#include "auth/RequestAuthorizer.h"
#include "auth/StoreOrigin.h"
#include "auth/gcs/GcsTokenSource.h"

#include <QMutex>
#include <memory>

class QNetworkAccessManager;

namespace zs {

class GcsAuthorizer final : public RequestAuthorizer, public std::enable_shared_from_this<GcsAuthorizer>
{
public:
    // Create with make_shared: an exchange under way holds the authorizer only weakly.
    GcsAuthorizer(const QUrl &endpoint, ServiceAccountKey key, QString description);
    ~GcsAuthorizer() override;

    // Called on the network thread (the scheduler's), where the token exchange runs.
    QFuture<Status> ready() override;
    Status authorize(OutgoingRequest &request) override;
    RefusalAdvice adviseOn(const Refusal &refusal) override;
    QString explain(const Refusal &refusal) const override;
    QString describe() const override { return m_description; }
    bool mayAuthorize(const QUrl &url) const override { return m_origin.admits(url); }

private:
    const StoreOrigin m_origin;
    const QString m_description;
    GcsTokenSource m_tokens;
    QNetworkAccessManager *m_nam = nullptr; // made on the network thread at the first exchange
    QMutex m_mutex;
    std::optional<GcsToken> m_token; // the token requests carry now
};

} // namespace zs
