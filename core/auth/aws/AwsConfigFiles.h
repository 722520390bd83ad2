#pragma once
// The AWS CLI's shared files, ~/.aws/credentials and ~/.aws/config (INI). In credentials a
// section is the profile's name; in config it is "[profile NAME]", except "[default]". Other
// config sections ([sso-session x], [services x]) are not profiles and are left out.

#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace zs {

enum class AwsFileKind
{
    Credentials,
    Config,
};

// Key → value of one profile. Keys are as written (the CLI writes lower case: aws_access_key_id,
// aws_secret_access_key, aws_session_token, region, endpoint_url, credential_process); values
// trimmed. A nested block ("s3 =" then indented "endpoint_url = ...") lands as "s3.endpoint_url".
using AwsProfile = QHash<QString, QString>;

struct AwsProfileFile
{
    QString path;
    bool exists = false;
    QHash<QString, AwsProfile> profiles; // by profile name
};

// Comments are whole lines starting with '#' or ';'; lines that are neither a section, a key nor
// an indented continuation are skipped, as the CLI's parser would reject them only as a whole.
QHash<QString, AwsProfile> parseAwsProfiles(const QByteArray &text, AwsFileKind kind);

// A missing file is no error (exists = false); an unreadable one is.
Result<AwsProfileFile> readAwsProfileFile(const QString &path, AwsFileKind kind);

} // namespace zs
