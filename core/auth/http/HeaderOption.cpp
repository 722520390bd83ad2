#include "auth/http/HeaderOption.h"

namespace zs {

namespace {

// RFC 9110 §5.6.2 tchar.
bool isTokenChar(QChar c)
{
    if (c.unicode() > 0x7e) return false;
    const char a = static_cast<char>(c.unicode());
    return (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(a);
}

} // namespace

Result<std::pair<QByteArray, QByteArray>> parseHeaderOption(const QString &option)
{
    const QString where = QStringLiteral("--header");
    const qsizetype colon = option.indexOf(u':');
    if (colon < 0)
        return makeError(QStringLiteral("a header is \"Name: value\"; this one has no colon"), where);
    const QString name = option.left(colon);
    if (name.isEmpty()) return makeError(QStringLiteral("the header has no name before its colon"), where);
    for (qsizetype i = 0; i < name.size(); ++i)
        if (!isTokenChar(name[i]))
            // Only the name up to the bad character: with a colon missing after the name
            // ("Authorization Bearer tok:en") what follows is the secret.
            return makeError(
                QStringLiteral(
                    "header name \"%1\" is followed by a character a header name cannot have: '%2'")
                    .arg(name.left(std::min<qsizetype>(i, 60)), name[i]),
                where);
    static const QStringList owned{QStringLiteral("host"), QStringLiteral("content-length"),
                                   QStringLiteral("transfer-encoding"), QStringLiteral("connection")};
    if (owned.contains(name.toLower()))
        return makeError(
            QStringLiteral("header %1 is set by the HTTP connection and cannot be given").arg(name), where);
    const QString value = option.mid(colon + 1).trimmed();
    for (const QChar c : value)
        if (c == u'\r' || c == u'\n' || c == QChar(0))
            return makeError(QStringLiteral("the value of header %1 has a line break or NUL").arg(name),
                             where);
    return std::pair{name.toLatin1(), value.toUtf8()};
}

Result<HeaderList> parseHeaderOptions(const QStringList &options)
{
    HeaderList headers;
    for (qsizetype i = 0; i < options.size(); ++i) {
        auto header = parseHeaderOption(options[i]);
        if (!header) return makeError(header.error().what, QStringLiteral("--header #%1").arg(i + 1));
        headers << *header;
    }
    return headers;
}

} // namespace zs
