#pragma once
// Finding and parsing the OME-Zarr metadata of a group: 0.5 keeps it under the `ome` key with
// one `version`; 0.4 and earlier put `multiscales`, `omero`, `plate`, `well`, `image-label` and a
// labels group's `labels` at the top of the attributes, each block with its own `version`.

#include "ome/OmeMetadata.h"
#include "util/Result.h"

#include <nlohmann/json.hpp>

namespace zs::ome {

// nullopt when the attributes hold no OME metadata; an error naming the field when they hold
// some that cannot be read. `groupName` is the group's last path component: in 0.4 a `labels`
// list only means a labels group in a group named "labels".
Result<std::optional<OmeGroup>> parseOmeGroup(const nlohmann::json &attributes, const QString &groupName);

// The versions read: "0.1" to "0.5".
bool isSupportedVersion(const QString &version);

} // namespace zs::ome
