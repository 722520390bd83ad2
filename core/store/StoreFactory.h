#pragma once
// Opens a store from what the user typed: a local path, file://, http(s)://,
// s3://bucket/prefix (the bucket's public HTTPS endpoint, or an S3-compatible endpoint)
// or gs://bucket/prefix (storage.googleapis.com). A .zip file on the way (local or in a URL) is
// a zip archive store; what follows it is a folder inside the archive.

#include "auth/CredentialOptions.h"
#include "net/FetchTypes.h"
#include "store/Store.h"

#include <memory>

namespace zs {

struct StoreOptions
{
    FetchOptions fetch;
    QString s3Endpoint; // e.g. "http://127.0.0.1:4568": path-style requests to an S3-compatible server
    QString s3Region;   // e.g. "eu-west-1"; empty = from the credential chain, else the global endpoint
    CredentialOptions credentials;

    // Options whose only change is the store's concurrency budget (1 = one request at a time).
    static StoreOptions limitedTo(int concurrency)
    {
        StoreOptions o;
        o.fetch.concurrency = concurrency;
        return o;
    }
};

Result<std::shared_ptr<Store>> openStore(const QString &location, const StoreOptions &options = {});
bool isRemoteLocation(const QString &location);

} // namespace zs
