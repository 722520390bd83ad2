#include "ConnectionSettings.h"

#include "auth/Redaction.h"

#include <QRegularExpression>

namespace zs {

bool ConnectionSettings::isDefault() const
{
    ConnectionSettings empty;
    empty.location = location;
    return *this == empty;
}

StoreOptions ConnectionSettings::toStoreOptions() const
{
    StoreOptions options;
    options.s3Endpoint = s3Endpoint.trimmed();
    options.s3Region = s3Region.trimmed();
    CredentialOptions &c = options.credentials;
    c.anonymous = anonymous;
    c.s3Profile = s3Profile.trimmed();
    c.s3RequesterPays = s3RequesterPays;
    c.gcsEndpoint = gcsEndpoint.trimmed();
    c.gcsKeyFile = gcsKeyFile.trimmed();
    for (const HeaderSetting &h : headers) {
        if (h.name.trimmed().isEmpty()) continue; // a row the user added and left empty
        c.headers << h.name.trimmed() + QStringLiteral(": ") + h.value.trimmed();
    }
    c.headersSource = connectionSettingsHeadersSource();
    return options;
}

QString connectionSettingsHeadersSource()
{
    return QStringLiteral("headers from the Connection settings");
}

QString connectionSettingsKey(const QString &location)
{
    return displayLocation(location.trimmed());
}

bool isCredentialsFailure(const QString &message)
{
    // The message may carry context before the core's sentence ("cannot read zarr.json: access
    // denied ..."), so each clause is looked at, not only the first.
    static const QRegularExpression start(QStringLiteral("(^|: |\\n)(access denied|credentials are needed)"),
                                          QRegularExpression::CaseInsensitiveOption);
    return start.match(message).hasMatch();
}

} // namespace zs
