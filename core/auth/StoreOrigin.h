#pragma once
// Which requests may carry a store's credentials: those to the host (and port) the store was
// opened on. A redirect elsewhere goes without them, as curl does with --location; plain HTTP
// never gets them unless the store itself was given as plain HTTP on that host.

#include <QUrl>

namespace zs {

class StoreOrigin
{
public:
    StoreOrigin() = default;
    explicit StoreOrigin(const QUrl &given);

    bool admits(const QUrl &target) const;
    const QString &host() const { return m_host; }

private:
    QString m_scheme;
    QString m_host;
    int m_port = -1;
};

} // namespace zs
