#include "auth/gcs/GcsToken.h"

#include "auth/Redaction.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace zs {

namespace {

// RFC 6749 leaves expires_in optional; Google always sends it, and an hour is what it would say.
constexpr qint64 kAssumedLifetimeSeconds = 3600;
// Enough of a non-JSON error page to recognise it (a proxy's HTML, a wrong URL), not a flood.
constexpr qsizetype kQuotedBodyChars = 200;

QString refusalText(const QByteArray &body, const QStringList &secrets)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString error = object.value(QStringLiteral("error")).toString();
    const QString description = object.value(QStringLiteral("error_description")).toString();
    QString text;
    if (!error.isEmpty())
        text = description.isEmpty() ? error : QStringLiteral("%1: %2").arg(error, description);
    else
        text = QString::fromUtf8(body.left(kQuotedBodyChars)).simplified();
    return redactSecrets(text, secrets);
}

} // namespace

std::pair<QByteArray, QByteArray> bearerAuthorizationHeader(const QByteArray &accessToken)
{
    return {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + accessToken};
}

Result<GcsToken> parseGcsTokenAnswer(int httpStatus, const QByteArray &body, const QDateTime &sentAt,
                                     const QStringList &secrets, const QString &where)
{
    if (httpStatus != 200) {
        const QString text = refusalText(body, secrets);
        return makeError(
            text.isEmpty() ? QStringLiteral("token endpoint answered HTTP %1").arg(httpStatus)
                           : QStringLiteral("token endpoint answered HTTP %1: %2").arg(httpStatus).arg(text),
            where);
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue token = object.value(QStringLiteral("access_token"));
    if (!token.isString() || token.toString().isEmpty())
        return makeError(QStringLiteral("token endpoint's answer has no access_token"), where);
    const QString type = object.value(QStringLiteral("token_type")).toString(QStringLiteral("Bearer"));
    if (type.compare(QStringLiteral("Bearer"), Qt::CaseInsensitive) != 0)
        return makeError(
            QStringLiteral("token endpoint's token_type is \"%1\", not Bearer").arg(type.left(40)), where);
    const QJsonValue expiresIn = object.value(QStringLiteral("expires_in"));
    qint64 lifetime = kAssumedLifetimeSeconds;
    if (!expiresIn.isUndefined()) {
        // Some servers send the number as a string.
        bool ok = expiresIn.isDouble();
        lifetime = ok ? static_cast<qint64>(expiresIn.toDouble()) : expiresIn.toString().toLongLong(&ok);
        if (!ok || lifetime <= 0)
            return makeError(QStringLiteral("token endpoint's expires_in is not a positive number"), where);
    }
    GcsToken result;
    result.accessToken = token.toString().toUtf8();
    // The token goes into a header: a control character there would split or corrupt it.
    for (const char c : std::as_const(result.accessToken))
        if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f)
            return makeError(
                QStringLiteral("token endpoint's access_token has characters a header cannot carry"), where);
    result.expiresAt = sentAt.toUTC().addSecs(lifetime);
    return result;
}

} // namespace zs
