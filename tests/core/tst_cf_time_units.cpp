// CF time without a peer: the units and calendars we read and the ones we refuse (each error
// says what could not be read), typed dates through encode and decode, the ISO precision chosen
// for a set of values and the datetime64 unit. The decoded values themselves are checked
// against cftime and xarray in tst_cf_time.

#include "cf/CfTime.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace zs;
using namespace zs::cf;

namespace {

DateTime at(qint64 y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ns = 0)
{
    return DateTime{y, mo, d, h, mi, s, ns};
}

QString show(const DateTime &t)
{
    return formatIso(t, IsoPrecision{IsoPrecision::Fraction, 9});
}

} // namespace

class TstCfTimeUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodUnits_data()
    {
        QTest::addColumn<QString>("units");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("zone");
        const auto row = [](const char *units, TimeUnit u, const DateTime &ref, int zone) {
            QTest::addRow("%s", units) << QString::fromLatin1(units) << int(u) << show(ref) << zone;
        };
        row("days since 2000-01-01", TimeUnit::Day, at(2000, 1, 1), 0);
        row("DAYS Since 2000-1-1", TimeUnit::Day, at(2000, 1, 1), 0);
        row("d since 1-1-1", TimeUnit::Day, at(1, 1, 1), 0);
        row("  days since 2000-01-01  ", TimeUnit::Day, at(2000, 1, 1), 0);
        row("days\tsince  2000-01-01", TimeUnit::Day, at(2000, 1, 1), 0);
        row("hours since 1900-01-01 00:00:00", TimeUnit::Hour, at(1900, 1, 1), 0);
        row("hr since 2000-01-01T06:30", TimeUnit::Hour, at(2000, 1, 1, 6, 30), 0);
        row("hrs since 2000-01-01t06:30", TimeUnit::Hour, at(2000, 1, 1, 6, 30), 0);
        row("h since 2000-01-01 6:3:4.5", TimeUnit::Hour, at(2000, 1, 1, 6, 3, 4, 500'000'000), 0);
        row("minutes since 2000-01-01  12:00", TimeUnit::Minute, at(2000, 1, 1, 12), 0);
        row("min since 2000-01-01 12:00Z", TimeUnit::Minute, at(2000, 1, 1, 12), 0);
        row("s since 2000-01-01 12:00 UTC", TimeUnit::Second, at(2000, 1, 1, 12), 0);
        row("seconds since 2000-01-01 utc", TimeUnit::Second, at(2000, 1, 1), 0);
        row("sec since 1992-10-8 15:15:42.5 -6:00", TimeUnit::Second,
            at(1992, 10, 8, 15, 15, 42, 500'000'000), -360);
        row("secs since 2000-01-01T00:00:00.5Z", TimeUnit::Second, at(2000, 1, 1, 0, 0, 0, 500'000'000), 0);
        row("ms since 2000-01-01 00:00 +0530", TimeUnit::Millisecond, at(2000, 1, 1), 330);
        row("msec since 2000-01-01 00:00:00+05:30", TimeUnit::Millisecond, at(2000, 1, 1), 330);
        row("milliseconds since 2000-01-01 -6", TimeUnit::Millisecond, at(2000, 1, 1), -360);
        row("us since 2000-01-01 00:00 +123", TimeUnit::Microsecond, at(2000, 1, 1), 83);
        row("usec since 2000-01-01 00:00 -06", TimeUnit::Microsecond, at(2000, 1, 1), -360);
        row("microseconds since -100-03-01", TimeUnit::Microsecond, at(-100, 3, 1), 0);
        row("seconds since 2000-01-01 12:00:00.123456789", TimeUnit::Second,
            at(2000, 1, 1, 12, 0, 0, 123'456'789), 0);
    }
    void goodUnits()
    {
        QFETCH(QString, units);
        QFETCH(int, unit);
        QFETCH(QString, reference);
        QFETCH(int, zone);
        const auto parsed = parseTimeUnits(units);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
        QCOMPARE(int(parsed->unit), unit);
        QCOMPARE(show(parsed->reference), reference);
        QCOMPARE(parsed->zoneMinutes, zone);
    }

    void badUnits_data()
    {
        QTest::addColumn<QString>("units");
        QTest::addColumn<QString>("says");
        const auto row = [](const char *units, const char *says) {
            QTest::addRow("%s", units) << QString::fromLatin1(units) << QString::fromLatin1(says);
        };
        row("", "<unit> since <date>");
        row("days", "<unit> since <date>");
        row("days after 2000-01-01", "<unit> since <date>");
        row("weeks since 2000-01-01", "unknown time unit \"weeks\"");
        row("months since 2000-01-01", "unknown time unit \"months\"");
        row("nanoseconds since 2000-01-01", "unknown time unit");
        row("days since", "<unit> since <date>");
        row("days since 2000", "year");
        row("days since 2000/01/01", "year");
        row("days since 2000-01", "month");
        row("days since 2000-01-x", "day");
        row("days since 2000-13-01", "no month 13");
        row("days since 2000-01-32", "no day 32");
        row("days since 2000-01-01 12", "time (H:M)");
        row("days since 2000-01-01T", "time (H:M)");
        row("days since 2000-01-01 25:00", "no hour 25");
        row("days since 2000-01-01 06:60", "no minute 60");
        row("days since 2000-01-01 06:00:60", "no second 60");
        row("days since 2000-01-01 06:00:00.", "fraction");
        row("days since 2000-01-01 06:00 XYZ", "time zone");
        row("days since 2000-01-01 06:00 +24:00", "time zone offset out of range");
        row("days since 2000-01-01 06:00 +05:3", "time zone minutes");
        row("days since 2000-01-01 06:00 +01:00 junk", "end at \"junk\"");
    }
    void badUnits()
    {
        QFETCH(QString, units);
        QFETCH(QString, says);
        const auto parsed = parseTimeUnits(units);
        QVERIFY2(!parsed, qPrintable(units));
        QVERIFY2(parsed.error().toString().contains(says), qPrintable(parsed.error().toString()));
        QVERIFY(!TimeCoder::create(units, QStringLiteral("standard")));
    }

    // The reference date must exist in the calendar.
    void referenceInCalendar_data()
    {
        QTest::addColumn<QString>("units");
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<bool>("ok");
        QTest::addRow("1582 gap") << "days since 1582-10-10"
                                  << "standard" << false;
        QTest::addRow("1582 gap, julian") << "days since 1582-10-10"
                                          << "julian" << true;
        QTest::addRow("1582 gap, proleptic") << "days since 1582-10-10"
                                             << "proleptic_gregorian" << true;
        QTest::addRow("1900-02-29 standard") << "days since 1900-02-29"
                                             << "standard" << false;
        QTest::addRow("1900-02-29 julian") << "days since 1900-02-29"
                                           << "julian" << true;
        QTest::addRow("1500-02-29 standard (Julian there)") << "days since 1500-02-29"
                                                            << "standard" << true;
        QTest::addRow("02-30 noleap") << "days since 2000-02-30"
                                      << "noleap" << false;
        QTest::addRow("02-30 360_day") << "days since 2000-02-30"
                                       << "360_day" << true;
        QTest::addRow("02-29 noleap") << "days since 2000-02-29"
                                      << "noleap" << false;
        QTest::addRow("02-29 all_leap") << "days since 2001-02-29"
                                        << "all_leap" << true;
        QTest::addRow("year 0 standard") << "days since 0-1-1"
                                         << "standard" << false;
        QTest::addRow("year 0 julian") << "days since 0000-01-01"
                                       << "julian" << false;
        QTest::addRow("year 0 proleptic") << "days since 0000-01-01"
                                          << "proleptic_gregorian" << true;
        QTest::addRow("year 0 360_day") << "days since 0-1-1"
                                        << "360_day" << true;
    }
    void referenceInCalendar()
    {
        QFETCH(QString, units);
        QFETCH(QString, calendar);
        QFETCH(bool, ok);
        const auto coder = TimeCoder::create(units, calendar);
        QCOMPARE(bool(coder), ok);
        if (!ok) QVERIFY2(coder.error().where.contains(u"units"), qPrintable(coder.error().toString()));
    }

    void calendars_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("calendar"); // -1: refused
        const std::pair<const char *, int> names[] = {
            {"", int(Calendar::Standard)},
            {"standard", int(Calendar::Standard)},
            {"Gregorian", int(Calendar::Standard)},
            {"PROLEPTIC_GREGORIAN", int(Calendar::ProlepticGregorian)},
            {"noleap", int(Calendar::NoLeap)},
            {"365_day", int(Calendar::NoLeap)},
            {"all_leap", int(Calendar::AllLeap)},
            {"366_Day", int(Calendar::AllLeap)},
            {"360_day", int(Calendar::Day360)},
            {"Julian", int(Calendar::Julian)},
            {"none", -1},
            {"bogus", -1},
            {"360", -1},
            {"no_leap", -1}};
        for (const auto &[name, calendar] : names)
            QTest::addRow("%s", *name ? name : "absent") << QString::fromLatin1(name) << calendar;
    }
    void calendars()
    {
        QFETCH(QString, name);
        QFETCH(int, calendar);
        const auto parsed = parseCalendar(name);
        if (calendar < 0) {
            QVERIFY(!parsed);
            QVERIFY2(parsed.error().what.contains(QStringLiteral("unknown calendar \"%1\"").arg(name)),
                     qPrintable(parsed.error().toString()));
            const auto coder = TimeCoder::create(QStringLiteral("days since 2000-01-01"), name);
            QVERIFY(!coder);
            QVERIFY(coder.error().toString().contains(name));
            return;
        }
        QVERIFY(parsed);
        QCOMPARE(int(*parsed), calendar);
    }

    // Typed date -> value -> date, in every calendar and unit.
    void typedRoundTrip_data()
    {
        QTest::addColumn<QString>("units");
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<QString>("text");
        for (const char *units : {"days since 2000-01-01", "hours since 1850-01-01 12:00 +02:00",
                                  "seconds since 1970-01-01", "microseconds since 2000-01-01"})
            for (const char *cal :
                 {"standard", "proleptic_gregorian", "noleap", "all_leap", "360_day", "julian"})
                for (const char *text : {"2002-06-03", "2002-06-03T12:00", "1999-12-30 23:59:59.25",
                                         "1582-10-04", "1582-10-15T00:01"})
                    QTest::addRow("%s %s %s", units, cal, text) << units << cal << text;
    }
    void typedRoundTrip()
    {
        QFETCH(QString, units);
        QFETCH(QString, calendar);
        QFETCH(QString, text);
        const auto coder = TimeCoder::create(units, calendar);
        QVERIFY(coder);
        const auto value = coder->encode(text);
        QVERIFY2(value, qPrintable(value ? QString() : value.error().toString()));
        const auto back = coder->decode(*value);
        QVERIFY(back);
        // A double holds the value to its last bit: far from the reference, a day count cannot
        // hold a minute to the microsecond. Within that (and cftime's microsecond), it is the date.
        const double ulpNs =
            (std::nextafter(*value, HUGE_VAL) - *value) * double(nanosecondsPer(coder->unit()));
        const DateTime typed = *parseDateTime(text);
        const double apartNs =
            double(dayNumber(back->date(), coder->calendar()) - dayNumber(typed.date(), coder->calendar())) *
                86400e9 +
            double(((back->hour - typed.hour) * 60 + back->minute - typed.minute) * 60 + back->second -
                   typed.second) *
                1e9 +
            double(back->nanosecond - typed.nanosecond);
        QVERIFY2(std::abs(apartNs) <= ulpNs + 1000, qPrintable(show(*back) + QStringLiteral(" for ") + text));
    }

    void typedRefused()
    {
        const auto coder =
            TimeCoder::create(QStringLiteral("days since 2000-01-01"), QStringLiteral("noleap"));
        QVERIFY(coder);
        for (const char *text :
             {"2000-02-29", "2002-06", "2002-06-03T12", "2002-06-03 12:00 +01:00", "yesterday"})
            QVERIFY2(!coder->encode(QString::fromLatin1(text)), text);
        QVERIFY(!coder->decode(std::nan("")));
        QVERIFY(!coder->decode(std::numeric_limits<double>::infinity()));
        QVERIFY(!coder->decode(1e300));
        QVERIFY(!coder->decode(std::numeric_limits<qint64>::max()));
    }

    // One precision for a set: date only when all are midnight, then minutes, seconds, and as
    // many fraction digits as the finest value needs.
    void precision_data()
    {
        QTest::addColumn<QString>("units");
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<QString>("first");
        QTest::addRow("days") << "days since 2002-06-01" << QList<double>{0, 2} << "2002-06-01";
        QTest::addRow("hours") << "hours since 2002-06-01" << QList<double>{0, 12} << "2002-06-01T00:00";
        QTest::addRow("minutes") << "hours since 2002-06-01" << QList<double>{0, 0.25} << "2002-06-01T00:00";
        QTest::addRow("seconds") << "seconds since 2002-06-01" << QList<double>{0, 30}
                                 << "2002-06-01T00:00:00";
        QTest::addRow("tenths") << "seconds since 2002-06-01" << QList<double>{0, 0.5}
                                << "2002-06-01T00:00:00.0";
        QTest::addRow("ms") << "seconds since 2002-06-01" << QList<double>{0, 0.25, 0.125}
                            << "2002-06-01T00:00:00.000";
        QTest::addRow("us") << "microseconds since 2002-06-01" << QList<double>{0, 1}
                            << "2002-06-01T00:00:00.000000";
    }
    void precision()
    {
        QFETCH(QString, units);
        QFETCH(QList<double>, values);
        QFETCH(QString, first);
        const auto coder = TimeCoder::create(units);
        QVERIFY(coder);
        QList<DateTime> decoded;
        for (double v : values)
            decoded << *coder->decode(v);
        const IsoPrecision p = isoPrecisionFor(decoded);
        QCOMPARE(formatIso(decoded.first(), p), first);
        // Every value reads back unchanged from its text.
        for (const DateTime &t : decoded)
            QCOMPARE(show(*parseDateTime(formatIso(t, p))), show(t));
    }

    void datetime64Units()
    {
        QCOMPARE(coarsestDatetime64Unit({}), Datetime64Unit::Second);
        QCOMPARE(coarsestDatetime64Unit({at(2000, 1, 1), at(2000, 1, 1, 0, 0, 1)}), Datetime64Unit::Second);
        QCOMPARE(coarsestDatetime64Unit({at(2000, 1, 1), at(2000, 1, 1, 0, 0, 0, 5'000'000)}),
                 Datetime64Unit::Millisecond);
        QCOMPARE(coarsestDatetime64Unit({at(2000, 1, 1, 0, 0, 0, 1'000)}), Datetime64Unit::Microsecond);
        QCOMPARE(coarsestDatetime64Unit({at(2000, 1, 1, 0, 0, 0, 1), at(2000, 1, 1)}),
                 Datetime64Unit::Nanosecond);
        QCOMPARE(datetime64Code(Datetime64Unit::Microsecond), QStringLiteral("us"));

        QCOMPARE(*toDatetime64(at(1970, 1, 1), Calendar::Standard, Datetime64Unit::Second), 0);
        QVERIFY(
            !toDatetime64(at(1970, 1, 1, 0, 0, 0, 5'000'000), Calendar::Standard, Datetime64Unit::Second));
        QVERIFY(!toDatetime64(at(1582, 10, 4), Calendar::Standard, Datetime64Unit::Second));
        QVERIFY(toDatetime64(at(1582, 10, 15), Calendar::Standard, Datetime64Unit::Second));
        QVERIFY(toDatetime64(at(1582, 10, 4), Calendar::ProlepticGregorian, Datetime64Unit::Second));
        QVERIFY(!toDatetime64(at(2000, 1, 1), Calendar::NoLeap, Datetime64Unit::Second));
        QVERIFY(!toDatetime64(at(2000, 1, 1), Calendar::Julian, Datetime64Unit::Second));
        QVERIFY(!toDatetime64(at(2300, 1, 1), Calendar::Standard, Datetime64Unit::Nanosecond));
        QVERIFY(toDatetime64(at(2300, 1, 1), Calendar::Standard, Datetime64Unit::Microsecond));
    }
};

QTEST_GUILESS_MAIN(TstCfTimeUnits)
#include "tst_cf_time_units.moc"
