#pragma once
// ============================================================================================
// THE PLACE CF TIME DECODING PLUGS IN (issue 15). Everything time-related the conventions layer
// does goes through these three functions; nothing else in core/cf interprets time units.
// Today they decode nothing: stored values stay as they are, and a note says so. The CfTime*
// module (units "<unit> since <date>", calendars, ISO 8601 text, datetime64) replaces their bodies.
// ============================================================================================

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

// One decoded time value for JSON (a coordinate's first/last in `info --json`): for now the number.
nlohmann::ordered_json timeValueJson(double value, const TimeEncoding &time);

} // namespace zs::cf
