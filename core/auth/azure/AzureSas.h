#pragma once
// Shared access signature tokens as users hold them: the query part of a SAS URL
// (`sv=...&sp=rl&sig=...`), with or without a leading '?'. The service checks the token, not
// us: we only carry it on every request's query. `sig` is a secret and never goes in a message.

#include "util/Result.h"

#include <QString>
#include <QUrl>
#include <utility>

namespace zs {

// The token without surrounding blanks or a leading '?'; an error naming `where` when it has
// no `sig` (an expired-looking or truncated paste is caught here rather than as a 403 later).
Result<QString> normalizeAzureSas(const QString &token, const QString &where);

// Whether the URL's query carries a SAS (it has a `sig` parameter).
bool hasAzureSas(const QUrl &url);
// The URL without its query, and the query as the SAS token (when hasAzureSas).
std::pair<QUrl, QString> splitAzureSas(const QUrl &url);

// `url` with the token's parameters added to its query, byte for byte as given (the token is
// percent-encoded already and `sig` must reach the service unchanged). A parameter of the URL
// with the same name as one of the token's gives way to the token's.
QUrl withAzureSas(const QUrl &url, const QString &sasToken);

// `text` with every SAS signature value replaced ("sig=REDACTED"), for messages naming URLs.
QString redactAzureSas(QString text);

} // namespace zs
