#pragma once
// Plain data handed between the fetch scheduler, the HTTP store and whoever measures them.

#include "net/RetryPolicy.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <cstdint>
#include <memory>

namespace zs {

class RequestAuthorizer;

struct FetchOptions
{
    int concurrency = 64;        // global limit of HTTP requests on the wire
    bool http2Cleartext = false; // h2c with prior knowledge (the server must speak it)
    bool http2 = true;           // allow HTTP/2 where TLS ALPN offers it
    // PEM certificates trusted besides the system's, for https (a private CA, a test server).
    QString caCertificatesFile;
    bool forbiddenAsMissing = false; // treat 403 as an absent key (private S3 buckets)
    int transferTimeoutMs = 30000;   // a reply that moves no bytes this long is aborted and retried
    QString cacheBust;               // appended as a query parameter so repeats reach the network
    // Whether the server takes suffix ranges ("bytes=-N"). Azure Blob does not (its Range is
    // "bytes=start-end" or "bytes=start-" only; Azurite answers "bytes NaN-N/size"): without them a
    // suffix is asked as its first byte, whose Content-Range gives the size, then by offset.
    bool suffixRanges = true;
    // An answer declaring or delivering more is aborted and fails: a hostile server cannot fill
    // memory with an endless body. Chunks are at most 2 GiB decoded (ReadOptions::maxChunkBytes).
    std::uint64_t maxObjectBytes = std::uint64_t(4) << 30;
    RetryPolicy retry;
    // Signs or decorates every request to the store's own host (null: anonymous). Shared: the
    // scheduler and every pending request hold it.
    std::shared_ptr<RequestAuthorizer> authorizer;
    // Errors name a URL under `wireBase` (the endpoint requests go to) as the same key under
    // `shownBase`, the location the user gave: "(s3://bucket/prefix/key)", not the endpoint's
    // address. Empty: errors name the request's URL.
    QString wireBase;
    QString shownBase;
    // How an anonymous store gets credentials, said after "credentials are needed (HTTP 401)".
    QString credentialsHint =
        QStringLiteral("give them with --header, user:password@ in the URL or ~/.netrc");
};

// One request to a store as it happened, for timing panels and waterfalls: an HTTP exchange
// (each retry its own record), or a call to a store without a wire (MeasuredStore).
struct FetchRecord
{
    QString key;         // the URL path from the scheduler; relative to the store root once measured
    qint64 queuedNs = 0; // all times from monotonicNs(); relative to its start once measured
    qint64 sentNs = 0;
    qint64 firstByteNs = 0;
    qint64 doneNs = 0;
    int status = 0;  // HTTP status, 0 for a transport failure or a store without a wire
    int attempt = 1; // 1 for the first try
    std::uint64_t bytes = 0;
    bool range = false;
    bool http2 = false; // the answer came over HTTP/2
    enum class Outcome
    {
        Ok,
        Missing,
        Retried,
        Failed,
        Cancelled
    } outcome = Outcome::Ok;
};

struct TransferStats
{
    std::uint64_t requests = 0; // HTTP requests sent, retries included
    std::uint64_t rangeRequests = 0;
    std::uint64_t retries = 0;
    std::uint64_t bytes = 0; // body bytes received
    int inFlight = 0;
    int maxInFlight = 0;              // most requests on the wire at once
    int managers = 0;                 // QNetworkAccessManagers in the pool
    std::uint64_t http2Responses = 0; // answers that came over HTTP/2
};

} // namespace zs

Q_DECLARE_METATYPE(zs::FetchRecord)
