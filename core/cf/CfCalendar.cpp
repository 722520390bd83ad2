#include "cf/CfCalendar.h"

#include <array>

namespace zs::cf {

namespace {

constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Both real-world counts start their years on March 1 so the leap day is the last day of a
// counting year: day-of-year from March 1 is then the same formula in every year. The month
// lengths from March (31 30 31 30 31 31 30 31 30 31 31 28/29) follow (153 * m + 2) / 5.
constexpr int marchDayOfYear(int month, int day)
{
    const int fromMarch = (month + 9) % 12; // March = 0 ... February = 11
    return (153 * fromMarch + 2) / 5 + day - 1;
}

// Astronomical years (1 BC = 0). 1970-01-01 is day 0: March 1 of year 0 is 719468 days before.
constexpr qint64 gregorianDay(qint64 year, int month, int day)
{
    const qint64 y = month <= 2 ? year - 1 : year;
    const qint64 era = floorDiv(y, 400); // 400-year cycles of 146097 days
    const qint64 yearOfEra = y - era * 400;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + marchDayOfYear(month, day);
    return era * 146097 + dayOfEra - 719468;
}

// The Julian count on its own scale (4-year cycles of 1461 days), moved onto the Gregorian
// one below so that Julian 1582-10-04 is the day before Gregorian 1582-10-15.
constexpr qint64 julianRawDay(qint64 year, int month, int day)
{
    const qint64 y = month <= 2 ? year - 1 : year;
    const qint64 cycle = floorDiv(y, 4);
    const qint64 yearOfCycle = y - cycle * 4;
    return cycle * 1461 + yearOfCycle * 365 + yearOfCycle / 4 + marchDayOfYear(month, day);
}

constexpr qint64 kGregorianStart = gregorianDay(1582, 10, 15);
constexpr qint64 kJulianShift = kGregorianStart - julianRawDay(1582, 10, 5);

constexpr qint64 julianDay(qint64 year, int month, int day)
{
    return julianRawDay(year, month, day) + kJulianShift;
}

Date fromMarchYear(qint64 y, qint64 dayOfYear)
{
    const int fromMarch = int((5 * dayOfYear + 2) / 153);
    const int day = int(dayOfYear - (153 * fromMarch + 2) / 5 + 1);
    const int month = fromMarch < 10 ? fromMarch + 3 : fromMarch - 9;
    return Date{month <= 2 ? y + 1 : y, month, day};
}

Date gregorianDate(qint64 dayNo)
{
    const qint64 z = dayNo + 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 dayOfEra = z - era * 146097; // [0, 146096]
    // Years of the era: remove the leap days that precede this day before dividing by 365.
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    return fromMarchYear(era * 400 + yearOfEra, dayOfYear);
}

Date julianDate(qint64 dayNo)
{
    const qint64 z = dayNo - kJulianShift;
    const qint64 cycle = floorDiv(z, 1461);
    const qint64 dayOfCycle = z - cycle * 1461;                        // [0, 1460]
    const qint64 yearOfCycle = (dayOfCycle - dayOfCycle / 1460) / 365; // day 1460 is a leap day of year 3
    return fromMarchYear(cycle * 4 + yearOfCycle, dayOfCycle - 365 * yearOfCycle);
}

constexpr std::array<int, 12> kMonthDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

// Idealised calendars: fixed-length years, day 0 = 0000-01-01.
int fixedYearLength(Calendar c)
{
    return c == Calendar::NoLeap ? 365 : c == Calendar::AllLeap ? 366 : 360;
}

int fixedMonthLength(Calendar c, int month)
{
    if (c == Calendar::Day360) return 30;
    if (month == 2) return c == Calendar::AllLeap ? 29 : 28;
    return kMonthDays[month - 1];
}

qint64 astronomicalYear(qint64 year, Calendar c)
{
    return (!hasYearZero(c) && year < 0) ? year + 1 : year;
}

qint64 calendarYear(qint64 astronomical, Calendar c)
{
    return (!hasYearZero(c) && astronomical <= 0) ? astronomical - 1 : astronomical;
}

bool usesJulianRules(qint64 astroYear, int month, int day, Calendar c)
{
    if (c == Calendar::Julian) return true;
    if (c != Calendar::Standard) return false;
    if (astroYear != 1582) return astroYear < 1582;
    return month < 10 || (month == 10 && day < 15);
}

int realMonthLength(qint64 astroYear, int month, bool julian)
{
    if (month != 2) return kMonthDays[month - 1];
    const bool leap = julian ? floorDiv(astroYear, 4) * 4 == astroYear
                             : (astroYear % 4 == 0 && (astroYear % 100 != 0 || astroYear % 400 == 0));
    return leap ? 29 : 28;
}

} // namespace

Result<Calendar> parseCalendar(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == u"standard" || n == u"gregorian") return Calendar::Standard;
    if (n == u"proleptic_gregorian") return Calendar::ProlepticGregorian;
    if (n == u"noleap" || n == u"365_day") return Calendar::NoLeap;
    if (n == u"all_leap" || n == u"366_day") return Calendar::AllLeap;
    if (n == u"360_day") return Calendar::Day360;
    if (n == u"julian") return Calendar::Julian;
    // CF's "none" (no calendar) and anything else: cftime refuses them too.
    return makeError(QStringLiteral("unknown calendar \"%1\"").arg(name), QStringLiteral("calendar"));
}

QString calendarName(Calendar calendar)
{
    switch (calendar) {
    case Calendar::Standard:
        return QStringLiteral("standard");
    case Calendar::ProlepticGregorian:
        return QStringLiteral("proleptic_gregorian");
    case Calendar::NoLeap:
        return QStringLiteral("noleap");
    case Calendar::AllLeap:
        return QStringLiteral("all_leap");
    case Calendar::Day360:
        return QStringLiteral("360_day");
    case Calendar::Julian:
        return QStringLiteral("julian");
    }
    return {};
}

bool hasYearZero(Calendar calendar)
{
    return calendar != Calendar::Standard && calendar != Calendar::Julian;
}

Status checkDate(const Date &date, Calendar calendar)
{
    const QString text = QStringLiteral("%1-%2-%3").arg(date.year).arg(date.month).arg(date.day);
    if (date.year == 0 && !hasYearZero(calendar))
        return makeError(
            QStringLiteral("year 0 does not exist in the %1 calendar").arg(calendarName(calendar)), text);
    if (date.month < 1 || date.month > 12)
        return makeError(QStringLiteral("no month %1").arg(date.month), text);
    const qint64 astro = astronomicalYear(date.year, calendar);
    int length = 0;
    if (calendar == Calendar::NoLeap || calendar == Calendar::AllLeap || calendar == Calendar::Day360)
        length = fixedMonthLength(calendar, date.month);
    else
        length = realMonthLength(astro, date.month, usesJulianRules(astro, date.month, 1, calendar));
    if (date.day < 1 || date.day > length)
        return makeError(QStringLiteral("no day %1 in that month of the %2 calendar")
                             .arg(date.day)
                             .arg(calendarName(calendar)),
                         text);
    // The switch to the Gregorian calendar skipped 1582-10-05 ... 1582-10-14.
    if (calendar == Calendar::Standard && astro == 1582 && date.month == 10 && date.day > 4 && date.day < 15)
        return makeError(
            QStringLiteral("the dates 1582-10-05 to 1582-10-14 do not exist in the standard calendar"), text);
    return Ok{};
}

qint64 dayNumber(const Date &date, Calendar calendar)
{
    const qint64 astro = astronomicalYear(date.year, calendar);
    switch (calendar) {
    case Calendar::NoLeap:
    case Calendar::AllLeap:
    case Calendar::Day360: {
        qint64 days = astro * fixedYearLength(calendar);
        for (int m = 1; m < date.month; ++m)
            days += fixedMonthLength(calendar, m);
        return days + date.day - 1;
    }
    default:
        return usesJulianRules(astro, date.month, date.day, calendar)
                   ? julianDay(astro, date.month, date.day)
                   : gregorianDay(astro, date.month, date.day);
    }
}

Date dateOfDay(qint64 day, Calendar calendar)
{
    Date d;
    switch (calendar) {
    case Calendar::NoLeap:
    case Calendar::AllLeap:
    case Calendar::Day360: {
        const int yearLength = fixedYearLength(calendar);
        const qint64 year = floorDiv(day, yearLength);
        int rest = int(day - year * yearLength);
        int month = 1;
        while (rest >= fixedMonthLength(calendar, month))
            rest -= fixedMonthLength(calendar, month++);
        d = Date{year, month, rest + 1};
        break;
    }
    case Calendar::ProlepticGregorian:
        d = gregorianDate(day);
        break;
    case Calendar::Julian:
        d = julianDate(day);
        break;
    case Calendar::Standard:
        d = day >= kGregorianStart ? gregorianDate(day) : julianDate(day);
        break;
    }
    d.year = calendarYear(d.year, calendar);
    return d;
}

} // namespace zs::cf
