#include "net/ResponseCheck.h"

#include <QRegularExpression>

namespace zs {

namespace {

Verdict fail(const QString &what, const QString &where)
{
    Verdict v;
    v.kind = Verdict::Kind::Fail;
    v.error = makeError(what, where);
    return v;
}

Verdict retry(const QString &what, const QString &where, std::optional<int> afterMs = std::nullopt)
{
    Verdict v = fail(what, where);
    v.kind = Verdict::Kind::Retry;
    v.retryAfterMs = afterMs;
    return v;
}

Verdict missing()
{
    Verdict v;
    v.kind = Verdict::Kind::Missing;
    return v;
}

Verdict data(QByteArray bytes)
{
    Verdict v;
    v.kind = Verdict::Kind::Data;
    v.data = std::move(bytes);
    return v;
}

QString outsideObject(ByteRange range, const QString &total)
{
    return QStringLiteral("byte range %1-%2 is outside the object of %3 bytes")
        .arg(range.offset)
        .arg(range.offset + range.length)
        .arg(total);
}

// The body of a 206 must be exactly the range asked for.
Verdict checkPartial(const HttpAnswer &a, ByteRange range, const QString &where)
{
    static const QRegularExpression re(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+|\\*)$"));
    const auto m = re.match(QString::fromLatin1(a.contentRange.trimmed()));
    if (!m.hasMatch())
        return fail(QStringLiteral("206 answer without a valid Content-Range (\"%1\")")
                        .arg(QString::fromLatin1(a.contentRange)),
                    where);
    const std::uint64_t first = m.captured(1).toULongLong(), last = m.captured(2).toULongLong();
    if (last < first || last - first + 1 != std::uint64_t(a.body.size()))
        return retry(QStringLiteral("range body of %1 bytes does not match Content-Range %2")
                         .arg(a.body.size())
                         .arg(QString::fromLatin1(a.contentRange)),
                     where);
    if (range.suffix) {
        // The last `length` bytes (all of them when the object is shorter) ending at the object's end.
        if (m.captured(3) != u"*") {
            const std::uint64_t total = m.captured(3).toULongLong();
            if (last + 1 != total || std::uint64_t(a.body.size()) != std::min(range.length, total)) {
                // Some servers do not know suffix ranges (s3rver 3.7 reads bytes=-N as bytes=0-N),
                // but the answer gives the object's size: ask for the same bytes by offset.
                const std::uint64_t n = std::min(range.length, total);
                if (n == 0) return data(QByteArray());
                Verdict v = fail(QStringLiteral("server answered suffix range -%1 with %2")
                                     .arg(range.length)
                                     .arg(QString::fromLatin1(a.contentRange)),
                                 where);
                v.kind = Verdict::Kind::Reissue;
                v.reissueAs = ByteRange::fromStart(total - n, n);
                return v;
            }
        }
        return data(a.body);
    }
    // A range past the object's end is answered with what there is: say so, in the words the
    // local stores use, since a shard index pointing past its shard ends up here.
    if (m.captured(3) != u"*" && first == range.offset &&
        range.offset + range.length > m.captured(3).toULongLong())
        return fail(outsideObject(range, m.captured(3)), where);
    if (first != range.offset || a.body.size() != qsizetype(range.length))
        return fail(QStringLiteral("server answered range %1-%2 with %3")
                        .arg(range.offset)
                        .arg(range.offset + range.length - 1)
                        .arg(QString::fromLatin1(a.contentRange)),
                    where);
    return data(a.body);
}

} // namespace

QString xmlErrorField(const QByteArray &body, const QByteArray &tag, qsizetype maxLength)
{
    const QByteArray open = '<' + tag + '>', close = "</" + tag + '>';
    const qsizetype at = body.indexOf(open);
    if (at < 0) return {};
    const qsizetype from = at + open.size(), end = body.indexOf(close, from);
    if (end < 0 || end - from > maxLength) return {};
    return QString::fromUtf8(body.mid(from, end - from)).trimmed();
}

QString xmlErrorCode(const QByteArray &body)
{
    return xmlErrorField(body, "Code", 128);
}

Verdict interpretAnswer(const HttpAnswer &a, std::optional<ByteRange> range, const FetchOptions &options,
                        const QString &where, bool acceptWhole)
{
    if (a.transportError)
        return retry(a.transportMessage.isEmpty() ? QStringLiteral("connection failed") : a.transportMessage,
                     where);
    const int s = a.status;
    if (s == 404 || s == 410) return missing();
    if (s == 403) {
        if (options.forbiddenAsMissing) return missing();
        return fail(QStringLiteral("access denied (HTTP 403): the store may need credentials"), where);
    }
    if (s == 401)
        return fail(QStringLiteral("credentials are needed (HTTP 401): %1").arg(options.credentialsHint),
                    where);
    if (RetryPolicy::isRetryableStatus(s))
        return retry(QStringLiteral("HTTP %1").arg(s), where, options.retry.retryAfterMs(a.retryAfter));
    if (s == 416 && range && range->suffix) return data(QByteArray()); // suffix of an empty object
    if (s == 416 && range) {
        static const QRegularExpression size(QStringLiteral("^bytes \\*/(\\d+)$"));
        const auto m = size.match(QString::fromLatin1(a.contentRange.trimmed()));
        return fail(m.hasMatch() ? outsideObject(*range, m.captured(1))
                                 : QStringLiteral("HTTP 416: byte range %1-%2 is not in the object")
                                       .arg(range->offset)
                                       .arg(range->offset + range->length),
                    where);
    }
    if (s != 200 && s != 206) return fail(QStringLiteral("HTTP %1").arg(s), where);

    // Accept-Encoding is identity, so Content-Length counts the body we hold: fewer bytes
    // means the connection died mid-body and the data must not be decoded.
    if (!a.contentLength.isEmpty()) {
        bool ok = false;
        const qlonglong declared = a.contentLength.trimmed().toLongLong(&ok);
        if (ok && declared != a.body.size())
            return retry(
                QStringLiteral("body of %1 bytes, Content-Length %2").arg(a.body.size()).arg(declared),
                where);
    }
    if (!range)
        return s == 200 ? data(a.body) : fail(QStringLiteral("206 answer to a request without Range"), where);
    if (s == 206) return checkPartial(a, *range, where);
    // The server ignored Range and sent the whole object: take our part of it, or all of it
    // (no copy) for a caller that wants it. The range is checked either way: an error stays one.
    const auto part = resolveRange(*range, std::uint64_t(a.body.size()), where);
    if (!part) return fail(part.error().what, where);
    if (!acceptWhole) return data(a.body.mid(qsizetype(part->offset), qsizetype(part->length)));
    Verdict whole = data(a.body);
    whole.wholeObject = true;
    return whole;
}

} // namespace zs
