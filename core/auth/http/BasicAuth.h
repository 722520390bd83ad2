#pragma once
// HTTP basic authentication (RFC 7617) for plain HTTP(S) stores: the user and password from the
// URL's userinfo (https://user:p%40ss@host/data.zarr, percent-decoded), else from ~/.netrc for the
// URL's host, as curl --netrc-optional does.

#include "auth/RequestAuthorizer.h"
#include "auth/http/Netrc.h"

#include <optional>

namespace zs {

struct BasicCredentials
{
    QString user;
    QString password; // secret
    QString origin;   // "the URL", "~/.netrc": for describe()
};

// The URL's userinfo, percent-decoded; nothing when the URL has no user name.
std::optional<BasicCredentials> basicCredentialsFromUrl(const QUrl &url);
// The URL's userinfo when it has a password; else the netrc entry for the URL's host (for the
// URL's user, when it names one); else the URL's user alone with an empty password, or nothing.
std::optional<BasicCredentials> basicCredentialsFor(const QUrl &url, const Netrc &netrc,
                                                    const QString &netrcName);
// "Authorization: Basic base64(user:password)", UTF-8 as RFC 7617's charset="UTF-8" says. Fails
// for a user name with a colon, which the scheme cannot carry.
Result<std::pair<QByteArray, QByteArray>> basicAuthorizationHeader(const BasicCredentials &credentials);

} // namespace zs
