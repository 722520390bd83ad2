#pragma once
// Which arrays hold CF times, recorded as the strings the attributes give. Decoding them (units
// "<unit> since <date>", calendars, ISO text, datetime64) is core/cf/CfTime*, plugged in through
// TimeDecoding.h; this only recognises them, as xarray does: `units` containing "since" is a
// datetime, `units` that is a bare time unit ("days", "seconds", ...) a timedelta.

#include "cf/Decision.h"

#include <QString>
#include <nlohmann/json.hpp>
#include <optional>

namespace zs::cf {

struct TimeEncoding
{
    enum class Kind
    {
        DateTime,  // "<unit> since <date>"
        TimeDelta, // a bare unit: xarray decodes these to timedelta64
    };
    Kind kind = Kind::DateTime;
    QString units;    // as given
    QString calendar; // as given; "" when the attribute is absent (CF's default is "standard")
};

std::optional<TimeEncoding> resolveTimeEncoding(const nlohmann::json &attrs);

} // namespace zs::cf
