#include "store/http/AzureListing.h"

#include "store/http/AzureError.h"

#include <QXmlStreamReader>

namespace zs {

namespace {

// Query values encoded whole, '/' aside: the service reads '+' as a space and Azurite drops a
// parameter whose value holds a bare '=' (markers can).
QString encodeValue(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, "/"));
}

} // namespace

QUrl azureListUrl(const QUrl &containerUrl, const QString &prefix, const QString &marker, int maxResults)
{
    QUrl url = containerUrl;
    QStringList q{QStringLiteral("restype=container"), QStringLiteral("comp=list")};
    // An empty prefix or marker is left out rather than sent empty: nothing to sign, nothing to read.
    if (!prefix.isEmpty()) q << QStringLiteral("prefix=") + encodeValue(prefix + u'/');
    q << QStringLiteral("delimiter=/");
    if (!marker.isEmpty()) q << QStringLiteral("marker=") + encodeValue(marker);
    if (maxResults > 0) q << QStringLiteral("maxresults=%1").arg(maxResults);
    url.setQuery(q.join(u'&'), QUrl::TolerantMode);
    return url;
}

Result<AzureListPage> parseAzureListPage(const QByteArray &xml, const QString &prefix, const QString &where)
{
    QXmlStreamReader r(xml);
    AzureListPage page;
    const QString start = prefix.isEmpty() ? QString() : prefix + u'/';
    // The path of open elements: <Name> counts only directly under <Blob> or <BlobPrefix>, not
    // in a blob's <Metadata> (whose element names are the user's) or elsewhere.
    QStringList open;
    bool sawRoot = false;
    QString blobName; // within one <Blob>: its name under the prefix ("" when elsewhere)
    std::optional<std::uint64_t> blobSize;
    auto parent = [&]() { return open.size() >= 2 ? open[open.size() - 2] : QString(); };
    // Names that XML cannot carry come percent-encoded with Encoded="true" (version 2020-04-08+).
    auto readName = [&]() {
        const bool encoded = r.attributes().value(QStringLiteral("Encoded")) == u"true";
        const QString text = r.readElementText();
        open.removeLast(); // readElementText consumed the end element
        return encoded ? QUrl::fromPercentEncoding(text.toUtf8()) : text;
    };
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            open << r.name().toString();
            const auto name = r.name();
            if (open.size() == 1) {
                if (name != u"EnumerationResults") break;
                sawRoot = true;
            } else if (name == u"Blob" && parent() == u"Blobs") {
                blobName.clear();
                blobSize.reset();
            } else if (name == u"Name" && parent() == u"Blob") {
                const QString key = readName();
                if (key.startsWith(start) && key.size() > start.size() &&
                    !key.mid(start.size()).contains(u'/')) {
                    blobName = key.mid(start.size());
                    page.listing.keys << blobName;
                }
            } else if (name == u"Name" && parent() == u"BlobPrefix") {
                const QString p = readName();
                if (p.startsWith(start) && p.endsWith(u'/') && p.size() > start.size() + 1)
                    page.listing.prefixes << p.mid(start.size()).chopped(1);
            } else if (name == u"Content-Length" && parent() == u"Properties" && open.size() >= 3 &&
                       open[open.size() - 3] == u"Blob") {
                bool ok = false;
                const std::uint64_t size = r.readElementText().toULongLong(&ok);
                open.removeLast();
                if (ok) blobSize = size;
            } else if (name == u"NextMarker" && open.size() == 2) {
                page.nextMarker = r.readElementText();
                open.removeLast();
            }
        } else if (r.isEndElement()) {
            if (r.name() == u"Blob" && !blobName.isEmpty() && blobSize)
                page.listing.sizes.insert(blobName, *blobSize);
            if (r.name() == u"Blob") blobName.clear();
            if (!open.isEmpty()) open.removeLast();
        }
    }
    if (!sawRoot || r.hasError()) {
        const QString code = azureErrorCode(xml);
        if (!code.isEmpty())
            return makeError(
                QStringLiteral("not an Azure List Blobs answer: the service answered %1").arg(code), where);
        return makeError(QStringLiteral("not an Azure List Blobs answer"), where);
    }
    return page;
}

} // namespace zs
