#pragma once
// CF flags: `flag_values` (exclusive values) and/or `flag_masks` (bit fields) with
// `flag_meanings` (blank-separated words, one per value or mask) name what a value means.

#include "cf/Decision.h"

#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace zs::cf {

struct Flags
{
    std::vector<double> values; // may be empty when only masks are given
    std::vector<double> masks;  // may be empty
    QStringList meanings;
};

// nullopt when the array has no flags, or when they are refused (counts that do not match).
std::optional<Flags> resolveFlags(const nlohmann::json &attrs, Decisions &applied, Decisions &refused);

// The meaning(s) of a stored value: the flag value it equals; with masks, every flag whose
// bits (value & mask, equal to the flag value when both are given) it carries, joined by blanks.
// "" when none applies.
QString flagName(const Flags &flags, double storedValue);

} // namespace zs::cf
