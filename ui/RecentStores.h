#pragma once
// The stores a user opened, most recent first, kept in QSettings across sessions as
// displayLocation() shows them: no password or signature is ever written there.

#include <QStringList>

namespace zs {

class RecentStores
{
public:
    static constexpr int kMaxEntries = 12;

    static QStringList list();
    static void add(const QString &location); // moves it to the front
    static void clear();
};

} // namespace zs
