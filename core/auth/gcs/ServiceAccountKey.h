#pragma once
// A Google service-account key file (the JSON `gcloud iam service-accounts keys create` writes):
// who signs (client_email), with what (private_key, PEM PKCS#8) and where the signed assertion is
// exchanged for an access token (token_uri). Errors name the file and the field, never the key.

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace zs {

struct ServiceAccountKey
{
    QString clientEmail;      // the JWT's iss: reader@project.iam.gserviceaccount.com
    QByteArray privateKeyPem; // secret: never in an error, a log or describe()
    QString privateKeyId;     // the JWT header's kid, so Google picks the right public key
    QUrl tokenUri;            // https://oauth2.googleapis.com/token unless the file says otherwise
    QString file;             // the path it was read from, for errors and descriptions
};

// Google's token endpoint, used when the key file has no token_uri.
QUrl defaultGoogleTokenUri();

// `where` names the source (the file) in errors.
Result<ServiceAccountKey> parseServiceAccountKey(const QByteArray &json, const QString &where);
Result<ServiceAccountKey> readServiceAccountKey(const QString &path);

} // namespace zs
