#include "net/RetryPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <algorithm>

namespace zs {

int RetryPolicy::backoffMs(int attempt) const
{
    const int exp = std::min(attempt - 1, 16);
    const qint64 ceiling = std::min<qint64>(maxDelayMs, qint64(baseDelayMs) << exp);
    // Full jitter: spread retries so a burst of failures does not come back as a burst.
    return int(ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1));
}

std::optional<int> RetryPolicy::retryAfterMs(const QByteArray &header) const
{
    const QByteArray v = header.trimmed();
    if (v.isEmpty()) return std::nullopt;
    bool ok = false;
    const qlonglong seconds = v.toLongLong(&ok);
    if (ok) return int(std::clamp<qlonglong>(seconds * 1000, 0, maxRetryAfterMs));
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid()) return std::nullopt;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC); // HTTP-dates are GMT
    return int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(utc), 0, maxRetryAfterMs));
}

} // namespace zs
