#include "auth/aws/SigV4Canonical.h"

#include <QList>
#include <QMap>
#include <algorithm>
#include <utility>

namespace zs {

QByteArray sigV4Encode(const QByteArray &bytes)
{
    // Qt's default set of characters left alone is exactly RFC 3986's unreserved set.
    return bytes.toPercentEncoding();
}

static QByteArray joinSegments(const QList<QByteArray> &segments, bool trailingSlash)
{
    QByteArray out = "/";
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0) out += '/';
        out += sigV4Encode(segments[i]);
    }
    if (trailingSlash && !segments.isEmpty()) out += '/';
    return out;
}

QByteArray sigV4CanonicalPath(const QByteArray &wirePath, SigV4PathStyle style)
{
    if (style == SigV4PathStyle::S3) {
        // S3 decodes the path to the key and encodes it once: no normalisation, since "a//b" and
        // "a/./b" are different keys.
        const QByteArray decoded = QByteArray::fromPercentEncoding(wirePath);
        if (decoded.isEmpty() || decoded == "/") return "/";
        QList<QByteArray> segments = decoded.split('/');
        QByteArray out;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            if (i > 0) out += '/';
            out += sigV4Encode(segments[i]);
        }
        return out.startsWith('/') ? out : "/" + out;
    }
    // Other services: remove dot segments and empty segments of the path as sent, then encode the
    // (already encoded) segments once more, so "%20" is signed as "%2520".
    QList<QByteArray> kept;
    for (const QByteArray &segment : wirePath.split('/')) {
        if (segment.isEmpty() || segment == ".") continue;
        if (segment == "..") {
            if (!kept.isEmpty()) kept.removeLast();
            continue;
        }
        kept << segment;
    }
    return joinSegments(kept, wirePath.endsWith('/'));
}

QByteArray sigV4CanonicalQuery(const QUrl &url)
{
    const QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    QList<std::pair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &item : query.split('&')) {
        if (item.isEmpty()) continue;
        const qsizetype eq = item.indexOf('=');
        QByteArray name = eq < 0 ? item : item.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        // A bare '+' in a query is read as a space by S3 (form encoding), so sign it as one;
        // callers that mean a plus send %2B.
        name.replace('+', ' ');
        value.replace('+', ' ');
        pairs.append({sigV4Encode(QByteArray::fromPercentEncoding(name)),
                      sigV4Encode(QByteArray::fromPercentEncoding(value))});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto &[name, value] : pairs) {
        if (!out.isEmpty()) out += '&';
        out += name + '=' + value;
    }
    return out;
}

QByteArray sigV4HostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLower().toUtf8();
    if (host.contains(':')) host = '[' + host + ']'; // an IPv6 literal
    const int port = url.port();
    const bool defaultPort =
        port < 0 || (port == 80 && url.scheme() == u"http") || (port == 443 && url.scheme() == u"https");
    if (!defaultPort) host += ':' + QByteArray::number(port);
    return host;
}

SigV4CanonicalHeaders sigV4CanonicalHeaders(const HeaderList &headers)
{
    // QMap sorts the names byte-wise, as the canonical form requires.
    QMap<QByteArray, QByteArrayList> byName;
    for (const auto &[name, value] : headers)
        byName[name.trimmed().toLower()] << value.simplified();
    SigV4CanonicalHeaders out;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        out.lines += it.key() + ':' + it.value().join(',') + '\n';
        if (!out.signedHeaders.isEmpty()) out.signedHeaders += ';';
        out.signedHeaders += it.key();
    }
    return out;
}

} // namespace zs
