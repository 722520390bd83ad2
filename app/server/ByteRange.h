#pragma once
// Parsing of an HTTP Range request header (RFC 9110 §14) against an object's size.
// Only single ranges are honoured: clients reading chunks and shard indexes ask for one span,
// and a server may ignore a Range it does not support by answering 200 with the whole object.

#include <QByteArrayView>
#include <QtGlobal>

namespace zs::server {

struct ByteRange
{
    enum class Kind
    {
        Whole,         // no Range, or one we ignore (other unit, multiple ranges, bad syntax): 200
        Partial,       // satisfiable: 206 with Content-Range first-last/size
        Unsatisfiable, // 416 with Content-Range */size
    };
    Kind kind = Kind::Whole;
    qint64 first = 0; // inclusive
    qint64 last = -1; // inclusive

    qint64 length() const { return last - first + 1; }
};

// Accepts "bytes=a-b", "bytes=a-" and the suffix form "bytes=-n". A last position past the end
// is clamped; a suffix longer than the object selects all of it; a start at or past the end is
// unsatisfiable, as is any range of an empty object.
ByteRange parseByteRange(QByteArrayView header, qint64 size);

} // namespace zs::server
