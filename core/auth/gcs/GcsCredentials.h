#pragma once
// Which credentials a gs:// store uses, from what the user gave: the --gcs-key flag, then
// GOOGLE_OAUTH_ACCESS_TOKEN (a ready bearer token, e.g. `gcloud auth print-access-token`), then
// GOOGLE_APPLICATION_CREDENTIALS (a service-account key file), else anonymous (public buckets).
// The first that is set wins, even when it then fails: a broken key must not quietly turn into
// anonymous access, which would show a private bucket as "not found".

#include "auth/gcs/ServiceAccountKey.h"

#include <QProcessEnvironment>
#include <optional>

namespace zs {

enum class GcsCredentialSource
{
    KeyFlag,                   // --gcs-key FILE
    AccessTokenVariable,       // GOOGLE_OAUTH_ACCESS_TOKEN
    ApplicationCredentialsVar, // GOOGLE_APPLICATION_CREDENTIALS
    Anonymous,
};

struct GcsCredentials
{
    GcsCredentialSource source = GcsCredentialSource::Anonymous;
    std::optional<ServiceAccountKey> key; // KeyFlag, ApplicationCredentialsVar
    QByteArray bearerToken;               // AccessTokenVariable (secret)
    // For `info` and the Connection settings: "bearer token from GOOGLE_OAUTH_ACCESS_TOKEN",
    // "service account reader@proj.iam.gserviceaccount.com from key.json", "anonymous".
    QString description;
};

// `keyFlag` is --gcs-key's value (empty when not given); `env` the process environment, or a
// test's. Reads the key file when one is chosen; an empty variable counts as unset.
Result<GcsCredentials> chooseGcsCredentials(const QString &keyFlag, const QProcessEnvironment &env);

} // namespace zs
