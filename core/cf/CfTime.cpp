#include "cf/CfTime.h"

#include <cmath>

namespace zs::cf {

namespace {

constexpr qint64 kNsPerDay = 86400'000'000'000;
// Day numbers are kept well inside qint64 so calendar arithmetic (days * 400-year cycles, ...)
// cannot overflow: 2^50 days is about 3e12 years, far beyond any real axis.
constexpr qint64 kMaxDays = qint64(1) << 50;

constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

Error outOfRange(const QString &what)
{
    return makeError(QStringLiteral("time value out of range: %1").arg(what));
}

Status checkClock(const DateTime &t)
{
    if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 || t.second > 59 ||
        t.nanosecond < 0 || t.nanosecond > 999'999'999)
        return makeError(
            QStringLiteral("no such time of day %1:%2:%3").arg(t.hour).arg(t.minute).arg(t.second));
    return Ok{};
}

qint64 clockNanoseconds(const DateTime &t)
{
    return ((qint64(t.hour) * 60 + t.minute) * 60 + t.second) * 1'000'000'000 + t.nanosecond;
}

} // namespace

Result<TimeCoder> TimeCoder::create(const QString &units, const QString &calendar)
{
    ZS_TRY(const Calendar cal, parseCalendar(calendar));
    ZS_TRY(const TimeUnits parsed, parseTimeUnits(units));
    const Status exists = checkDate(parsed.reference.date(), cal);
    if (!exists) return exists.error().at(QStringLiteral("units"));
    TimeCoder coder;
    coder.m_calendar = cal;
    coder.m_unit = parsed.unit;
    // "10:00 +02:00" is 08:00 UTC: the zone moves the reference, possibly to another day.
    const qint64 ns = clockNanoseconds(parsed.reference) - qint64(parsed.zoneMinutes) * 60'000'000'000;
    const qint64 dayShift = floorDiv(ns, kNsPerDay);
    coder.m_referenceDay = dayNumber(parsed.reference.date(), cal) + dayShift;
    coder.m_referenceNanosecond = ns - dayShift * kNsPerDay;
    if (coder.m_referenceDay > kMaxDays || coder.m_referenceDay < -kMaxDays)
        return outOfRange(QStringLiteral("the reference year")).at(QStringLiteral("units"));
    return coder;
}

DateTime TimeCoder::reference() const
{
    return *fromOffset(0, 0);
}

Result<DateTime> TimeCoder::fromOffset(qint64 days, qint64 nanoseconds) const
{
    // nanoseconds may exceed a day; fold it into days first, then add to the reference.
    const qint64 ns = m_referenceNanosecond + nanoseconds; // both under 2 days: no overflow
    const qint64 carry = floorDiv(ns, kNsPerDay);
    if (days > kMaxDays || days < -kMaxDays) return outOfRange(QStringLiteral("%1 days").arg(days));
    const qint64 day = m_referenceDay + days + carry;
    if (day > kMaxDays || day < -kMaxDays) return outOfRange(QStringLiteral("%1 days").arg(days));
    const qint64 clock = ns - carry * kNsPerDay;
    const Date date = dateOfDay(day, m_calendar);
    DateTime t;
    t.year = date.year;
    t.month = date.month;
    t.day = date.day;
    t.hour = int(clock / 3600'000'000'000);
    t.minute = int(clock / 60'000'000'000 % 60);
    t.second = int(clock / 1'000'000'000 % 60);
    t.nanosecond = int(clock % 1'000'000'000);
    return t;
}

Result<DateTime> TimeCoder::decode(qint64 value) const
{
    // Whole days and the rest, each exact: no product of value with a unit can overflow.
    const qint64 perDay = kNsPerDay / nanosecondsPer(m_unit);
    const qint64 days = floorDiv(value, perDay);
    return fromOffset(days, (value - days * perDay) * nanosecondsPer(m_unit));
}

Result<DateTime> TimeCoder::decode(double value) const
{
    if (!std::isfinite(value)) return makeError(QStringLiteral("time value is not finite: %1").arg(value));
    // cftime's resolution is the microsecond. In long double (64-bit mantissa) the product is
    // rounded once, far below a microsecond for any count cftime can decode (|us| < 2^63), so the
    // rounding to the microsecond is the one exact arithmetic would give (bar exact ties).
    const qint64 usPerUnit = nanosecondsPer(m_unit) / 1000; // exact: every unit is whole microseconds
    const long double us =
        std::nearbyint(static_cast<long double>(value) * static_cast<long double>(usPerUnit));
    if (!(std::fabs(us) < 9.2e18L)) return outOfRange(QString::number(value, 'g', 17));
    const auto count = static_cast<qint64>(us);
    constexpr qint64 usPerDay = kNsPerDay / 1000;
    const qint64 days = floorDiv(count, usPerDay);
    return fromOffset(days, (count - days * usPerDay) * 1000);
}

Result<double> TimeCoder::encode(const DateTime &dateTime) const
{
    ZS_CHECK(checkDate(dateTime.date(), m_calendar));
    ZS_CHECK(checkClock(dateTime));
    const long double days =
        static_cast<long double>(dayNumber(dateTime.date(), m_calendar) - m_referenceDay);
    const long double ns = static_cast<long double>(clockNanoseconds(dateTime) - m_referenceNanosecond);
    const long double unit = nanosecondsPer(m_unit);
    return static_cast<double>(days * (kNsPerDay / unit) + ns / unit);
}

Result<double> TimeCoder::encode(const QString &isoText) const
{
    ZS_TRY(const DateTime dt, parseDateTime(isoText));
    return encode(dt);
}

QString datetime64Code(Datetime64Unit unit)
{
    switch (unit) {
    case Datetime64Unit::Second:
        return QStringLiteral("s");
    case Datetime64Unit::Millisecond:
        return QStringLiteral("ms");
    case Datetime64Unit::Microsecond:
        return QStringLiteral("us");
    case Datetime64Unit::Nanosecond:
        return QStringLiteral("ns");
    }
    return {};
}

namespace {
qint64 nanosecondsPer(Datetime64Unit unit)
{
    switch (unit) {
    case Datetime64Unit::Second:
        return 1'000'000'000;
    case Datetime64Unit::Millisecond:
        return 1'000'000;
    case Datetime64Unit::Microsecond:
        return 1'000;
    case Datetime64Unit::Nanosecond:
        return 1;
    }
    return 1;
}
} // namespace

Result<qint64> toDatetime64(const DateTime &dateTime, Calendar calendar, Datetime64Unit unit)
{
    const QString what = formatIso(dateTime, isoPrecisionFor(dateTime));
    if (calendar != Calendar::Standard && calendar != Calendar::ProlepticGregorian)
        return makeError(QStringLiteral("a %1 date is not a datetime64 (proleptic Gregorian) date")
                             .arg(calendarName(calendar)),
                         what);
    ZS_CHECK(checkDate(dateTime.date(), calendar));
    ZS_CHECK(checkClock(dateTime));
    if (calendar == Calendar::Standard &&
        dayNumber(dateTime.date(), calendar) < dayNumber(Date{1582, 10, 15}, calendar))
        return makeError(
            QStringLiteral("a standard-calendar date before 1582-10-15 is Julian, not a datetime64 "
                           "(proleptic Gregorian) date"),
            what);
    const qint64 per = nanosecondsPer(unit);
    if (dateTime.nanosecond % per != 0)
        return makeError(
            QStringLiteral("datetime64[%1] cannot hold this time exactly").arg(datetime64Code(unit)), what);
    // Day numbers of both calendars count from 1970-01-01 (proleptic Gregorian) already.
    const qint64 day = dayNumber(dateTime.date(), calendar);
    const qint64 perDay = kNsPerDay / per;
    qint64 count = 0;
    if (__builtin_mul_overflow(day, perDay, &count) ||
        __builtin_add_overflow(count, clockNanoseconds(dateTime) / per, &count))
        return makeError(QStringLiteral("out of the range of datetime64[%1]").arg(datetime64Code(unit)),
                         what);
    return count;
}

Datetime64Unit coarsestDatetime64Unit(const QList<DateTime> &values)
{
    Datetime64Unit unit = Datetime64Unit::Second;
    for (const DateTime &v : values) {
        while (unit != Datetime64Unit::Nanosecond && v.nanosecond % nanosecondsPer(unit) != 0)
            unit = Datetime64Unit(int(unit) + 1);
    }
    return unit;
}

} // namespace zs::cf
