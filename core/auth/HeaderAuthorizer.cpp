#include "auth/HeaderAuthorizer.h"

namespace zs {

HeaderAuthorizer::HeaderAuthorizer(const QUrl &store, HeaderList headers, QString description)
    : m_origin(store), m_headers(std::move(headers)), m_description(std::move(description))
{
}

QFuture<Status> HeaderAuthorizer::ready()
{
    return QtFuture::makeReadyFuture(Status(Ok{}));
}

Status HeaderAuthorizer::authorize(OutgoingRequest &request)
{
    // A header given twice (e.g. Authorization) replaces the request's own, not doubles it.
    for (const auto &header : m_headers) {
        const QByteArray &name = header.first;
        request.headers.removeIf(
            [&name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
        request.headers.append(header);
    }
    return Ok{};
}

QString HeaderAuthorizer::explain(const Refusal &refusal) const
{
    return explainRefusedCredentials(refusal, m_description);
}

QString explainRefusedCredentials(const Refusal &refusal, const QString &source)
{
    switch (refusal.status) {
    case 401:
        return QStringLiteral("access denied: the server did not accept the credentials (HTTP 401; %1)")
            .arg(source);
    case 403:
        return QStringLiteral("access denied: the credentials may not read this (HTTP 403; %1)").arg(source);
    default:
        return QStringLiteral("the server refused the request (HTTP %1; %2)").arg(refusal.status).arg(source);
    }
}

} // namespace zs
