#pragma once
// A service account's access tokens: the JWT-bearer exchange at the key's token_uri and a cache of
// the answer until kGcsTokenRenewSeconds before it expires. No QObject of its own: it runs on the
// thread of the QNetworkAccessManager it is given (the network thread), and so must every call;
// the futures it returns may be watched from any thread.

#include "auth/gcs/GcsToken.h"
#include "auth/gcs/ServiceAccountKey.h"

#include <QFuture>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace zs {

class GcsTokenSource
{
public:
    using Clock = std::function<QDateTime()>;

    // `clock` (UTC) is for tests that age the token; the system clock otherwise.
    explicit GcsTokenSource(ServiceAccountKey key, QString scope, Clock clock = {});
    ~GcsTokenSource();
    GcsTokenSource(const GcsTokenSource &) = delete;
    GcsTokenSource &operator=(const GcsTokenSource &) = delete;

    // The cached token while it has more than a minute to live; otherwise one exchange, shared by
    // every caller that asks before it answers. `nam` must live on the calling thread. Never
    // cancelled: a failed or abandoned exchange finishes with an error.
    QFuture<Result<GcsToken>> token(QNetworkAccessManager *nam);
    // The token a request may carry now, if one is cached and not due for renewal.
    std::optional<GcsToken> cachedToken() const;
    // Forgets the cached token (the server refused it: revoked, or the clock is off).
    void invalidate();
    // How many exchanges were started, for tests and `info`.
    int exchangeCount() const;
    const ServiceAccountKey &key() const { return m_key; }

private:
    struct State;
    ServiceAccountKey m_key;
    QString m_scope;
    Clock m_clock;
    // Shared with the reply's handler, which may outlive this object.
    std::shared_ptr<State> m_state;
};

} // namespace zs
