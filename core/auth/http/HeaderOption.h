#pragma once
// --header "Name: value" (repeatable), as curl -H takes it: extra headers for every request to the
// store, e.g. an API key or a bearer token a proxy wants.

#include "auth/RequestAuthorizer.h"

#include <QStringList>

namespace zs {

// A name of RFC 9110 token characters, a colon, then the value with surrounding spaces trimmed.
// Refused: no colon, an empty or invalid name, CR, LF or NUL in the value (they would smuggle a
// second header), and headers the HTTP stack owns (Host, Content-Length, Transfer-Encoding,
// Connection). The value never appears in an error: it is often a secret.
Result<std::pair<QByteArray, QByteArray>> parseHeaderOption(const QString &option);
// Every --header in order; the first bad one fails them all, naming its position.
Result<HeaderList> parseHeaderOptions(const QStringList &options);

} // namespace zs
