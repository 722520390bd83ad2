#include "cf/CfTimeFormat.h"

#include <algorithm>

namespace zs::cf {

namespace {

// Precisions in one order, so the finest of a set is a maximum.
int rank(IsoPrecision p)
{
    return p.level == IsoPrecision::Fraction ? 2 + p.fractionDigits : int(p.level);
}

QString twoDigits(int v)
{
    return QStringLiteral("%1").arg(v, 2, 10, QChar(u'0'));
}

} // namespace

IsoPrecision isoPrecisionFor(const DateTime &value)
{
    if (value.nanosecond != 0) {
        int digits = 9;
        int ns = value.nanosecond;
        while (ns % 10 == 0) {
            ns /= 10;
            --digits;
        }
        return IsoPrecision{IsoPrecision::Fraction, digits};
    }
    if (value.second != 0) return IsoPrecision{IsoPrecision::Second, 0};
    if (value.hour != 0 || value.minute != 0) return IsoPrecision{IsoPrecision::Minute, 0};
    return IsoPrecision{IsoPrecision::Date, 0};
}

IsoPrecision isoPrecisionFor(const QList<DateTime> &values)
{
    IsoPrecision finest;
    for (const DateTime &v : values) {
        const IsoPrecision p = isoPrecisionFor(v);
        if (rank(p) > rank(finest)) finest = p;
    }
    return finest;
}

QString formatIso(const DateTime &value, IsoPrecision precision)
{
    const qint64 absYear = value.year < 0 ? -value.year : value.year;
    QString out = (value.year < 0 ? QStringLiteral("-") : QString()) +
                  QStringLiteral("%1").arg(absYear, 4, 10, QChar(u'0')) + u'-' + twoDigits(value.month) +
                  u'-' + twoDigits(value.day);
    if (precision.level == IsoPrecision::Date) return out;
    out += u'T' + twoDigits(value.hour) + u':' + twoDigits(value.minute);
    if (precision.level == IsoPrecision::Minute) return out;
    out += u':' + twoDigits(value.second);
    if (precision.level == IsoPrecision::Second) return out;
    const int digits = std::clamp(precision.fractionDigits, 1, 9);
    const QString fraction = QStringLiteral("%1").arg(value.nanosecond, 9, 10, QChar(u'0'));
    return out + u'.' + fraction.left(digits);
}

} // namespace zs::cf
