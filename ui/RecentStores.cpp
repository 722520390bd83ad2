#include "RecentStores.h"

#include <QSettings>

namespace zs {

static const char *const kKey = "recentStores";

QStringList RecentStores::list()
{
    return QSettings().value(QLatin1String(kKey)).toStringList();
}

void RecentStores::add(const QString &location)
{
    QStringList entries = list();
    entries.removeAll(location);
    entries.prepend(location);
    while (entries.size() > kMaxEntries)
        entries.removeLast();
    QSettings().setValue(QLatin1String(kKey), entries);
}

void RecentStores::clear()
{
    QSettings().remove(QLatin1String(kKey));
}

} // namespace zs
