#pragma once
// Where Connection settings are kept between sessions: the plain fields (profile, region,
// endpoints, switches, header names) in QSettings under "connections/<location>", the header
// values, the secrets, in the system keychain through QtKeychain (service "Zarrscope", one entry
// per location and header name). Never a value in QSettings: no insecure fallback. Without a
// keychain the values typed this session are kept in memory only, and the caller is told so.
//
// Keychain jobs are asynchronous: load() and save() answer through a callback once every job
// ended. A missing entry is not an error (a header saved on another computer, or removed).

#include "ConnectionSettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>

namespace zs {

class ConnectionSettingsStore final : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kService = "Zarrscope";

    // `problem` is empty when the keychain answered, else a sentence for the status line.
    using Loaded = std::function<void(const ConnectionSettings &settings, const QString &problem)>;
    using Saved = std::function<void(const QString &problem)>;

    explicit ConnectionSettingsStore(QObject *parent = nullptr);

    // The settings of `location` as far as they are known without the keychain: the plain
    // fields, and header values already read or typed this session (else empty).
    ConnectionSettings known(const QString &location) const;
    // Whether known() is complete: no header value still to be read from the keychain.
    bool isComplete(const QString &location) const;
    // Reads the header values from the keychain, then calls `done` (not when `context` is gone).
    void load(const QString &location, QObject *context, const Loaded &done);
    // Keeps `settings` (under settings.location): plain fields now, values through the keychain;
    // entries of headers no longer there are deleted. Values are usable at once (known()).
    void save(const ConnectionSettings &settings, QObject *context, const Saved &done);

    // The keychain entry's key of a header, e.g. "https://host/x.zarr header Authorization".
    static QString keychainKey(const QString &location, const QString &headerName);

private:
    ConnectionSettings readPlain(const QString &location) const;
    void writePlain(const ConnectionSettings &settings) const;

    // Values read from or written to the keychain, or typed while it failed, by location and name.
    QHash<QString, QHash<QString, QString>> m_values;
};

} // namespace zs
