#include "ome/OmePaths.h"

#include <QStringList>

namespace zs::ome {

QString childPath(const QString &group, const QString &child)
{
    return group.isEmpty() ? child : group + u'/' + child;
}

std::optional<QString> resolvePath(const QString &base, const QString &relative)
{
    QStringList parts = base.split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : relative.split(u'/', Qt::SkipEmptyParts)) {
        if (part == QLatin1String(".")) continue;
        if (part == QLatin1String("..")) {
            if (parts.isEmpty()) return std::nullopt;
            parts.removeLast();
            continue;
        }
        parts << part;
    }
    return parts.join(u'/');
}

} // namespace zs::ome
