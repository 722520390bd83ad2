#pragma once
// OME metadata as `info --json` prints it under "ome": version, kind, axes, levels (with their
// arrays' shapes once the image was opened), channels, labels, plate and well, in the words the
// metadata uses (colours as "RRGGBB", a missing translation as null).

#include "ome/OmeImage.h"

#include <nlohmann/json.hpp>

namespace zs::ome {

// `image` is the opened image when `group` is one (levels then carry their shapes).
nlohmann::ordered_json omeJson(const OmeGroup &group, const OmeImage *image);

} // namespace zs::ome
