#pragma once
// ISO 8601 text for decoded times, as precise as the values need: one precision for a whole
// set (an axis, a column) so its values line up and compare as text.

#include "cf/CfCalendar.h"

#include <QList>
#include <QString>

namespace zs::cf {

struct IsoPrecision
{
    enum Level
    {
        Date,     // 2002-06-03
        Minute,   // 2002-06-03T12:30
        Second,   // 2002-06-03T12:30:15
        Fraction, // 2002-06-03T12:30:15.25 (fractionDigits 1 ... 9)
    };
    Level level = Date;
    int fractionDigits = 0;
    bool operator==(const IsoPrecision &other) const = default;
};

// The least precision that shows this value without loss.
IsoPrecision isoPrecisionFor(const DateTime &value);
// The least precision that shows every value without loss (Date for an empty set).
IsoPrecision isoPrecisionFor(const QList<DateTime> &values);

// Years as cftime prints them: at least four digits, a minus sign before negative years
// (which count from -1 in the standard and julian calendars, from 0 in the others).
// Digits beyond the precision are cut, not rounded: pick the precision with isoPrecisionFor.
QString formatIso(const DateTime &value, IsoPrecision precision);

} // namespace zs::cf
