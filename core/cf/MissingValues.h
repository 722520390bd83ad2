#pragma once
// Which stored values mean "missing": the Zarr v2 fill_value (xarray reads it as _FillValue), the
// `_FillValue` attribute when there is no v2 fill_value (and always in v3, where the fill_value is
// mandatory and xarray does not mask by it), and `missing_value` (a number or a
// list), all compared on the packed values; and, as CF says, values outside valid_range (or
// valid_min/valid_max), also in packed units. That last one goes beyond xarray 2023.01, whose
// decode_cf masks only _FillValue and missing_value; CF 1.10 (2.5.1) defines values outside the
// valid range as missing, and netCDF-Java (Panoply) and netCDF4-python mask them.

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

    bool masks() const { return !fillValues.empty() || hasValidRange(); }
    // A packed value outside [validMin, validMax] is missing.
    bool outsideValidRange(double packed) const
    {
        return (validMin && packed < *validMin) || (validMax && packed > *validMax);
    }
    bool hasValidRange() const { return validMin || validMax; }
};

MissingValues resolveMissingValues(const NodeMetadata &array, Decisions &applied, Decisions &refused);

} // namespace zs::cf
