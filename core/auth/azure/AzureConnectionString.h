#pragma once
// AZURE_STORAGE_CONNECTION_STRING: `Name=value;Name=value` as the portal's "Connection string"
// and Azure's tools give it, or `UseDevelopmentStorage=true` for the local emulator (Azurite).

#include "util/Result.h"

#include <QString>
#include <QUrl>

namespace zs {

// Azurite's well-known account (published in its README and Microsoft's docs: not a secret).
inline constexpr char kAzuriteAccount[] = "devstoreaccount1";
inline constexpr char kAzuriteKey[] =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
// Azurite's default blob endpoint: path-style, the account as the first path segment.
inline constexpr char kAzuriteBlobEndpoint[] = "http://127.0.0.1:10000/devstoreaccount1";

struct AzureConnectionString
{
    QString protocol = QStringLiteral("https");                  // DefaultEndpointsProtocol
    QString accountName;                                         // AccountName
    QString accountKey;                                          // AccountKey, base64 (a secret)
    QUrl blobEndpoint;                                           // BlobEndpoint, when given
    QString endpointSuffix = QStringLiteral("core.windows.net"); // EndpointSuffix
    QString sasToken;                // SharedAccessSignature, without '?' (a secret)
    bool developmentStorage = false; // UseDevelopmentStorage=true

    // The blob service endpoint: BlobEndpoint, else protocol://account.blob.suffix; empty when
    // neither an endpoint nor an account is known.
    QUrl serviceEndpoint() const;
};

// Parses a connection string. Names are matched without case (as Azure's SDKs do); unknown
// names (QueueEndpoint, ...) are ignored. Errors name `where` and never repeat a value.
Result<AzureConnectionString>
parseAzureConnectionString(const QString &text,
                           const QString &where = QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"));

} // namespace zs
