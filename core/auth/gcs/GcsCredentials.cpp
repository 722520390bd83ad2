#include "auth/gcs/GcsCredentials.h"

namespace zs {

namespace {

const QString kAccessTokenVariable = QStringLiteral("GOOGLE_OAUTH_ACCESS_TOKEN");
const QString kApplicationCredentialsVariable = QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS");

Result<GcsCredentials> fromKeyFile(const QString &path, GcsCredentialSource source, const QString &origin)
{
    ZS_TRY(ServiceAccountKey key, readServiceAccountKey(path));
    GcsCredentials credentials;
    credentials.source = source;
    credentials.description = QStringLiteral("service account %1 from %2").arg(key.clientEmail, path);
    if (!origin.isEmpty()) credentials.description += QStringLiteral(" (%1)").arg(origin);
    credentials.key = std::move(key);
    return credentials;
}

} // namespace

Result<GcsCredentials> chooseGcsCredentials(const QString &keyFlag, const QProcessEnvironment &env)
{
    if (!keyFlag.isEmpty()) return fromKeyFile(keyFlag, GcsCredentialSource::KeyFlag, {});

    // `$(gcloud auth print-access-token)` pasted with its newline is common: trim, then insist on
    // what a header can carry.
    const QByteArray token = env.value(kAccessTokenVariable).trimmed().toUtf8();
    if (!token.isEmpty()) {
        for (const char c : token)
            if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f)
                return makeError(QStringLiteral("the token has spaces or control characters"),
                                 kAccessTokenVariable);
        GcsCredentials credentials;
        credentials.source = GcsCredentialSource::AccessTokenVariable;
        credentials.bearerToken = token;
        credentials.description = QStringLiteral("bearer token from %1").arg(kAccessTokenVariable);
        return credentials;
    }

    const QString keyFile = env.value(kApplicationCredentialsVariable);
    if (!keyFile.isEmpty())
        return fromKeyFile(keyFile, GcsCredentialSource::ApplicationCredentialsVar,
                           kApplicationCredentialsVariable);

    GcsCredentials anonymous;
    anonymous.description = QStringLiteral("anonymous");
    return anonymous;
}

} // namespace zs
