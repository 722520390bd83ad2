#pragma once
// Whose credentials an Azure store's requests carry, decided once when the store opens from
// explicit inputs (the URL and an environment map), first match wins:
//   1. a SAS token in the URL's query,
//   2. AZURE_STORAGE_SAS_TOKEN,
//   3. AZURE_STORAGE_CONNECTION_STRING (its SharedAccessSignature, else its AccountKey),
//   4. AZURE_STORAGE_ACCOUNT (or the URL's account) with AZURE_STORAGE_KEY,
//   5. anonymous (a public container).
// The description says which one, for `info` and the Connection settings, without any secret.

#include "auth/RequestAuthorizer.h"
#include "auth/azure/AzureAuthKind.h"
#include "auth/azure/AzureLocation.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace zs {

struct AzureCredentials
{
    AzureAuthKind kind = AzureAuthKind::Anonymous;
    QString account;     // the account whose key signs (SharedKey)
    QByteArray key;      // the decoded account key (SharedKey): a secret
    QString sasToken;    // without '?' (Sas): a secret
    QString description; // "signed with the shared key of account devstoreaccount1 from AZURE_STORAGE_KEY"
};

struct AzureConnection
{
    AzureLocation location;
    AzureCredentials credentials;
};

// The location of `url` (see AzureLocation.h) and the credentials for it. Errors: an
// undecodable key, a SAS without a signature, a key for another account than the URL's, a
// malformed connection string; none repeats a key or a signature.
Result<AzureConnection> resolveAzureConnection(const QUrl &url, const AzureEnvironment &env,
                                               bool pathStyle = false);
// The credentials alone, for a location already known.
Result<AzureCredentials> resolveAzureCredentials(const QUrl &url, const AzureLocation &location,
                                                 const AzureEnvironment &env);

// Decorates one attempt of a request: the SAS merged into its query, or the Shared Key headers
// for `now`; every kind also sends x-ms-version so answers have one known shape.
void authorizeAzureRequest(const AzureCredentials &credentials, OutgoingRequest &request,
                           const QDateTime &now);

} // namespace zs
