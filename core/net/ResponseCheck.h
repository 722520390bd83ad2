#pragma once
// What an HTTP answer means for a store read: data, a missing key, an error, or
// "ask again". Kept free of QNetworkReply so every rule can be tested directly.

#include "net/FetchTypes.h"
#include "store/Store.h"

namespace zs {

struct HttpAnswer
{
    int status = 0;              // 0 when the transport failed before a status line
    bool transportError = false; // connection refused/reset/closed early, timeout
    QString transportMessage;
    QByteArray contentLength;    // header values, empty when absent
    QByteArray contentRange;
    QByteArray retryAfter;
    QByteArray body;
};

struct Verdict
{
    enum class Kind { Data, Missing, Retry, Fail } kind = Kind::Fail;
    QByteArray data;
    Error error;
    std::optional<int> retryAfterMs;
};

Verdict interpretAnswer(const HttpAnswer &answer, std::optional<ByteRange> range, const FetchOptions &options,
                        const QString &where);

} // namespace zs
