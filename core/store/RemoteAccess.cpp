#include "store/RemoteAccess.h"

#include "auth/HeaderAuthorizer.h"
#include "auth/aws/AwsCredentialChain.h"
#include "auth/aws/S3Authorizer.h"
#include "auth/azure/AzureAuthorizer.h"
#include "auth/azure/AzureSas.h"
#include "auth/gcs/GcsAuthorizer.h"
#include "auth/gcs/GcsCredentials.h"
#include "auth/http/BasicAuth.h"
#include "auth/http/HeaderOption.h"
#include "auth/http/Netrc.h"

#include <QUrlQuery>

namespace zs {

namespace {

QString trimmedPath(const QString &path)
{
    QString p = path;
    while (p.startsWith(u'/'))
        p.remove(0, 1);
    while (p.endsWith(u'/'))
        p.chop(1);
    return p;
}

QUrl withPath(QUrl url, const QString &prefix)
{
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!prefix.isEmpty()) path += u'/' + prefix;
    url.setPath(path);
    return url;
}

} // namespace

QHash<QString, QString> environmentOf(const CredentialOptions &options)
{
    QHash<QString, QString> env;
    for (const QString &name : options.environment.keys())
        env.insert(name, options.environment.value(name));
    return env;
}

Result<RemoteAccess> s3Access(const QUrl &url, const StoreOptions &options)
{
    const QString bucket = url.host();
    if (bucket.isEmpty()) return makeError(QStringLiteral("no bucket name"), url.toString());
    AwsChainInput input;
    input.profileFlag = options.credentials.s3Profile;
    input.anonymous = options.credentials.anonymous;
    input.regionFlag = options.s3Region;
    input.endpointFlag = options.s3Endpoint;
    input.environment = environmentOf(options.credentials);
    input.homeDir = options.credentials.homeDir;
    ZS_TRY(AwsChainResult chain, resolveAwsCredentials(input));
    RemoteAccess access;
    QString endpoint = chain.endpointUrl;
    while (endpoint.endsWith(u'/'))
        endpoint.chop(1);
    if (!endpoint.isEmpty()) {
        access.listingUrl = QUrl(QStringLiteral("%1/%2").arg(endpoint, bucket)); // path style
    } else if (chain.regionSource == u"default") {
        // No region said anywhere: the global endpoint, whose DNS leads to the bucket's region
        // (a signed request learns the region from S3's first refusal and signs for it after).
        access.listingUrl = QUrl(QStringLiteral("https://%1.s3.amazonaws.com").arg(bucket));
    } else {
        access.listingUrl = QUrl(QStringLiteral("https://%1.s3.%2.amazonaws.com").arg(bucket, chain.region));
    }
    if (!access.listingUrl.isValid()) return makeError(QStringLiteral("invalid bucket URL"), url.toString());
    access.prefix = trimmedPath(url.path());
    access.base = withPath(access.listingUrl, access.prefix);
    access.authorizer = std::make_shared<S3Authorizer>(access.listingUrl, std::move(input), std::move(chain),
                                                       options.credentials.s3RequesterPays);
    return access;
}

bool isAzureLocation(const QUrl &url)
{
    if (isAzureUrl(url)) return true;
    // An emulator's address with a SAS on it: http://127.0.0.1:10000/devstoreaccount1/container?sv=…&sig=…
    const QUrlQuery q(url);
    return (url.scheme() == u"http" || url.scheme() == u"https") && q.hasQueryItem(QStringLiteral("sv")) &&
           q.hasQueryItem(QStringLiteral("sig"));
}

Result<RemoteAccess> azureAccess(const QUrl &url, const StoreOptions &options)
{
    const bool pathStyle = url.scheme() != u"az" && !isAzureUrl(url);
    ZS_TRY(AzureConnection connection,
           resolveAzureConnection(url, environmentOf(options.credentials), pathStyle));
    RemoteAccess access;
    access.azure = true;
    access.listingUrl = connection.location.containerUrl;
    access.prefix = connection.location.prefix;
    access.base = withPath(connection.location.containerUrl, access.prefix);
    if (!options.credentials.anonymous)
        access.authorizer = std::make_shared<AzureAuthorizer>(connection.location.serviceEndpoint,
                                                              std::move(connection.credentials));
    return access;
}

Result<RemoteAccess> gcsAccess(const QUrl &url, const StoreOptions &options)
{
    const QString bucket = url.host();
    if (bucket.isEmpty()) return makeError(QStringLiteral("no bucket name"), url.toString());
    QString endpoint = options.credentials.gcsEndpoint;
    RemoteAccess access;
    access.guessListing = !endpoint.isEmpty();
    if (endpoint.isEmpty()) endpoint = QStringLiteral("https://storage.googleapis.com");
    while (endpoint.endsWith(u'/'))
        endpoint.chop(1);
    // Cloud Storage's XML API answers the S3 ListObjectsV2 shape.
    access.listingUrl = QUrl(QStringLiteral("%1/%2").arg(endpoint, bucket));
    if (!access.listingUrl.isValid()) return makeError(QStringLiteral("invalid bucket URL"), url.toString());
    access.prefix = trimmedPath(url.path());
    access.base = withPath(access.listingUrl, access.prefix);
    // --header and ~/.netrc are for http(s):// stores; a bucket takes Google's credentials.
    access.credentialsHint =
        QStringLiteral("give a token in GOOGLE_OAUTH_ACCESS_TOKEN or a service-account key with --gcs-key "
                       "or GOOGLE_APPLICATION_CREDENTIALS");
    if (options.credentials.anonymous) return access;
    ZS_TRY(GcsCredentials credentials,
           chooseGcsCredentials(options.credentials.gcsKeyFile, options.credentials.environment));
    switch (credentials.source) {
    case GcsCredentialSource::Anonymous:
        break;
    case GcsCredentialSource::AccessTokenVariable:
        access.authorizer = std::make_shared<HeaderAuthorizer>(
            access.listingUrl, HeaderList{bearerAuthorizationHeader(credentials.bearerToken)},
            credentials.description);
        break;
    case GcsCredentialSource::KeyFlag:
    case GcsCredentialSource::ApplicationCredentialsVar:
        access.authorizer = std::make_shared<GcsAuthorizer>(access.listingUrl, std::move(*credentials.key),
                                                            credentials.description);
        break;
    }
    return access;
}

Result<std::shared_ptr<RequestAuthorizer>> httpAuthorizer(const QUrl &url, const CredentialOptions &options)
{
    if (options.anonymous) return std::shared_ptr<RequestAuthorizer>();
    ZS_TRY(HeaderList headers, parseHeaderOptions(options.headers));
    QStringList sources;
    if (!headers.isEmpty()) sources << options.headersSource;
    const QString netrcFile = netrcPath(options.environment);
    Netrc netrc;
    if (!netrcFile.isEmpty() && !basicCredentialsFromUrl(url).has_value()) {
        ZS_TRY(Netrc read, readNetrc(netrcFile));
        netrc = std::move(read);
    }
    if (const auto basic = basicCredentialsFor(url, netrc, netrcFile)) {
        ZS_TRY(auto header, basicAuthorizationHeader(*basic));
        headers.append(header);
        sources << QStringLiteral("basic auth for user %1 from %2").arg(basic->user, basic->origin);
    }
    if (headers.isEmpty()) return std::shared_ptr<RequestAuthorizer>();
    return std::shared_ptr<RequestAuthorizer>(
        std::make_shared<HeaderAuthorizer>(url, std::move(headers), sources.join(QStringLiteral(", "))));
}

} // namespace zs
