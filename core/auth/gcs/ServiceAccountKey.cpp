#include "auth/gcs/ServiceAccountKey.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

namespace zs {

namespace {

Result<QString> requiredString(const QJsonObject &object, const QString &field, const QString &where)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return makeError(QStringLiteral("service-account key has no field \"%1\"").arg(field), where);
    // The message names the field and its JSON type only: the value may be the private key.
    if (!value.isString() || value.toString().isEmpty())
        return makeError(
            QStringLiteral("service-account key field \"%1\" is not a non-empty string").arg(field), where);
    return value.toString();
}

// The signed assertion travels to token_uri: only over TLS, except to this machine (tests, emulators).
bool isLoopbackHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0) return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QUrl defaultGoogleTokenUri()
{
    return QUrl(QStringLiteral("https://oauth2.googleapis.com/token"));
}

Result<ServiceAccountKey> parseServiceAccountKey(const QByteArray &json, const QString &where)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    // Qt's parse message quotes no input, so it cannot leak the key.
    if (parseError.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("service-account key is not JSON: %1 at offset %2")
                             .arg(parseError.errorString())
                             .arg(parseError.offset),
                         where);
    if (!doc.isObject()) return makeError(QStringLiteral("service-account key is not a JSON object"), where);
    const QJsonObject object = doc.object();

    ZS_TRY(const QString type, requiredString(object, QStringLiteral("type"), where));
    if (type != u"service_account")
        // "authorized_user" is what `gcloud auth application-default login` writes: a user's
        // refresh token, a different exchange.
        return makeError(QStringLiteral("key type is \"%1\", not \"service_account\"").arg(type.left(40)),
                         where);

    ServiceAccountKey key;
    key.file = where;
    ZS_TRY(key.clientEmail, requiredString(object, QStringLiteral("client_email"), where));
    ZS_TRY(key.privateKeyId, requiredString(object, QStringLiteral("private_key_id"), where));
    ZS_TRY(const QString pem, requiredString(object, QStringLiteral("private_key"), where));
    // Google writes keys unencrypted; an encrypted one would need a passphrase nobody can type here.
    if (pem.contains(QStringLiteral("-----BEGIN ENCRYPTED PRIVATE KEY-----")))
        return makeError(
            QStringLiteral("service-account key field \"private_key\" is encrypted (Google's keys "
                           "are not): decrypt it with `openssl pkey`"),
            where);
    if (!pem.contains(QStringLiteral("-----BEGIN PRIVATE KEY-----")) &&
        !pem.contains(QStringLiteral("-----BEGIN RSA PRIVATE KEY-----")))
        return makeError(QStringLiteral("service-account key field \"private_key\" is not a PEM private key"),
                         where);
    key.privateKeyPem = pem.toLatin1();

    key.tokenUri = defaultGoogleTokenUri();
    if (object.contains(QStringLiteral("token_uri"))) {
        ZS_TRY(const QString uri, requiredString(object, QStringLiteral("token_uri"), where));
        key.tokenUri = QUrl(uri, QUrl::StrictMode);
        const QString scheme = key.tokenUri.scheme();
        const bool allowed = scheme == u"https" || (scheme == u"http" && isLoopbackHost(key.tokenUri.host()));
        if (!key.tokenUri.isValid() || key.tokenUri.host().isEmpty() || !allowed)
            return makeError(
                QStringLiteral("service-account key field \"token_uri\" is not an https URL (plain http only "
                               "to this machine)"),
                where);
    }
    return key;
}

Result<ServiceAccountKey> readServiceAccountKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read service-account key: %1").arg(file.errorString()), path);
    // A key file is a few KiB; anything much larger is not one (and is not worth reading whole).
    if (file.size() > 1024 * 1024)
        return makeError(QStringLiteral("service-account key file is larger than 1 MiB"), path);
    return parseServiceAccountKey(file.readAll(), path);
}

} // namespace zs
