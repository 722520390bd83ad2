#pragma once
// Azure Storage error documents (<Error><Code>AuthenticationFailed</Code>...) in the user's
// words: which credential to check, or which name does not exist. A 404 for a blob stays
// "absent" for the store; these words are for everything that fails the user's request.

#include "auth/azure/AzureAuthKind.h"

#include <QByteArray>
#include <QString>

namespace zs {

// The <Code> of an Azure error document; empty when the body is not one (HEAD answers have none:
// Azure sends the code in the x-ms-error-code header then, which callers may pass as `body`).
QString azureErrorCode(const QByteArray &body);

// "access denied: the signature does not match (check the account key)", "not found: the
// container does not exist", ... from the status, the error body and how the refused request was
// authorized (a failed authentication means a wrong key, a bad SAS or none at all). Never
// repeats the body's AuthenticationErrorDetail (it quotes the string to sign).
QString explainAzureError(int status, const QByteArray &body, AzureAuthKind how = AzureAuthKind::SharedKey);

} // namespace zs
