#pragma once
// How a remote store is reached (issue 17): the URL its requests go to, where it lists, and the
// authorizer that carries the credentials the user has configured, for each kind of location.
// Used by openStore; each function reads the credential chain of its kind only.

#include "auth/RequestAuthorizer.h"
#include "store/StoreFactory.h"

#include <QHash>
#include <memory>

namespace zs {

struct RemoteAccess
{
    QUrl base;          // the store root
    QUrl listingUrl;    // the bucket or container endpoint listings go to; empty: plain HTTP
    QString prefix;     // the store's path inside the bucket or container
    bool azure = false; // lists with List Blobs
    // The endpoint's way of listing is not known (a --gcs-endpoint emulator or test server may
    // serve HTML indexes): tried as S3, then HTML, as for plain HTTP.
    bool guessListing = false;
    std::shared_ptr<RequestAuthorizer> authorizer; // null: anonymous
    QString credentialsHint; // how to give credentials when anonymous (FetchOptions); empty: the default
};

QHash<QString, QString> environmentOf(const CredentialOptions &options);

// s3://bucket/prefix: AWS credential chain, region and endpoint (flags first, then the profile).
Result<RemoteAccess> s3Access(const QUrl &url, const StoreOptions &options);
// az://container/prefix and https://ACCOUNT.blob.core.windows.net/container/prefix, and a plain
// HTTP URL with a SAS query (an emulator such as Azurite: the account is the first path segment).
Result<RemoteAccess> azureAccess(const QUrl &url, const StoreOptions &options);
// Whether `url` is read as an Azure location (see azureAccess).
bool isAzureLocation(const QUrl &url);
// gs://bucket/prefix: storage.googleapis.com (or --gcs-endpoint, path style), with --gcs-key,
// GOOGLE_OAUTH_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS, else anonymous.
Result<RemoteAccess> gcsAccess(const QUrl &url, const StoreOptions &options);
// http(s)://: --header, user:password@ in the URL, ~/.netrc.
Result<std::shared_ptr<RequestAuthorizer>> httpAuthorizer(const QUrl &url, const CredentialOptions &options);

} // namespace zs
