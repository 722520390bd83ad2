#pragma once
// Where an Azure store lives: the blob service endpoint, the container and the prefix inside it,
// from the URL the user gave. Three spellings:
//   az://container/prefix                                   (account from the environment)
//   https://ACCOUNT.blob.core.windows.net/container/prefix  (account from the host)
//   http://127.0.0.1:10000/devstoreaccount1/container/prefix (emulator: the account in the path)

#include "util/Result.h"

#include <QHash>
#include <QString>
#include <QUrl>

namespace zs {

// The environment variables that configure Azure access, passed in explicitly so that tests
// (and the settings dialog) need not touch the process environment.
using AzureEnvironment = QHash<QString, QString>;
// AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT, AZURE_STORAGE_KEY and
// AZURE_STORAGE_SAS_TOKEN from this process's environment (those set).
AzureEnvironment azureEnvironmentFromProcess();

struct AzureLocation
{
    QString account;      // the storage account; empty for a custom domain with none configured
    QUrl serviceEndpoint; // https://acct.blob.core.windows.net, http://127.0.0.1:10000/devstoreaccount1
    QString container;
    QUrl containerUrl; // serviceEndpoint/container, no query (a SAS stays out of it)
    QString prefix;    // the store's root inside the container: no leading or trailing '/'
};

// True for the URLs azureLocationFor understands as Azure (az://, *.blob.core.windows.net and
// the other clouds' *.blob.* hosts); emulator URLs are plain http and need the caller's word.
bool isAzureUrl(const QUrl &url);
// Maps `url` as above; `pathStyle` forces the emulator reading (the account as the first path
// segment) and is implied for loopback and IP hosts. Errors name the URL without its query.
Result<AzureLocation> azureLocationFor(const QUrl &url, const AzureEnvironment &env, bool pathStyle = false);
// The location of `container`/`prefix` under a known service endpoint (e.g. a connection
// string's BlobEndpoint, or Azurite's http://127.0.0.1:PORT/devstoreaccount1).
Result<AzureLocation> azureLocationAt(const QUrl &serviceEndpoint, const QString &account,
                                      const QString &container, const QString &prefix);

} // namespace zs
