#pragma once
// Which stored values mean "missing": the Zarr v2 fill_value (xarray reads it as _FillValue), the
// `_FillValue` attribute when there is no v2 fill_value (and always in v3, where the fill_value is
// mandatory and xarray does not mask by it), and `missing_value` (a number or a
// list), all compared on the packed values. valid_min/valid_max/valid_range are recorded only:
// xarray 2023.01's decode_cf does not mask by them (CFMaskCoder reads only _FillValue and
// missing_value), and we follow xarray for the values.

#include "cf/Decision.h"
#include "metadata/NodeMetadata.h"

#include <optional>
#include <vector>

namespace zs::cf {

struct MissingValues
{
    std::vector<double> fillValues; // distinct, NaN left out (NaN stays NaN anyway)
    std::optional<double> validMin; // from valid_range or valid_min, packed units
    std::optional<double> validMax;

    bool masks() const { return !fillValues.empty(); }
    bool hasValidRange() const { return validMin || validMax; }
};

MissingValues resolveMissingValues(const NodeMetadata &array, Decisions &applied, Decisions &refused);

} // namespace zs::cf
