#pragma once
// An OAuth 2.0 access token for Cloud Storage and the token endpoint's answer
// {"access_token","expires_in","token_type"} (RFC 6749 §5.1, errors §5.2).

#include "auth/RequestAuthorizer.h"

#include <QDateTime>

namespace zs {

// Ask again this long before expiry, so a request signed now does not arrive with a dead token.
inline constexpr qint64 kGcsTokenRenewSeconds = 60;

struct GcsToken
{
    QByteArray accessToken; // secret
    QDateTime expiresAt;    // UTC; counted from when the request was sent, so never late

    bool needsRenewal(const QDateTime &now) const
    {
        return accessToken.isEmpty() || now.secsTo(expiresAt) <= kGcsTokenRenewSeconds;
    }
};

// "Authorization: Bearer <token>".
std::pair<QByteArray, QByteArray> bearerAuthorizationHeader(const QByteArray &accessToken);

// The token endpoint's answer to a request sent at `sentAt`. A non-200 answer becomes an error with
// the server's `error` and `error_description`; `secrets` (the assertion) are cut from any text
// quoted from the body. `where` names the endpoint.
Result<GcsToken> parseGcsTokenAnswer(int httpStatus, const QByteArray &body, const QDateTime &sentAt,
                                     const QStringList &secrets, const QString &where);

} // namespace zs
