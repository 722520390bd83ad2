#pragma once
// When and how long to wait before asking again: exponential backoff with full jitter,
// a bounded number of tries, and the server's Retry-After honoured up to a cap.

#include <QByteArray>
#include <optional>

namespace zs {

struct RetryPolicy
{
    int maxAttempts = 6; // first try included
    int baseDelayMs = 100;
    int maxDelayMs = 5000;
    int maxRetryAfterMs = 30000; // a server asking for longer is capped, not obeyed

    static bool isRetryableStatus(int status)
    {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }
    // Delay before attempt `attempt` (1 = the first retry).
    int backoffMs(int attempt) const;
    // Retry-After as delta-seconds or an HTTP-date; nullopt when absent or unparsable.
    std::optional<int> retryAfterMs(const QByteArray &header) const;
};

} // namespace zs
