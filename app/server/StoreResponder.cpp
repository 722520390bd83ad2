#include "StoreResponder.h"

#include "ByteRange.h"
#include "DirectoryIndex.h"

#include <QFile>

namespace zs::server {

namespace {

QByteArray contentTypeFor(const QString &key)
{
    const QString name = key.section(u'/', -1);
    if (name.endsWith(QLatin1String(".json")) || name == u".zarray" || name == u".zgroup" ||
        name == u".zattrs" || name == u".zmetadata")
        return "application/json";
    if (name.endsWith(QLatin1String(".html"))) return "text/html; charset=utf-8";
    return "application/octet-stream";
}

// No body: Qt 6.4's QNAM does not read a redirect's body; it then re-sends the request and drops
// the kept-alive connection, which would make request counts in tests unpredictable.
HttpResponse redirectTo(int status, const QByteArray &location)
{
    HttpResponse r;
    r.status = status;
    r.addHeader("Location", location);
    return r;
}

HttpResponse faultStatus(const FaultRule &rule, const QByteArray &encodedPath)
{
    if (rule.kind == FaultRule::Kind::Redirect) {
        HttpResponse r = redirectTo(rule.status, rule.location);
        r.headers.last().second.replace("{path}", encodedPath);
        return r;
    }
    HttpResponse r = HttpResponse::text(rule.status, "injected fault");
    if (!rule.retryAfter.isEmpty()) r.addHeader("Retry-After", rule.retryAfter);
    return r;
}

HttpResponse fileResponse(const RequestInfo &req, bool head)
{
    QFile file(req.resolved.fsPath);
    if (!file.open(QIODevice::ReadOnly)) return HttpResponse::text(403, "cannot open file");
    const qint64 size = file.size();
    const bool ignoreRange = req.fault && req.fault->kind == FaultRule::Kind::IgnoreRange;
    const ByteRange range = parseByteRange(ignoreRange ? QByteArray() : req.range, size);

    HttpResponse r;
    r.addHeader("Content-Type", contentTypeFor(req.resolved.key));
    r.addHeader("Accept-Ranges", "bytes");
    if (range.kind == ByteRange::Kind::Unsatisfiable) {
        r = HttpResponse::text(416, "range not satisfiable");
        r.addHeader("Content-Range", "bytes */" + QByteArray::number(size));
        return r;
    }
    qint64 first = 0;
    qint64 length = size;
    if (range.kind == ByteRange::Kind::Partial) {
        r.status = 206;
        first = range.first;
        length = range.length();
        r.addHeader("Content-Range", "bytes " + QByteArray::number(range.first) + '-' +
                                         QByteArray::number(range.last) + '/' + QByteArray::number(size));
    }
    r.contentLength = length;
    if (head) return r;
    // Read only now, when the delayed answer goes out: 512 pending 1 MiB chunks must not all
    // sit in memory while their latency runs.
    if (!file.seek(first)) return HttpResponse::text(500, "seek failed");
    r.body = file.read(length);
    if (r.body.size() != length) return HttpResponse::text(500, "short read");
    return r;
}

} // namespace

HttpResponse buildResponse(const RequestInfo &req, bool autoIndex)
{
    const bool head = req.method == "HEAD";
    HttpResponse r;
    if (req.resolved.kind == ResolvedPath::Kind::Refused) {
        r = HttpResponse::text(400, "refused: path outside the store");
    } else if (!req.challenge.isEmpty()) {
        // Faults come after: a redirect fault must not hand the way on to a caller without credentials.
        r = HttpResponse::text(401, "credentials needed");
        r.addHeader("WWW-Authenticate", req.challenge + " realm=\"zarrscope\"");
    } else if (!head && req.method != "GET") {
        r = HttpResponse::text(405, "only GET and HEAD");
        r.addHeader("Allow", "GET, HEAD");
    } else if (req.fault &&
               (req.fault->kind == FaultRule::Kind::Status || req.fault->kind == FaultRule::Kind::Redirect)) {
        r = faultStatus(*req.fault, req.encodedPath);
    } else if (req.resolved.kind == ResolvedPath::Kind::Directory && autoIndex) {
        if (!req.resolved.trailingSlash && !req.resolved.key.isEmpty()) {
            r = redirectTo(301, req.encodedPath + '/');
        } else {
            r.addHeader("Content-Type", "text/html; charset=utf-8");
            r.body = directoryIndexHtml(req.resolved.fsPath, QString::fromUtf8(req.encodedPath));
            r.contentLength = r.body.size();
        }
    } else if (req.resolved.kind == ResolvedPath::Kind::File) {
        return fileResponse(req, head);
    } else {
        // Missing, or a directory without autoindex: a plain object store cannot list.
        r = HttpResponse::text(404, "not found");
    }
    if (head) r.body.clear();
    return r;
}

} // namespace zs::server
