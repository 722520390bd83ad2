#include "auth/azure/AzureConnectionString.h"

namespace zs {

QUrl AzureConnectionString::serviceEndpoint() const
{
    if (blobEndpoint.isValid() && !blobEndpoint.isEmpty()) return blobEndpoint;
    if (accountName.isEmpty()) return {};
    return QUrl(QStringLiteral("%1://%2.blob.%3").arg(protocol, accountName, endpointSuffix));
}

Result<AzureConnectionString> parseAzureConnectionString(const QString &text, const QString &where)
{
    AzureConnectionString cs;
    bool any = false;
    // Values may hold '=' (base64 keys end in "==", SAS tokens are queries): split at the first.
    for (const QString &rawPart : text.split(u';', Qt::SkipEmptyParts)) {
        const QString part = rawPart.trimmed();
        if (part.isEmpty()) continue;
        const qsizetype eq = part.indexOf(u'=');
        if (eq <= 0)
            return makeError(
                QStringLiteral("malformed Azure connection string: every part must be Name=value"), where);
        const QString name = part.left(eq).trimmed();
        const QString value = part.mid(eq + 1).trimmed();
        any = true;
        auto is = [&](const char *n) { return name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0; };
        if (is("DefaultEndpointsProtocol")) {
            if (value != u"http" && value != u"https")
                return makeError(QStringLiteral("DefaultEndpointsProtocol must be http or https"), where);
            cs.protocol = value;
        } else if (is("AccountName"))
            cs.accountName = value;
        else if (is("AccountKey"))
            cs.accountKey = value;
        else if (is("EndpointSuffix"))
            cs.endpointSuffix = value;
        else if (is("SharedAccessSignature"))
            cs.sasToken = value.startsWith(u'?') ? value.mid(1) : value;
        else if (is("BlobEndpoint")) {
            const QUrl url(value, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != u"http" && url.scheme() != u"https"))
                return makeError(QStringLiteral("BlobEndpoint is not an http(s) URL"), where);
            cs.blobEndpoint = url;
        } else if (is("UseDevelopmentStorage"))
            cs.developmentStorage = value.compare(u"true", Qt::CaseInsensitive) == 0;
    }
    if (!any) return makeError(QStringLiteral("the Azure connection string is empty"), where);
    if (cs.developmentStorage) {
        // Azurite's defaults; a DevelopmentStorageProxyUri is not supported (nor needed locally).
        cs.protocol = QStringLiteral("http");
        cs.accountName = QString::fromLatin1(kAzuriteAccount);
        cs.accountKey = QString::fromLatin1(kAzuriteKey);
        if (cs.blobEndpoint.isEmpty()) cs.blobEndpoint = QUrl(QString::fromLatin1(kAzuriteBlobEndpoint));
    }
    if (cs.accountName.isEmpty() && cs.blobEndpoint.isEmpty())
        return makeError(
            QStringLiteral("the Azure connection string names neither AccountName nor BlobEndpoint"), where);
    return cs;
}

} // namespace zs
