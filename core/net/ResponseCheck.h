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
    QByteArray contentLength; // header values, empty when absent
    QByteArray contentRange;
    QByteArray retryAfter;
    QByteArray body;
};

struct Verdict
{
    // Reissue: ask again at once for `reissueAs` instead (not a failure of the server's).
    enum class Kind
    {
        Data,
        Missing,
        Retry,
        Reissue,
        Fail
    } kind = Kind::Fail;
    QByteArray data;
    bool wholeObject = false; // data is the whole object although a range was asked for
    Error error;
    std::optional<int> retryAfterMs;
    std::optional<ByteRange> reissueAs;
};

// The <Code> of an S3 or Azure error document ("SignatureDoesNotMatch", "AuthenticationFailed"),
// empty when the body has none.
QString xmlErrorCode(const QByteArray &body);
// The text of the first <tag> of an error document (S3's <Region>, <Code>), empty when it is
// absent or longer than `maxLength` (not a field but garbage).
QString xmlErrorField(const QByteArray &body, const QByteArray &tag, qsizetype maxLength);

// `acceptWhole`: a 200 to a range request gives the whole body (marked wholeObject) instead
// of the part cut from it, for a caller that keeps it rather than asking again for each range.
Verdict interpretAnswer(const HttpAnswer &answer, std::optional<ByteRange> range, const FetchOptions &options,
                        const QString &where, bool acceptWhole = false);

} // namespace zs
