#include "auth/StoreOrigin.h"

namespace zs {

namespace {

int portOf(const QUrl &url)
{
    return url.port(url.scheme() == u"https" ? 443 : 80);
}

} // namespace

StoreOrigin::StoreOrigin(const QUrl &given)
    : m_scheme(given.scheme().toLower()), m_host(given.host().toLower()), m_port(portOf(given))
{
}

bool StoreOrigin::admits(const QUrl &target) const
{
    if (m_host.isEmpty() || target.host().toLower() != m_host) return false;
    const QString scheme = target.scheme().toLower();
    // An upgrade to https on the same host keeps them (the port then differs unless given).
    if (scheme == u"https" && m_scheme == u"http") return target.port(443) == (m_port == 80 ? 443 : m_port);
    return scheme == m_scheme && portOf(target) == m_port;
}

} // namespace zs
