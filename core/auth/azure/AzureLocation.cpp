#include "auth/azure/AzureLocation.h"

#include "auth/azure/AzureConnectionString.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace zs {

namespace {

QString urlForMessages(const QUrl &url)
{
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

// Container names: 3 to 63 lower-case letters, digits and single hyphens ($root, $web too).
bool validContainer(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\$root|\\$web|[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9])$"));
    return re.match(name).hasMatch();
}

QString trimSlashes(QString s)
{
    while (s.startsWith(u'/'))
        s.remove(0, 1);
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}

// ACCOUNT from ACCOUNT.blob.core.windows.net (or another cloud's suffix after ".blob.").
QString accountFromHost(const QString &host)
{
    static const QRegularExpression re(QStringLiteral("^([a-z0-9]{3,24})\\.blob\\.[a-z0-9.-]+$"));
    const auto m = re.match(host.toLower());
    return m.hasMatch() ? m.captured(1) : QString();
}

bool isLoopbackOrIp(const QString &host)
{
    return host == u"localhost" || !QHostAddress(host).isNull();
}

} // namespace

AzureEnvironment azureEnvironmentFromProcess()
{
    const QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    AzureEnvironment env;
    for (const char *name : {"AZURE_STORAGE_CONNECTION_STRING", "AZURE_STORAGE_ACCOUNT", "AZURE_STORAGE_KEY",
                             "AZURE_STORAGE_SAS_TOKEN"}) {
        const QString n = QString::fromLatin1(name);
        if (pe.contains(n)) env.insert(n, pe.value(n));
    }
    return env;
}

bool isAzureUrl(const QUrl &url)
{
    return url.scheme() == u"az" ||
           ((url.scheme() == u"https" || url.scheme() == u"http") && !accountFromHost(url.host()).isEmpty());
}

Result<AzureLocation> azureLocationAt(const QUrl &serviceEndpoint, const QString &account,
                                      const QString &container, const QString &prefix)
{
    const QString where = urlForMessages(serviceEndpoint);
    if (!serviceEndpoint.isValid() || serviceEndpoint.host().isEmpty())
        return makeError(QStringLiteral("not a blob service endpoint"), where);
    if (!validContainer(container))
        return makeError(
            QStringLiteral("not a valid container name (3-63 lower-case letters, digits, hyphens): %1")
                .arg(container),
            where);
    AzureLocation loc;
    loc.account = account;
    loc.serviceEndpoint =
        serviceEndpoint.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    loc.container = container;
    loc.containerUrl = loc.serviceEndpoint;
    loc.containerUrl.setPath(loc.serviceEndpoint.path() + u'/' + container);
    loc.prefix = trimSlashes(prefix);
    return loc;
}

Result<AzureLocation> azureLocationFor(const QUrl &url, const AzureEnvironment &env, bool pathStyle)
{
    const QString where = urlForMessages(url);
    const QString path = trimSlashes(url.path());
    const QString first = path.section(u'/', 0, 0);
    const QString rest = path.section(u'/', 1);

    if (url.scheme() == u"az") {
        // az://container/prefix: the endpoint and account come from the environment.
        QUrl endpoint;
        QString account;
        if (env.contains(QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"))) {
            ZS_TRY(const AzureConnectionString cs,
                   parseAzureConnectionString(env.value(QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"))));
            endpoint = cs.serviceEndpoint();
            account = cs.accountName;
        } else if (!env.value(QStringLiteral("AZURE_STORAGE_ACCOUNT")).isEmpty()) {
            account = env.value(QStringLiteral("AZURE_STORAGE_ACCOUNT"));
            endpoint = QUrl(QStringLiteral("https://%1.blob.core.windows.net").arg(account));
        } else {
            return makeError(
                QStringLiteral("an az:// URL needs the storage account: set AZURE_STORAGE_ACCOUNT "
                               "or AZURE_STORAGE_CONNECTION_STRING"),
                where);
        }
        return azureLocationAt(endpoint, account, url.host(), path);
    }
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return makeError(
            QStringLiteral("not an Azure blob URL (az://, https://ACCOUNT.blob.core.windows.net)"), where);

    QUrl endpoint = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    if (pathStyle || isLoopbackOrIp(url.host())) {
        // The emulator: http://host:port/ACCOUNT/container/prefix.
        if (first.isEmpty()) return makeError(QStringLiteral("the URL names no account"), where);
        endpoint.setPath(u'/' + first);
        const QString container = rest.section(u'/', 0, 0);
        if (container.isEmpty()) return makeError(QStringLiteral("the URL names no container"), where);
        return azureLocationAt(endpoint, first, container, rest.section(u'/', 1));
    }
    endpoint.setPath(QString());
    if (first.isEmpty()) return makeError(QStringLiteral("the URL names no container"), where);
    QString account = accountFromHost(url.host());
    // A custom domain or private endpoint does not show the account: take the configured one.
    if (account.isEmpty()) account = env.value(QStringLiteral("AZURE_STORAGE_ACCOUNT"));
    return azureLocationAt(endpoint, account, first, rest);
}

} // namespace zs
