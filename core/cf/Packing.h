#pragma once
// CF packing: `unpacked = packed * scale_factor + add_offset`, either attribute alone allowed.

#include "cf/Decision.h"
#include "dtype/DataType.h"

#include <nlohmann/json.hpp>
#include <optional>

namespace zs::cf {

struct Packing
{
    std::optional<double> scaleFactor;
    std::optional<double> addOffset;

    bool applies() const { return scaleFactor || addOffset; }
};

// scale_factor and add_offset of a numeric array. A list of one number counts as that number
// (xarray takes its item); longer lists, non-numbers and non-numeric arrays are refused.
Packing resolvePacking(const nlohmann::json &attrs, const DataType &stored, Decisions &refused);

} // namespace zs::cf
