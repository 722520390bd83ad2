#include "RecentStores.h"

#include "auth/Redaction.h"

#include <QSettings>

namespace zs {

static const char *const kKey = "recentStores";

QStringList RecentStores::list()
{
    // Entries kept before locations were stored redacted are redacted as they are read.
    QStringList entries;
    for (const QString &location : QSettings().value(QLatin1String(kKey)).toStringList()) {
        const QString shown = displayLocation(location);
        if (!entries.contains(shown)) entries << shown;
    }
    return entries;
}

void RecentStores::add(const QString &location)
{
    // Without userinfo and signature query items: the settings file is not a place for secrets.
    const QString shown = displayLocation(location);
    QStringList entries = list();
    entries.removeAll(shown);
    entries.prepend(shown);
    while (entries.size() > kMaxEntries)
        entries.removeLast();
    QSettings().setValue(QLatin1String(kKey), entries);
}

void RecentStores::clear()
{
    QSettings().remove(QLatin1String(kKey));
}

} // namespace zs
