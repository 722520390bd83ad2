#pragma once
// The conventions as JSON, for `info --json` (and the GUI's raw view): the "cf" object and the
// "dimensions" list. Absent things are null or [], never left out, so readers need no guessing.

#include "cf/Conventions.h"
#include "cf/CoordinateEnds.h"

#include <nlohmann/json.hpp>

namespace zs::cf {

// {"units", "long_name", "standard_name", "scale_factor", "add_offset", "fill_values", "valid_range",
//  "calendar", "time_units", "auxiliary_coordinates", "flag_values", "flag_masks", "flag_meanings",
//  "decoded_dtype", "applied", "refused"}
nlohmann::ordered_json conventionsJson(const Conventions &conventions);
// [{"name", "size", "coordinate", "units", "first", "last", "long_name", "standard_name", "axis",
//   "positive"}], `ends` one per dimension (null first/last where there is no coordinate).
nlohmann::ordered_json dimensionsJson(const Conventions &conventions,
                                      const std::vector<CoordinateEnds> &ends);

} // namespace zs::cf
