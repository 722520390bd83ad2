#pragma once
// A blocking Azure Blob client for tests: QNetworkAccessManager carrying requests decorated by
// the core's authorizeAzureRequest, and List Blobs followed through every NextMarker with the
// core's parser. What an HttpStore will do asynchronously, spelled out plainly.

#include "auth/azure/AzureConnection.h"
#include "store/Store.h"

#include <QNetworkAccessManager>

namespace zstest {

struct AzureAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray errorCode; // x-ms-error-code
    QByteArray contentRange;
};

class AzureTestClient
{
public:
    explicit AzureTestClient(QUrl containerUrl) : m_containerUrl(std::move(containerUrl)) {}

    QUrl blobUrl(const QString &key) const;
    AzureAnswer send(zs::OutgoingRequest request, const zs::AzureCredentials &credentials,
                     const QByteArray &body = {});
    AzureAnswer get(const QUrl &url, const zs::AzureCredentials &credentials, zs::HeaderList headers = {});
    // A test's setup, each "" or what failed: the container made (PUT ?restype=container), one
    // block blob written, every file under `localDir` (hidden ones too) written under `prefix`.
    QString createContainer(const zs::AzureCredentials &credentials);
    QString putBlob(const QString &key, const QByteArray &bytes, const zs::AzureCredentials &credentials);
    QString uploadDirectory(const QString &localDir, const QString &prefix,
                            const zs::AzureCredentials &credentials);
    // Every page under `prefix` (maxResults 0: the service's page size), counted in `pages`; an
    // error for a refused page or one longer than maxResults.
    zs::Result<zs::Listing> listAll(const QString &prefix, const zs::AzureCredentials &credentials,
                                    int maxResults, int *pages);

private:
    QUrl m_containerUrl;
    QNetworkAccessManager m_nam;
};

} // namespace zstest
