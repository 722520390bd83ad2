#pragma once
// What the browser's File > Connection Settings say about one store: the credential choices the
// command line takes as flags (README, "Private data"), kept per store location. Plain data: the
// dialog fills it, ConnectionSettingsStore keeps it, openStore reads it as StoreOptions.

#include "store/StoreFactory.h"

#include <QList>
#include <QString>

namespace zs {

// One extra request header. The value is usually a secret (a bearer token, an API key): it lives
// in the system keychain, never in QSettings.
struct HeaderSetting
{
    QString name;
    QString value;

    bool operator==(const HeaderSetting &) const = default;
};

struct ConnectionSettings
{
    QString location; // displayLocation() of what the user opened: the key settings are kept under
    QString s3Profile;
    QString s3Region;
    QString s3Endpoint;
    bool anonymous = false;
    bool s3RequesterPays = false;
    QString gcsEndpoint;
    QString gcsKeyFile;
    QList<HeaderSetting> headers;

    bool operator==(const ConnectionSettings &) const = default;

    // Nothing set: the store opens as if there were no settings (the credential chains decide).
    bool isDefault() const;
    // The options openStore takes; the headers name this dialog as their source, so the store's
    // credentialSource() says "headers from the Connection settings".
    StoreOptions toStoreOptions() const;
};

// What credentialSource() calls headers that came from here.
QString connectionSettingsHeadersSource();
// The key a store's settings are kept under: the location without userinfo or signatures, so
// a password typed into a URL never becomes part of a settings key.
QString connectionSettingsKey(const QString &location);
// Whether an open failed for want of (the right) credentials: the core's messages start so.
bool isCredentialsFailure(const QString &message);

} // namespace zs
