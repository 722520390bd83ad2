#pragma once
// CF time units: "<unit> since <reference>" (CF 1.10 section 4.4, after UDUNITS), and the
// date-time text they and users write.

#include "cf/CfCalendar.h"
#include "util/Result.h"

#include <QString>

namespace zs::cf {

enum class TimeUnit
{
    Day,
    Hour,
    Minute,
    Second,
    Millisecond,
    Microsecond,
};

qint64 nanosecondsPer(TimeUnit unit);

struct TimeUnits
{
    TimeUnit unit = TimeUnit::Day;
    DateTime reference;  // as written, before the zone is applied
    int zoneMinutes = 0; // the reference's offset east of UTC: "+05:30" = 330, "-6" = -360
};

// A unit word: days/day/d, hours/hour/hrs/hr/h, minutes/minute/mins/min,
// seconds/second/secs/sec/s, milliseconds/millisecond/msecs/msec/ms,
// microseconds/microsecond/usecs/usec/us; case-insensitive.
Result<TimeUnit> parseTimeUnit(const QString &word);

// "<unit> since <date>[( |T)<time>][[ ]<zone>]": date Y-M-D (any number of year digits, a
// sign allowed; month and day with or without zero padding), time H:M[:S[.fraction]], zone
// Z, UTC, GMT, [+-]H, [+-]HH, [+-]HMM, [+-]HHMM or [+-]H:MM. Fields are range-checked here
// (month 1-12, hour 0-23, ...); whether the day exists depends on the calendar (TimeCoder).
Result<TimeUnits> parseTimeUnits(const QString &units);

// A date-time without zone as a user types it: "2002-06-03", "2002-06-03T12:00",
// "2002-06-03 12:00:30.25".
Result<DateTime> parseDateTime(const QString &text);

} // namespace zs::cf
