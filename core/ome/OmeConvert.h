#pragma once
// OME metadata carried through an export: between OME-NGFF 0.4 (Zarr v2, each block at the top
// of .zattrs with its own `version`) and 0.5 (Zarr v3, every block under `ome`, one `version`
// there), and narrowed to some of a multiscale image's levels. Plain JSON in, JSON out: the
// attributes are checked by parseOmeGroup first, and keys that are not OME's pass unchanged.

#include "util/Result.h"

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <vector>

namespace zs::ome {

// The attributes of the group called `groupName` (its last path component: a "labels" group is
// recognised by it) for output in Zarr `format` (2 or 3). OME metadata of the other form is
// converted (0.4 <-> 0.5, the only pair whose fields are the same); attributes already in the
// target's form, or without OME metadata, are returned as they are. 0.1-0.3 cannot be converted
// (no per-level transformations, axes as names): an error naming the version.
Result<nlohmann::json> omeAttributesFor(const nlohmann::json &attributes, const QString &groupName,
                                        int format);

// The attributes with the multiscales datasets narrowed to `levels` (indices into the first
// multiscale's datasets; kept in the image's order whatever the order given); `keptPaths` and
// `droppedPaths` get the paths of the levels kept and left out. An index
// the image does not have is an error naming the levels it has; with `skipMissing` (a label image
// with fewer levels than its image) it is left out instead.
Result<nlohmann::json> keepLevels(const nlohmann::json &attributes, const std::vector<int> &levels,
                                  bool skipMissing, QStringList *keptPaths, QStringList *droppedPaths);

} // namespace zs::ome
