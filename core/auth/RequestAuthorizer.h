#pragma once
// Credentials for one store's HTTP requests (issue 17). The store's FetchScheduler asks its
// authorizer to decorate every attempt just before it goes on the wire (so a retry carries a
// fresh date and signature), and tells it about refusals so expired credentials are read again
// once. Implementations: AWS Signature V4, Azure Shared Key and SAS, GCS bearer tokens, plain
// HTTP headers and basic auth. Called on the network thread; ready() from any thread.

#include "util/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>
#include <QUrl>
#include <utility>

namespace zs {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// What signing sees of a request and may change: headers to add, query items (SAS).
struct OutgoingRequest
{
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers; // set already (Range, Accept-Encoding, ...); an authorizer appends to them
};

// An answer that refused a request this authorizer decorated (HTTP 400, 401 or 403, or a 301
// naming another region).
struct Refusal
{
    int status = 0;
    QByteArray body;         // the error document (S3 and Azure answer XML with a Code)
    QByteArray bucketRegion; // S3's x-amz-bucket-region header, when sent
};

enum class RefusalAdvice
{
    GiveUp,                  // the answer stands: fail with explain()
    RetryWithNewCredentials, // credentials were re-read (an expired session token): ask once more
    RetryInAnotherRegion,    // the bucket lives elsewhere; the authorizer now signs for it
};

class RequestAuthorizer
{
public:
    virtual ~RequestAuthorizer() = default;

    // Finished once credentials are known: at once for keys from the environment or a file,
    // after a token exchange or a credential_process otherwise (and again when those expire).
    // Requests wait for it; an error fails them with that error.
    virtual QFuture<Status> ready() = 0;
    // Adds what the request needs (Authorization, x-amz-*, x-ms-*, a SAS query) to `request`.
    virtual Status authorize(OutgoingRequest &request) = 0;
    // Whether the refused request is worth asking once more (see RefusalAdvice). Called at most
    // once per request, so a wrong secret is one error, not a retry storm.
    virtual RefusalAdvice adviseOn(const Refusal &refusal) = 0;
    // The error for a refusal, in the user's terms and without any secret:
    // "access denied: the signature does not match (check the secret key)".
    virtual QString explain(const Refusal &refusal) const = 0;
    // Where the credentials came from, for `info` and the Connection settings:
    // "signed with profile research from ~/.aws/credentials", "anonymous".
    virtual QString describe() const = 0;
    // Whether a request to `url` may carry the credentials: only the host the store was opened
    // on (not another host after a redirect, as curl does), and never plain HTTP to another host.
    virtual bool mayAuthorize(const QUrl &url) const = 0;
};

} // namespace zs
