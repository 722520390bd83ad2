#pragma once
// The canonical pieces of an AWS Signature Version 4 request (the AWS docs' "Create a canonical
// request"): path, query and headers exactly as the verifying server rebuilds them. Pure functions,
// kept apart from the signing so each rule can be tested on its own.

#include "auth/RequestAuthorizer.h"

#include <QByteArray>
#include <QUrl>

namespace zs {

enum class SigV4PathStyle
{
    S3,      // each segment of the decoded path encoded once; "//" and "." kept as they are
    Generic, // the path as it goes on the wire, normalised (RFC 3986 dot segments, no empty
             // segments) and encoded again: the "double encoding" of every service but S3
};

// RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ becomes %XX (upper-case hex).
QByteArray sigV4Encode(const QByteArray &bytes);

// `wirePath` is the path exactly as on the request line (percent-encoded as sent).
QByteArray sigV4CanonicalPath(const QByteArray &wirePath, SigV4PathStyle style);

// The query of `url` as name=value pairs, each part decoded and encoded again, sorted by name then
// value, joined by '&'. A name without '=' gets an empty value ("name=").
QByteArray sigV4CanonicalQuery(const QUrl &url);

// The Host header's value: the host, lower-case and IDNA-encoded, with ":port" only when the port
// is not the scheme's default.
QByteArray sigV4HostHeader(const QUrl &url);

struct SigV4CanonicalHeaders
{
    QByteArray lines;         // "name:value\n" per header, sorted by name
    QByteArray signedHeaders; // the names joined by ';'
};

// Names lower-cased; values trimmed with inner runs of whitespace collapsed to one space; repeated
// names joined into one line with ',' in the order given.
SigV4CanonicalHeaders sigV4CanonicalHeaders(const HeaderList &headers);

} // namespace zs
