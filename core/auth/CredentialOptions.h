#pragma once
// What the user said about credentials for one store (command-line flags, the browser's
// Connection settings) and what the credential chains read (the environment and home folder,
// replaceable so tests and the settings dialog decide them). README, "Private data".

#include <QDir>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace zs {

struct CredentialOptions
{
    bool anonymous = false;       // --anonymous: unsigned requests whatever is configured
    QString s3Profile;            // --s3-profile (else AWS_PROFILE, else "default")
    bool s3RequesterPays = false; // --s3-requester-pays: x-amz-request-payer: requester
    QString gcsEndpoint;          // --gcs-endpoint: an emulator or test server instead of Google's
    QString gcsKeyFile;           // --gcs-key: a service-account key file
    QStringList headers;          // --header "Name: value", sent to the store's host only
    QString headersSource = QStringLiteral("headers from --header"); // what describe() says of them
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString homeDir = QDir::homePath(); // ~/.aws, ~/.netrc
};

} // namespace zs
