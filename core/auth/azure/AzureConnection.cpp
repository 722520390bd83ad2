#include "auth/azure/AzureConnection.h"

#include "auth/azure/AzureConnectionString.h"
#include "auth/azure/AzureSas.h"
#include "auth/azure/AzureSharedKey.h"

namespace zs {

namespace {

const QString kConnectionString = QStringLiteral("AZURE_STORAGE_CONNECTION_STRING");
const QString kSasToken = QStringLiteral("AZURE_STORAGE_SAS_TOKEN");
const QString kAccount = QStringLiteral("AZURE_STORAGE_ACCOUNT");
const QString kKey = QStringLiteral("AZURE_STORAGE_KEY");

AzureCredentials sas(QString token, const QString &from)
{
    AzureCredentials c;
    c.kind = AzureAuthKind::Sas;
    c.sasToken = std::move(token);
    c.description = QStringLiteral("SAS token from %1").arg(from);
    return c;
}

// Shared Key credentials for `keyAccount`, refused when the URL names another account: that
// key could only ever answer "signature does not match", so say what is wrong instead.
Result<AzureCredentials> sharedKey(const QString &keyAccount, const QString &base64Key, const QString &from,
                                   const AzureLocation &location)
{
    const QString account = keyAccount.isEmpty() ? location.account : keyAccount;
    if (account.isEmpty())
        return makeError(QStringLiteral("an account key needs its account name: set AZURE_STORAGE_ACCOUNT"),
                         from);
    if (!location.account.isEmpty() && location.account != account)
        return makeError(QStringLiteral("the account key is for account %1, but the URL names account %2")
                             .arg(account, location.account),
                         from);
    ZS_TRY(QByteArray key, decodeAzureAccountKey(base64Key, from));
    AzureCredentials c;
    c.kind = AzureAuthKind::SharedKey;
    c.account = account;
    c.key = std::move(key);
    c.description = QStringLiteral("signed with the shared key of account %1 from %2").arg(account, from);
    return c;
}

} // namespace

Result<AzureCredentials> resolveAzureCredentials(const QUrl &url, const AzureLocation &location,
                                                 const AzureEnvironment &env)
{
    if (hasAzureSas(url)) {
        ZS_TRY(QString token,
               normalizeAzureSas(splitAzureSas(url).second, QStringLiteral("the URL's SAS token")));
        return sas(std::move(token), QStringLiteral("the URL"));
    }
    if (env.contains(kSasToken)) {
        ZS_TRY(QString token, normalizeAzureSas(env.value(kSasToken), kSasToken));
        return sas(std::move(token), kSasToken);
    }
    if (env.contains(kConnectionString)) {
        ZS_TRY(const AzureConnectionString cs, parseAzureConnectionString(env.value(kConnectionString)));
        if (!cs.sasToken.isEmpty()) {
            ZS_TRY(QString token, normalizeAzureSas(cs.sasToken, kConnectionString));
            return sas(std::move(token), kConnectionString);
        }
        if (!cs.accountKey.isEmpty()) {
            const QString from = cs.developmentStorage
                                     ? kConnectionString + QStringLiteral(" (UseDevelopmentStorage)")
                                     : kConnectionString;
            return sharedKey(cs.accountName, cs.accountKey, from, location);
        }
        AzureCredentials anonymous;
        anonymous.description =
            QStringLiteral("anonymous (AZURE_STORAGE_CONNECTION_STRING has no key or SAS)");
        return anonymous;
    }
    if (env.contains(kKey)) return sharedKey(env.value(kAccount), env.value(kKey), kKey, location);
    AzureCredentials anonymous;
    anonymous.description = QStringLiteral("anonymous");
    return anonymous;
}

Result<AzureConnection> resolveAzureConnection(const QUrl &url, const AzureEnvironment &env, bool pathStyle)
{
    ZS_TRY(AzureLocation location, azureLocationFor(url, env, pathStyle));
    ZS_TRY(AzureCredentials credentials, resolveAzureCredentials(url, location, env));
    return AzureConnection{std::move(location), std::move(credentials)};
}

void authorizeAzureRequest(const AzureCredentials &credentials, OutgoingRequest &request,
                           const QDateTime &now)
{
    switch (credentials.kind) {
    case AzureAuthKind::SharedKey:
        request.headers += azureSharedKeyHeadersWithKey(request.method, request.url, request.headers,
                                                        credentials.account, credentials.key, now);
        return;
    case AzureAuthKind::Sas:
        request.url = withAzureSas(request.url, credentials.sasToken);
        break;
    case AzureAuthKind::Anonymous:
        break;
    }
    for (const auto &header : std::as_const(request.headers))
        if (header.first.compare("x-ms-version", Qt::CaseInsensitive) == 0) return;
    request.headers.append({QByteArray("x-ms-version"), QByteArray(kAzureApiVersion)});
}

} // namespace zs
