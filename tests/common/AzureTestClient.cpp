#include "AzureTestClient.h"

#include "store/http/AzureError.h"
#include "store/http/AzureListing.h"

#include <QDir>
#include <QDirIterator>
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

QString AzureTestClient::createContainer(const AzureCredentials &credentials)
{
    QUrl create = m_containerUrl;
    create.setQuery(QStringLiteral("restype=container"));
    const AzureAnswer made = send(OutgoingRequest{"PUT", create, {{"Content-Length", "0"}}}, credentials);
    if (made.status == 201) return {};
    return QStringLiteral("creating the container %1: HTTP %2 %3")
        .arg(m_containerUrl.toString())
        .arg(made.status)
        .arg(QString::fromUtf8(made.body));
}

QString AzureTestClient::putBlob(const QString &key, const QByteArray &bytes,
                                 const AzureCredentials &credentials)
{
    const AzureAnswer put = send(OutgoingRequest{"PUT",
                                                 blobUrl(key),
                                                 {{"x-ms-blob-type", "BlockBlob"},
                                                  {"Content-Type", "application/octet-stream"},
                                                  {"Content-Length", QByteArray::number(bytes.size())}}},
                                 credentials, bytes);
    if (put.status == 201) return {};
    return QStringLiteral("uploading %1: HTTP %2 %3")
        .arg(key)
        .arg(put.status)
        .arg(QString::fromUtf8(put.body));
}

QString AzureTestClient::uploadDirectory(const QString &localDir, const QString &prefix,
                                         const AzureCredentials &credentials)
{
    QDirIterator it(localDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("cannot read ") + path;
        const QString key = prefix + u'/' + QDir(localDir).relativeFilePath(path);
        if (QString problem = putBlob(key, f.readAll(), credentials); !problem.isEmpty()) return problem;
    }
    return {};
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
