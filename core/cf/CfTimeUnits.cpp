#include "cf/CfTimeUnits.h"

#include <QRegularExpression>

#include <optional>

namespace zs::cf {

namespace {

// A cursor over the reference text: each step reads one field or reports what stopped it, so
// an error can say which part could not be read.
class Scanner
{
public:
    explicit Scanner(QStringView text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text[m_pos]; }
    QStringView rest() const { return m_text.mid(m_pos); }
    bool take(QChar c)
    {
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }
    int skipSpaces()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek().isSpace())
            ++m_pos;
        return int(m_pos - start);
    }
    // Up to maxDigits ASCII digits (at least one) as a number.
    std::optional<qint64> digits(int maxDigits, int *count = nullptr)
    {
        qint64 value = 0;
        int n = 0;
        while (n < maxDigits && !atEnd() && peek() >= u'0' && peek() <= u'9') {
            value = value * 10 + (peek().unicode() - u'0');
            ++m_pos;
            ++n;
        }
        if (count) *count = n;
        if (n == 0) return std::nullopt;
        return value;
    }
    bool takeWord(QStringView word)
    {
        if (!rest().startsWith(word, Qt::CaseInsensitive)) return false;
        m_pos += word.size();
        return true;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

Error cannotRead(const QString &what, QStringView at, const QString &text)
{
    const QString where = at.isEmpty() ? QStringLiteral("at the end") : QStringLiteral("at \"%1\"").arg(at);
    return makeError(QStringLiteral("cannot read the %1 %2").arg(what, where), text);
}

Result<DateTime> scanDateTime(Scanner &s, const QString &text)
{
    DateTime dt;
    const bool negative = s.take(u'-');
    if (!negative) (void)s.take(u'+');
    const auto year = s.digits(12); // 12 digits keep qint64 arithmetic far from overflow
    if (!year || !s.take(u'-')) return cannotRead(QStringLiteral("year"), s.rest(), text);
    dt.year = negative ? -*year : *year;
    const auto month = s.digits(2);
    if (!month || !s.take(u'-')) return cannotRead(QStringLiteral("month"), s.rest(), text);
    const auto day = s.digits(2);
    if (!day) return cannotRead(QStringLiteral("day"), s.rest(), text);
    dt.month = int(*month);
    dt.day = int(*day);
    if (dt.month < 1 || dt.month > 12) return makeError(QStringLiteral("no month %1").arg(dt.month), text);
    if (dt.day < 1 || dt.day > 31) return makeError(QStringLiteral("no day %1").arg(dt.day), text);

    // The time follows a 'T' or spaces; after spaces, a sign or letter starts a zone instead.
    const bool tee = s.take(u'T') || s.take(u't');
    const int spaces = tee ? 0 : s.skipSpaces();
    if (!tee && (spaces == 0 || s.atEnd() || !s.peek().isDigit())) return dt;
    const auto hour = s.digits(2);
    if (!hour || !s.take(u':')) return cannotRead(QStringLiteral("time (H:M)"), s.rest(), text);
    const auto minute = s.digits(2);
    if (!minute) return cannotRead(QStringLiteral("minute"), s.rest(), text);
    dt.hour = int(*hour);
    dt.minute = int(*minute);
    if (s.take(u':')) {
        const auto second = s.digits(2);
        if (!second) return cannotRead(QStringLiteral("second"), s.rest(), text);
        dt.second = int(*second);
        if (s.take(u'.')) {
            // Nanoseconds are the resolution kept; further digits are dropped (cftime keeps
            // microseconds).
            int count = 0;
            const auto fraction = s.digits(9, &count);
            if (!fraction) return cannotRead(QStringLiteral("fraction of a second"), s.rest(), text);
            qint64 ns = *fraction;
            for (int i = count; i < 9; ++i)
                ns *= 10;
            dt.nanosecond = int(ns);
            while (s.peek().isDigit())
                (void)s.digits(1);
        }
    }
    if (dt.hour > 23) return makeError(QStringLiteral("no hour %1").arg(dt.hour), text);
    if (dt.minute > 59) return makeError(QStringLiteral("no minute %1").arg(dt.minute), text);
    if (dt.second > 59)
        return makeError(QStringLiteral("no second %1 (leap seconds are not CF time)").arg(dt.second), text);
    return dt;
}

// Z, UTC, GMT or a numeric offset; UDUNITS: one or two digits are hours, three or four are
// hours and minutes, "H:MM" too.
Result<int> scanZone(Scanner &s, const QString &text)
{
    if (s.takeWord(u"UTC") || s.takeWord(u"GMT") || s.takeWord(u"Z")) return 0;
    const QChar sign = s.peek();
    if (sign != u'+' && sign != u'-') return cannotRead(QStringLiteral("time zone"), s.rest(), text);
    (void)s.take(sign);
    int count = 0;
    const auto number = s.digits(4, &count);
    if (!number) return cannotRead(QStringLiteral("time zone"), s.rest(), text);
    qint64 hours = *number;
    qint64 minutes = 0;
    if (count >= 3) {
        hours = *number / 100;
        minutes = *number % 100;
    } else if (s.take(u':')) {
        int minuteDigits = 0;
        const auto m = s.digits(2, &minuteDigits);
        if (!m || minuteDigits != 2) return cannotRead(QStringLiteral("time zone minutes"), s.rest(), text);
        minutes = *m;
    }
    if (hours > 23 || minutes > 59) return makeError(QStringLiteral("time zone offset out of range"), text);
    const int offset = int(hours * 60 + minutes);
    return sign == u'-' ? -offset : offset;
}

} // namespace

qint64 nanosecondsPer(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Day:
        return 86400'000'000'000;
    case TimeUnit::Hour:
        return 3600'000'000'000;
    case TimeUnit::Minute:
        return 60'000'000'000;
    case TimeUnit::Second:
        return 1'000'000'000;
    case TimeUnit::Millisecond:
        return 1'000'000;
    case TimeUnit::Microsecond:
        return 1'000;
    }
    return 0;
}

Result<TimeUnit> parseTimeUnit(const QString &word)
{
    const QString w = word.toLower();
    auto is = [&w](std::initializer_list<const char16_t *> names) {
        for (const char16_t *n : names)
            if (w == QStringView(n)) return true;
        return false;
    };
    if (is({u"days", u"day", u"d"})) return TimeUnit::Day;
    if (is({u"hours", u"hour", u"hrs", u"hr", u"h"})) return TimeUnit::Hour;
    if (is({u"minutes", u"minute", u"mins", u"min"})) return TimeUnit::Minute;
    if (is({u"seconds", u"second", u"secs", u"sec", u"s"})) return TimeUnit::Second;
    if (is({u"milliseconds", u"millisecond", u"msecs", u"msec", u"ms"})) return TimeUnit::Millisecond;
    if (is({u"microseconds", u"microsecond", u"usecs", u"usec", u"us"})) return TimeUnit::Microsecond;
    // months and years are not fixed lengths of time in most calendars (CF 1.10 4.4 advises
    // against them); refused rather than given a guessed length.
    return makeError(QStringLiteral("unknown time unit \"%1\"").arg(word), QStringLiteral("units"));
}

Result<TimeUnits> parseTimeUnits(const QString &units)
{
    // Any run of whitespace separates the unit word, "since" and the reference.
    static const QRegularExpression form(QStringLiteral("^\\s*(\\S+)\\s+since\\s+(\\S.*)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = form.match(units);
    if (!m.hasMatch())
        return makeError(QStringLiteral("time units are not \"<unit> since <date>\": \"%1\"").arg(units),
                         QStringLiteral("units"));
    TimeUnits out;
    ZS_TRY(out.unit, parseTimeUnit(m.captured(1)));
    const QString reference = m.captured(2).trimmed();
    Scanner s(reference);
    auto dt = scanDateTime(s, reference);
    if (!dt) return dt.error().at(QStringLiteral("units"));
    out.reference = *dt;
    s.skipSpaces();
    if (!s.atEnd()) {
        auto zone = scanZone(s, reference);
        if (!zone) return zone.error().at(QStringLiteral("units"));
        out.zoneMinutes = *zone;
        s.skipSpaces();
        if (!s.atEnd())
            return cannotRead(QStringLiteral("end"), s.rest(), reference).at(QStringLiteral("units"));
    }
    return out;
}

Result<DateTime> parseDateTime(const QString &text)
{
    const QString t = text.trimmed();
    Scanner s(t);
    ZS_TRY(DateTime dt, scanDateTime(s, t));
    s.skipSpaces();
    if (!s.atEnd()) return cannotRead(QStringLiteral("date-time"), s.rest(), t);
    return dt;
}

} // namespace zs::cf
