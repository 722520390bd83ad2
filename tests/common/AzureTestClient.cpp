#include "AzureTestClient.h"

#include "store/http/AzureError.h"
#include "store/http/AzureListing.h"

#include <QEventLoop>
#include <QNetworkReply>

using namespace zs;

namespace zstest {

QUrl AzureTestClient::blobUrl(const QString &key) const
{
    QUrl url = m_containerUrl;
    url.setPath(url.path() + u'/' + key);
    return url;
}

AzureAnswer AzureTestClient::send(OutgoingRequest request, const AzureCredentials &credentials,
                                  const QByteArray &body)
{
    authorizeAzureRequest(credentials, request, QDateTime::currentDateTimeUtc());
    QNetworkRequest r(request.url);
    for (const auto &[name, value] : std::as_const(request.headers))
        r.setRawHeader(name, value);
    r.setRawHeader("Accept-Encoding", "identity"); // Qt would ask for gzip and unpack it itself
    QNetworkReply *reply = m_nam.sendCustomRequest(r, request.method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    AzureAnswer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                  reply->rawHeader("x-ms-error-code"), reply->rawHeader("Content-Range")};
    reply->deleteLater();
    return a;
}

AzureAnswer AzureTestClient::get(const QUrl &url, const AzureCredentials &credentials, HeaderList headers)
{
    return send(OutgoingRequest{"GET", url, std::move(headers)}, credentials);
}

Result<Listing> AzureTestClient::listAll(const QString &prefix, const AzureCredentials &credentials,
                                         int maxResults, int *pages)
{
    Listing all;
    QString marker;
    *pages = 0;
    do {
        const AzureAnswer a = get(azureListUrl(m_containerUrl, prefix, marker, maxResults), credentials);
        if (a.status != 200) return makeError(explainAzureError(a.status, a.body, credentials.kind), prefix);
        ZS_TRY(const AzureListPage page, parseAzureListPage(a.body, prefix, prefix));
        if (maxResults > 0 && page.listing.keys.size() + page.listing.prefixes.size() > maxResults)
            return makeError(QStringLiteral("a page longer than maxresults"), prefix);
        all.keys << page.listing.keys;
        all.prefixes << page.listing.prefixes;
        all.sizes.insert(page.listing.sizes);
        marker = page.nextMarker;
        ++*pages;
    } while (!marker.isEmpty() && *pages < 100);
    return all;
}

} // namespace zstest
