#include "export/SafeKey.h"

#include <QStringList>

namespace zs {

Status checkSafeKey(const QString &key, bool allowEmpty)
{
    const QString shown = key.isEmpty() ? QStringLiteral("\"\"") : key;
    if (key.isEmpty())
        return allowEmpty ? Status(Ok{}) : Status(makeError(QStringLiteral("refusing an empty key"), shown));
    if (key.startsWith(u'/')) return makeError(QStringLiteral("refusing an absolute path as a key"), shown);
    // A backslash is a separator on Windows; NUL ends a C path early.
    if (key.contains(u'\\') || key.contains(QChar(0)))
        return makeError(QStringLiteral("refusing a key with a backslash or NUL"), shown);
    for (const QString &segment : key.split(u'/')) {
        if (segment.isEmpty())
            return makeError(QStringLiteral("refusing a key with an empty path segment"), shown);
        if (segment == u"." || segment == u"..")
            return makeError(QStringLiteral("refusing a key with a \"%1\" segment").arg(segment), shown);
    }
    return Ok{};
}

} // namespace zs
