#pragma once
// CF calendars (CF 1.10 section 4.4.1) as day arithmetic: a calendar date <-> a day number.
// Day numbers only need to be consistent within one calendar, since decoding adds an offset to
// the reference date's day number; for the real-world calendars (standard, proleptic_gregorian,
// julian) day 0 is 1970-01-01 proleptic Gregorian, so one physical day has one number in all
// three and the datetime64 conversion is a plain multiplication.

#include "util/Result.h"

#include <QString>

namespace zs::cf {

enum class Calendar
{
    Standard,           // "standard", "gregorian": Julian before 1582-10-15, Gregorian from then
    ProlepticGregorian, // "proleptic_gregorian": Gregorian rules for every year
    NoLeap,             // "noleap", "365_day"
    AllLeap,            // "all_leap", "366_day"
    Day360,             // "360_day": twelve months of 30 days
    Julian,             // "julian": a leap year every 4 years
};

// An absent (empty) name is the standard calendar (CF's default); names are case-insensitive.
Result<Calendar> parseCalendar(const QString &name);
QString calendarName(Calendar calendar);

// cftime numbers years of the real-world mixed and Julian calendars without a year zero (1 BC is
// year -1); proleptic_gregorian and the idealised calendars have a year 0. We number years the
// same way so dates print as cftime and xarray print them.
bool hasYearZero(Calendar calendar);

struct Date
{
    qint64 year = 1;
    int month = 1;
    int day = 1;
    bool operator==(const Date &other) const = default;
};

// A calendar date and a time of day, as cftime.datetime holds one (but to the nanosecond).
struct DateTime
{
    qint64 year = 1;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanosecond = 0; // [0, 999999999]
    Date date() const { return Date{year, month, day}; }
    bool operator==(const DateTime &other) const = default;
};

// Error naming the date when it does not exist in the calendar (month 13, 2001-02-29 in
// standard, 1582-10-10 in standard, year 0 where there is none).
Status checkDate(const Date &date, Calendar calendar);
// The date's day number; the date must pass checkDate.
qint64 dayNumber(const Date &date, Calendar calendar);
// The inverse of dayNumber, for every day number whose year fits in qint64.
Date dateOfDay(qint64 day, Calendar calendar);

} // namespace zs::cf
