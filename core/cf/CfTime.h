#pragma once
// CF time coordinates (CF 1.10 section 4.4): numbers in "<unit> since <reference>" and a
// calendar, decoded to calendar date-times as cftime.num2date does, encoded back from a date a
// user types, and converted to NumPy datetime64 counts where that is the same date.
//
//   auto coder = TimeCoder::create(attrs.units, attrs.calendar);   // Result<TimeCoder>
//   DateTime t = *coder->decode(qint64(365));                     // 2001-01-01 for days since 2000-01-01
//   QString s = formatIso(t, isoPrecisionFor(values));            // "2001-01-01"
//
// Parsing lives in CfTimeUnits, calendar arithmetic in CfCalendar, text in CfTimeFormat.

#include "cf/CfCalendar.h"
#include "cf/CfTimeFormat.h"
#include "cf/CfTimeUnits.h"
#include "util/Result.h"

#include <QList>
#include <QString>

namespace zs::cf {

// Decoder and encoder for one variable's units and calendar.
class TimeCoder
{
public:
    // Errors name what could not be read: the units' form, unit word, reference date or zone,
    // a reference date the calendar does not have, an unknown calendar.
    static Result<TimeCoder> create(const QString &units, const QString &calendar = {});

    Calendar calendar() const { return m_calendar; }
    TimeUnit unit() const { return m_unit; }
    // The reference instant in UTC, the zone applied.
    DateTime reference() const;

    // Exact: integer counts of any unit, however large, lose nothing.
    Result<DateTime> decode(qint64 value) const;
    // As cftime: the value in microseconds, rounded to the nearest (ties to even). NaN and
    // infinities are errors. (cftime 1.6.2's own float arithmetic can land a microsecond away:
    // 59.999999 seconds is 00:00:59.999999 here and 00:01:00 there.)
    Result<DateTime> decode(double value) const;
    // The inverse of decode: the value (in this unit, since the reference) of a date-time,
    // which must exist in the calendar.
    Result<double> encode(const DateTime &dateTime) const;
    // parseDateTime then encode: what the viewer does with a date typed to jump to.
    Result<double> encode(const QString &isoText) const;

private:
    TimeCoder() = default;
    Result<DateTime> fromOffset(qint64 days, qint64 nanoseconds) const;

    Calendar m_calendar = Calendar::Standard;
    TimeUnit m_unit = TimeUnit::Day;
    qint64 m_referenceDay = 0;        // dayNumber of the reference date (UTC)
    qint64 m_referenceNanosecond = 0; // [0, 86400e9): the reference time of day (UTC)
};

// NumPy datetime64: a count of a unit since 1970-01-01T00:00, proleptic Gregorian, year 0 = 1 BC.
enum class Datetime64Unit
{
    Second,
    Millisecond,
    Microsecond,
    Nanosecond,
};

QString datetime64Code(Datetime64Unit unit); // "s", "ms", "us", "ns": <M8[s] ...

// The date-time as a count of unit, or an error when datetime64 would be another date: any
// calendar but standard and proleptic_gregorian, or a standard date before 1582-10-15 (Julian
// there; xarray keeps those as cftime objects too); also when the unit cannot hold it exactly
// or the count does not fit in int64.
Result<qint64> toDatetime64(const DateTime &dateTime, Calendar calendar, Datetime64Unit unit);

// The coarsest unit that holds every value's sub-second part exactly (seconds when none has one).
Datetime64Unit coarsestDatetime64Unit(const QList<DateTime> &values);

} // namespace zs::cf
