#pragma once
// Store paths as OME metadata names them: relative to a group, with ".." in label sources.

#include <QString>
#include <optional>

namespace zs::ome {

// `child` under the group at `group` ("" is the store's root).
QString childPath(const QString &group, const QString &child);
// `relative` ("../../", "../b", "0") read from the group at `base`; nullopt when it climbs above
// the store's root.
std::optional<QString> resolvePath(const QString &base, const QString &relative);

} // namespace zs::ome
