#include "auth/http/BasicAuth.h"

namespace zs {

std::optional<BasicCredentials> basicCredentialsFromUrl(const QUrl &url)
{
    // FullyDecoded turns %40 into '@' and %3A into ':', which is what the server must see.
    const QString user = url.userName(QUrl::FullyDecoded);
    if (user.isEmpty()) return std::nullopt;
    return BasicCredentials{user, url.password(QUrl::FullyDecoded), QStringLiteral("the URL")};
}

std::optional<BasicCredentials> basicCredentialsFor(const QUrl &url, const Netrc &netrc,
                                                    const QString &netrcName)
{
    auto fromUrl = basicCredentialsFromUrl(url);
    if (fromUrl && !fromUrl->password.isEmpty()) return fromUrl;
    if (const auto entry = netrc.find(url.host(), fromUrl ? fromUrl->user : QString())) {
        if (!entry->login.isEmpty() || !entry->password.isEmpty())
            return BasicCredentials{entry->login, entry->password, netrcName};
    }
    return fromUrl;
}

Result<std::pair<QByteArray, QByteArray>> basicAuthorizationHeader(const BasicCredentials &credentials)
{
    // RFC 7617 §2: the user-id cannot contain a colon, the first one separates it from the password.
    if (credentials.user.contains(u':'))
        return makeError(QStringLiteral("the user name contains ':', which basic authentication cannot send"),
                         credentials.origin);
    const QByteArray pair = credentials.user.toUtf8() + ':' + credentials.password.toUtf8();
    return std::pair{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + pair.toBase64()};
}

} // namespace zs
