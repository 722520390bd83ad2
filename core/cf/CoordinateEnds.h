#pragma once
// A coordinate's first and last values, decoded by its own conventions, for `info` and axis
// labels: one read of just the two elements through the array reader (blocking: call it from a
// worker thread in the GUI).

#include "cf/Coordinates.h"

#include <nlohmann/json.hpp>

namespace zs::cf {

struct CoordinateEnds
{
    nlohmann::ordered_json first; // a number (null when masked or empty), text for string coordinates
    nlohmann::ordered_json last;
};

Result<CoordinateEnds> readCoordinateEnds(std::shared_ptr<Store> store, const Coordinate &coordinate);

} // namespace zs::cf
