#include "ByteRange.h"

#include <QByteArray>

namespace zs::server {

namespace {

// Digits only: "+5", " 5" or "0x5" must not parse as numbers the way toLongLong would allow.
bool parsePosition(QByteArrayView text, qint64 *out)
{
    if (text.isEmpty() || text.size() > 18) return false;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

} // namespace

ByteRange parseByteRange(QByteArrayView header, qint64 size)
{
    ByteRange whole;
    whole.last = size - 1;
    const QByteArray spec = header.toByteArray().trimmed();
    if (spec.isEmpty()) return whole;
    const qsizetype eq = spec.indexOf('=');
    if (eq < 0 || spec.left(eq).trimmed().toLower() != "bytes")
        return whole; // another unit: ignore the header
    const QByteArray set = spec.mid(eq + 1).trimmed();
    if (set.contains(',')) return whole; // multipart/byteranges is not implemented; 200 is a valid answer
    const qsizetype dash = set.indexOf('-');
    if (dash < 0) return whole;
    const QByteArray a = set.left(dash).trimmed();
    const QByteArray b = set.mid(dash + 1).trimmed();

    ByteRange r;
    r.kind = ByteRange::Kind::Partial;
    if (a.isEmpty()) { // suffix: the last n bytes
        qint64 n = 0;
        if (!parsePosition(b, &n)) return whole;
        if (n == 0 || size == 0) return {ByteRange::Kind::Unsatisfiable, 0, -1};
        r.first = n >= size ? 0 : size - n;
        r.last = size - 1;
        return r;
    }
    qint64 first = 0;
    if (!parsePosition(a, &first)) return whole;
    qint64 last = size - 1;
    if (!b.isEmpty()) {
        if (!parsePosition(b, &last)) return whole;
        if (last < first) return whole; // syntactically invalid: RFC says ignore it
    }
    if (first >= size) return {ByteRange::Kind::Unsatisfiable, 0, -1};
    r.first = first;
    r.last = qMin(last, size - 1);
    return r;
}

} // namespace zs::server
