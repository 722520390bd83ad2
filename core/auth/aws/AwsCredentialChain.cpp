#include "auth/aws/AwsCredentialChain.h"

#include "auth/aws/AwsConfigFiles.h"

#include <QDir>

namespace zs {

namespace {

struct Files
{
    AwsProfileFile credentials;
    AwsProfileFile config;
};

// "~/.aws/credentials" for a file under home: the form users know, and no user name in messages.
QString shown(const QString &path, const QString &home)
{
    const QString prefix = QDir::cleanPath(home) + u'/';
    return !home.isEmpty() && path.startsWith(prefix) ? QStringLiteral("~/") + path.mid(prefix.size()) : path;
}

QString envOr(const AwsChainInput &input, const char *name, const QString &fallback)
{
    const QString value = input.environment.value(QString::fromLatin1(name));
    return value.isEmpty() ? fallback : value;
}

// Keys of one profile in one file: none, both, or an error naming the file and the profile.
Result<std::optional<AwsCredentials>> keysIn(const AwsProfileFile &file, const QString &profile,
                                             const QString &home)
{
    const AwsProfile p = file.profiles.value(profile);
    const QString id = p.value(QStringLiteral("aws_access_key_id"));
    const QString secret = p.value(QStringLiteral("aws_secret_access_key"));
    const QString where = QStringLiteral("profile %1 in %2").arg(profile, shown(file.path, home));
    if (id.isEmpty() && secret.isEmpty()) return std::optional<AwsCredentials>();
    if (secret.isEmpty())
        return makeError(QStringLiteral("aws_access_key_id without aws_secret_access_key"), where);
    if (id.isEmpty())
        return makeError(QStringLiteral("aws_secret_access_key without aws_access_key_id"), where);
    AwsCredentials c;
    c.accessKeyId = id;
    c.secretAccessKey = secret;
    c.sessionToken = p.value(QStringLiteral("aws_session_token"));
    return std::optional<AwsCredentials>(c);
}

// A profile setting: the config file first (where the CLI writes settings), then credentials.
std::pair<QString, const AwsProfileFile *> setting(const Files &files, const QString &profile,
                                                   const QString &key)
{
    for (const AwsProfileFile *file : {&files.config, &files.credentials}) {
        const QString value = file->profiles.value(profile).value(key);
        if (!value.isEmpty()) return {value, file};
    }
    return {QString(), nullptr};
}

void resolveRegion(const AwsChainInput &input, const Files &files, AwsChainResult &out)
{
    if (!input.regionFlag.isEmpty()) {
        out.region = input.regionFlag;
        out.regionSource = QStringLiteral("--region");
        return;
    }
    for (const char *name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
        const QString value = input.environment.value(QString::fromLatin1(name));
        if (!value.isEmpty()) {
            out.region = value;
            out.regionSource = QString::fromLatin1(name);
            return;
        }
    }
    const auto [region, file] = setting(files, out.profile, QStringLiteral("region"));
    if (file) {
        out.region = region;
        out.regionSource =
            QStringLiteral("profile %1 in %2").arg(out.profile, shown(file->path, input.homeDir));
        return;
    }
    out.region = QStringLiteral("us-east-1");
    out.regionSource = QStringLiteral("default");
}

Status resolveKeys(const AwsChainInput &input, const Files &files, AwsChainResult &out)
{
    const QHash<QString, QString> &env = input.environment;
    const QString envId = env.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    const QString envSecret = env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (input.profileFlag.isEmpty() && (!envId.isEmpty() || !envSecret.isEmpty())) {
        if (envSecret.isEmpty())
            return makeError(QStringLiteral("AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY"),
                             QStringLiteral("environment"));
        if (envId.isEmpty())
            return makeError(QStringLiteral("AWS_SECRET_ACCESS_KEY is set without AWS_ACCESS_KEY_ID"),
                             QStringLiteral("environment"));
        out.credentials =
            AwsCredentials{envId, envSecret, env.value(QStringLiteral("AWS_SESSION_TOKEN")), {}};
        out.source = QStringLiteral("signed with keys from AWS_ACCESS_KEY_ID");
        return Ok{};
    }
    for (const AwsProfileFile *file : {&files.credentials, &files.config}) {
        ZS_TRY(const std::optional<AwsCredentials> keys, keysIn(*file, out.profile, input.homeDir));
        if (keys) {
            out.credentials = keys;
            out.source = QStringLiteral("signed with profile %1 from %2")
                             .arg(out.profile, shown(file->path, input.homeDir));
            return Ok{};
        }
    }
    const auto [process, file] = setting(files, out.profile, QStringLiteral("credential_process"));
    if (file) {
        out.credentialProcess = process;
        out.source = QStringLiteral("signed with credential_process of profile %1").arg(out.profile);
        return Ok{};
    }
    out.source = QStringLiteral("anonymous (no credentials found)");
    return Ok{};
}

} // namespace

Result<AwsChainResult> resolveAwsCredentials(const AwsChainInput &input)
{
    const QString aws = QDir(input.homeDir).filePath(QStringLiteral(".aws"));
    Files files;
    ZS_TRY(files.credentials, readAwsProfileFile(envOr(input, "AWS_SHARED_CREDENTIALS_FILE",
                                                       aws + QStringLiteral("/credentials")),
                                                 AwsFileKind::Credentials));
    ZS_TRY(files.config, readAwsProfileFile(envOr(input, "AWS_CONFIG_FILE", aws + QStringLiteral("/config")),
                                            AwsFileKind::Config));

    AwsChainResult out;
    const QString named = input.profileFlag.isEmpty() ? input.environment.value(QStringLiteral("AWS_PROFILE"))
                                                      : input.profileFlag;
    out.profile = named.isEmpty() ? QStringLiteral("default") : named;
    // A profile asked for by name must exist (the CLI's "config profile could not be found"), even
    // when another source would supply keys: a typo must not silently sign as someone else.
    if (!named.isEmpty() && !files.credentials.profiles.contains(named) &&
        !files.config.profiles.contains(named))
        return makeError(QStringLiteral("the AWS profile %1 is in neither %2 nor %3")
                             .arg(named, shown(files.credentials.path, input.homeDir),
                                  shown(files.config.path, input.homeDir)),
                         input.profileFlag.isEmpty() ? QStringLiteral("AWS_PROFILE")
                                                     : QStringLiteral("--profile"));

    resolveRegion(input, files, out);
    out.endpointUrl = input.endpointFlag;
    if (out.endpointUrl.isEmpty())
        out.endpointUrl = input.environment.value(QStringLiteral("AWS_ENDPOINT_URL"));
    if (out.endpointUrl.isEmpty())
        out.endpointUrl = setting(files, out.profile, QStringLiteral("endpoint_url")).first;

    if (input.anonymous) {
        out.source = QStringLiteral("anonymous (--anonymous)");
        return out;
    }
    ZS_CHECK(resolveKeys(input, files, out));
    return out;
}

} // namespace zs
