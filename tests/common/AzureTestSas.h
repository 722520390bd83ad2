#pragma once
// SAS tokens for tests, signed with an account key the way the Azure docs ("Create an account
// SAS", "Create a service SAS", version 2020-12-06 and later) describe. The app never makes one:
// users bring their tokens; these exist so tests can prove a token reaches Azurite intact.

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace zstest {

// An account SAS for the blob service (ss=b) over containers and objects (srt=co), e.g.
// permissions "rl". The token is percent-encoded, without a leading '?'.
QString azureAccountSas(const QString &account, const QByteArray &key, const QString &permissions,
                        const QDateTime &expiry);
// A service SAS for one container (sr=c), e.g. permissions "rl".
QString azureContainerSas(const QString &account, const QByteArray &key, const QString &container,
                          const QString &permissions, const QDateTime &expiry);

} // namespace zstest
