#pragma once
// Turns one request into the response a static file server would give: files with byte ranges,
// 404 for what is absent, directory indexes when enabled, and the status or redirect faults.
// The transport-level faults (cut, short, stall) are the server's: they shape how the body is
// written, not what it is.

#include "FaultRules.h"
#include "HttpResponse.h"
#include "SafePath.h"

#include <optional>

namespace zs::server {

struct RequestInfo
{
    QByteArray method;      // "GET", "HEAD", ...
    QByteArray encodedPath; // as sent, percent-encoded
    QByteArray range;       // Range header value, empty if none
    ResolvedPath resolved;
    std::optional<FaultRule> fault;
    QByteArray challenge; // non-empty: the request lacked the required credentials (401, this scheme)
};

HttpResponse buildResponse(const RequestInfo &request, bool autoIndex);

} // namespace zs::server
