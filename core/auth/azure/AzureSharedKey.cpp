#include "auth/azure/AzureSharedKey.h"

#include <QLocale>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <algorithm>

namespace zs {

namespace {

// The first value of a header, names compared without case (HTTP header names have none).
QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0) return v;
    return {};
}

// A canonicalized header value: trimmed at both ends, inner whitespace kept. The docs also speak
// of folding inner runs of whitespace into one space, but Azurite (and the Azure SDKs, which
// the service accepts) sign the value as sent: folding would break any value with two spaces.
QByteArray canonicalValue(const QByteArray &value)
{
    return value.trimmed();
}

// A query part as the service reads it: '+' is a space, then percent-decoding.
QByteArray decodeQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return QByteArray::fromPercentEncoding(part);
}

} // namespace

QByteArray azureHttpDate(const QDateTime &time)
{
    // QLocale::c(): day and month names must be English whatever the user's locale.
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() +
           " GMT";
}

Result<QByteArray> decodeAzureAccountKey(const QString &base64Key, const QString &where)
{
    const QString trimmed = base64Key.trimmed();
    if (trimmed.isEmpty()) return makeError(QStringLiteral("the Azure account key is empty"), where);
    // Strict decoding: a key cut short or pasted with stray characters must not sign silently
    // with different bytes (every request would then fail as "signature does not match").
    const auto decoded =
        QByteArray::fromBase64Encoding(trimmed.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return makeError(QStringLiteral("the Azure account key is not valid base64 (copy it again from the "
                                        "storage account's Access keys)"),
                         where);
    return decoded.decoded;
}

QByteArray azureCanonicalizedHeaders(const HeaderList &headers)
{
    // QMap keeps the names sorted in byte order, which for lower-case ASCII is the docs'
    // lexicographic order; a header given twice is signed once with its values comma-joined.
    QMap<QByteArray, QByteArray> canonical;
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.trimmed().toLower();
        if (!lower.startsWith("x-ms-")) continue;
        QByteArray &slot = canonical[lower];
        slot = slot.isEmpty() ? canonicalValue(value) : slot + ',' + canonicalValue(value);
    }
    QByteArray out;
    for (auto it = canonical.cbegin(); it != canonical.cend(); ++it)
        out += it.key() + ':' + it.value() + '\n';
    return out;
}

QByteArray azureCanonicalizedResource(const QUrl &url, const QString &account)
{
    // "/account" then the encoded path as sent. With the emulator's path-style URLs the path
    // starts with the account again ("/devstoreaccount1/devstoreaccount1/c/b"): the docs expect
    // that and Azurite checks it so.
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty()) path = "/";
    QByteArray out = '/' + account.toUtf8() + path;

    QMap<QByteArray, QList<QByteArray>> params;
    const QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        // A part without '=' carries no value; Azurite leaves such parts out of the signature.
        if (eq <= 0) continue;
        params[decodeQueryPart(pair.left(eq)).toLower()] << decodeQueryPart(pair.mid(eq + 1));
    }
    for (auto it = params.begin(); it != params.end(); ++it) {
        QList<QByteArray> values = it.value();
        std::sort(values.begin(), values.end());
        out += '\n' + it.key() + ':' + values.join(',');
    }
    return out;
}

QByteArray azureStringToSign(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                             const QString &account)
{
    QByteArray contentLength = headerValue(headers, "Content-Length");
    // Version 2015-02-21 and later: a zero length signs as an empty line.
    if (contentLength == "0") contentLength.clear();
    const QByteArrayList lines = {method.toUpper(),
                                  headerValue(headers, "Content-Encoding"),
                                  headerValue(headers, "Content-Language"),
                                  contentLength,
                                  headerValue(headers, "Content-MD5"),
                                  headerValue(headers, "Content-Type"),
                                  headerValue(headers, "Date"),
                                  headerValue(headers, "If-Modified-Since"),
                                  headerValue(headers, "If-Match"),
                                  headerValue(headers, "If-None-Match"),
                                  headerValue(headers, "If-Unmodified-Since"),
                                  headerValue(headers, "Range")};
    return lines.join('\n') + '\n' + azureCanonicalizedHeaders(headers) +
           azureCanonicalizedResource(url, account);
}

HeaderList azureSharedKeyHeadersWithKey(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                                        const QString &account, const QByteArray &key, const QDateTime &now)
{
    HeaderList added{{"x-ms-date", azureHttpDate(now)}};
    if (headerValue(headers, "x-ms-version").isEmpty())
        added.append({QByteArray("x-ms-version"), QByteArray(kAzureApiVersion)});
    const QByteArray toSign = azureStringToSign(method, url, headers + added, account);
    const QByteArray signature =
        QMessageAuthenticationCode::hash(toSign, key, QCryptographicHash::Sha256).toBase64();
    added.append({"Authorization", "SharedKey " + account.toUtf8() + ':' + signature});
    return added;
}

Result<HeaderList> azureSharedKeyHeaders(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                                         const QString &account, const QString &base64Key,
                                         const QDateTime &now, const QString &keySource)
{
    ZS_TRY(const QByteArray key, decodeAzureAccountKey(base64Key, keySource));
    return azureSharedKeyHeadersWithKey(method, url, headers, account, key, now);
}

} // namespace zs
