#include "store/http/AzureError.h"

#include <QXmlStreamReader>

namespace zs {

QString azureErrorCode(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    // A bare code, as from the x-ms-error-code header of a HEAD answer.
    if (!trimmed.isEmpty() && !trimmed.contains('<') && !trimmed.contains(' '))
        return QString::fromUtf8(trimmed);
    QXmlStreamReader r(body);
    bool inError = false;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement()) continue;
        if (r.name() == u"Error")
            inError = true;
        else if (inError && r.name() == u"Code")
            return r.readElementText().trimmed();
    }
    return {};
}

namespace {

// Azure answers a failed signature check with AuthenticationFailed; Azurite 3.37 answers it (and
// a request without credentials) with AuthorizationFailure and the same message. Azure's own
// AuthorizationFailure ("not authorized to perform this operation") is a firewall or scope matter.
bool authenticationFailed(const QString &code, const QByteArray &body)
{
    return code == u"AuthenticationFailed" ||
           (code == u"AuthorizationFailure" && body.contains("failed to authenticate the request"));
}

QString failedAuthentication(AzureAuthKind how, const QByteArray &body)
{
    switch (how) {
    case AzureAuthKind::SharedKey:
        return QStringLiteral("access denied: the signature does not match (check the account key)");
    case AzureAuthKind::Sas:
        if (body.contains("Signed expiry time"))
            return QStringLiteral("access denied: the SAS token has expired");
        return QStringLiteral(
            "access denied: the SAS token was refused (check that it is whole, unexpired and "
            "for this account)");
    case AzureAuthKind::Anonymous:
        break;
    }
    return QStringLiteral(
        "access denied: the container is private and the request carried no credentials (set "
        "AZURE_STORAGE_KEY, AZURE_STORAGE_SAS_TOKEN or AZURE_STORAGE_CONNECTION_STRING)");
}

} // namespace

QString explainAzureError(int status, const QByteArray &body, AzureAuthKind how)
{
    const QString code = azureErrorCode(body);
    if (authenticationFailed(code, body)) return failedAuthentication(how, body);
    if (code == u"NoAuthenticationInformation") return failedAuthentication(AzureAuthKind::Anonymous, body);
    // Azure hides a private container from anonymous readers: it looks absent.
    if (code == u"ResourceNotFound" && how == AzureAuthKind::Anonymous)
        return QStringLiteral("not found: no such resource (check the account and container names; a private "
                              "container looks absent without credentials)");
    struct Words
    {
        const char16_t *code;
        const char16_t *words;
    };
    static const Words known[] = {
        {u"InvalidAuthenticationInfo", u"access denied: the authorization is malformed"},
        {u"PublicAccessNotPermitted",
         u"access denied: the storage account does not allow anonymous access (give credentials)"},
        {u"AuthorizationFailure",
         u"access denied: the request is not authorized (a network rule, or a SAS that does not grant it)"},
        {u"AuthorizationPermissionMismatch",
         u"access denied: the credentials lack the permission for this operation (check the SAS permissions "
         u"or the role assignment)"},
        {u"AuthorizationResourceTypeMismatch",
         u"access denied: the SAS does not cover this kind of resource"},
        {u"AuthorizationServiceMismatch", u"access denied: the SAS does not cover the blob service"},
        {u"AuthorizationProtocolMismatch",
         u"access denied: the SAS does not allow this protocol (use https)"},
        {u"AuthorizationSourceIPMismatch", u"access denied: the SAS does not allow this IP address"},
        {u"AccountIsDisabled", u"access denied: the storage account is disabled"},
        {u"ResourceNotFound", u"not found: no such resource (check the account and container names)"},
        {u"ContainerNotFound", u"not found: the container does not exist"},
        {u"BlobNotFound", u"not found: no such blob"},
        {u"InvalidRange", u"the range is outside the blob"},
        {u"InvalidHeaderValue", u"the service refused a header (an unsupported x-ms-version?)"},
        {u"InvalidQueryParameterValue", u"the service refused a query parameter"},
    };
    for (const Words &w : known)
        if (code == QStringView(w.code)) return QString::fromUtf16(w.words);
    if (!code.isEmpty()) return QStringLiteral("the service answered HTTP %1 (%2)").arg(status).arg(code);
    if (status == 403) return QStringLiteral("access denied (HTTP 403)");
    if (status == 404) return QStringLiteral("not found (HTTP 404)");
    return QStringLiteral("the service answered HTTP %1").arg(status);
}

} // namespace zs
