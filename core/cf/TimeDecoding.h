#pragma once
// CF times in the conventions layer: everything time-related goes through these three functions,
// which decode with CfTime (units "<unit> since <date>", the CF calendars). As xarray does, dates
// become NumPy datetime64 where NumPy can hold them (standard and proleptic_gregorian calendars,
// the standard one from 1582-10-15) and the calendar's own dates otherwise, here as ISO 8601 text.
// Durations (bare units, xarray's timedelta) stay as stored.

#include "array/NdArray.h"
#include "cf/TimeEncoding.h"

#include <nlohmann/json.hpp>
#include <optional>

namespace zs::cf {

// Why a recognised time variable's values are not decoded; nullopt once they are.
std::optional<Decision> timeRefusal(const TimeEncoding &time);

// A time variable's values, already unmasked and unpacked when those applied (`values` is what
// DecodeArray made of the stored values). nullopt: not decoded; `note` then says why.
std::optional<NdArray> decodeTimeValues(const NdArray &values, const TimeEncoding &time, QString *note);

// One decoded time value for JSON (a coordinate's first/last in `info --json`): ISO 8601 text as
// precise as the value needs; the number when it cannot be decoded.
nlohmann::ordered_json timeValueJson(double value, const TimeEncoding &time);

} // namespace zs::cf
