// CF time decoding against the real peers, computed at test time by make_cf_time_table.py:
// cftime.num2date for every calendar over leap days, the 1582 switch, 360_day month ends,
// negative and fractional values and int64 counts beyond 2^53; numpy.datetime64 for the
// epoch counts; xarray's decode_cf_datetime for what xarray makes a datetime64 and what it keeps
// as cftime objects; cftime.date2num for typed dates. The units and calendars we refuse, and the
// text we write, are in tst_cf_time_units (no peer needed).

#include "cf/CfTime.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace zs;
using namespace zs::cf;

namespace {

DateTime fromFields(const QJsonArray &f)
{
    DateTime t;
    t.year = f[0].toInteger();
    t.month = f[1].toInt();
    t.day = f[2].toInt();
    t.hour = f[3].toInt();
    t.minute = f[4].toInt();
    t.second = f[5].toInt();
    t.nanosecond = f[6].toInt() * 1000; // cftime keeps microseconds
    return t;
}

// Microseconds on the calendar's own day count: the distance between two date-times.
qint64 instantUs(const DateTime &t, Calendar c)
{
    return dayNumber(t.date(), c) * 86400'000'000 +
           ((qint64(t.hour) * 60 + t.minute) * 60 + t.second) * 1'000'000 + t.nanosecond / 1000;
}

QString show(const DateTime &t)
{
    return formatIso(t, IsoPrecision{IsoPrecision::Fraction, 9});
}

Result<DateTime> decodeText(const TimeCoder &coder, const QString &kind, const QString &value)
{
    if (kind == u"int") return coder.decode(value.toLongLong());
    return coder.decode(value.toDouble());
}

} // namespace

class TstCfTime : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QJsonObject m_table;

    QJsonArray rows(const char *name) const { return m_table.value(QLatin1String(name)).toArray(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString python = QStringLiteral(ZS_DEBIAN_PYTHON);
        QVERIFY2(!python.isEmpty() && QFileInfo(python).isExecutable(),
                 "Debian's /usr/bin/python3 is required: apt install python3-cftime python3-xarray");
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(python, {QStringLiteral(ZS_SOURCE_DIR "/tests/core/make_cf_time_table.py"), m_dir.path()});
        QVERIFY2(gen.waitForFinished(120000), "make_cf_time_table.py did not finish");
        const QByteArray log = gen.readAll();
        QVERIFY2(gen.exitStatus() == QProcess::NormalExit && gen.exitCode() == 0,
                 qPrintable(QStringLiteral("make_cf_time_table.py failed (apt install python3-cftime "
                                           "python3-xarray):\n") +
                            QString::fromUtf8(log)));
        QFile f(m_dir.filePath(QStringLiteral("cf_time_table.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_table = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(rows("decode").size() > 5000);
        QVERIFY(rows("xarray").size() > 20);
    }

    // Every value as cftime.num2date decodes it: integers exactly; floats to the microsecond
    // (cftime's own float arithmetic may land one microsecond away), then the datetime64 count
    // NumPy gives the same fields, and back again with encode.
    void decodeAsCftime_data()
    {
        QTest::addColumn<QJsonObject>("row");
        for (const QJsonValue v : rows("decode")) {
            const QJsonObject r = v.toObject();
            QTest::addRow("%s %s %s %s", qPrintable(r[u"units"].toString()),
                          qPrintable(r[u"calendar"].toString()), qPrintable(r[u"kind"].toString()),
                          qPrintable(r[u"value"].toString()))
                << r;
        }
    }
    void decodeAsCftime()
    {
        QFETCH(QJsonObject, row);
        const auto coder = TimeCoder::create(row[u"units"].toString(), row[u"calendar"].toString());
        QVERIFY2(coder, qPrintable(coder ? QString() : coder.error().toString()));
        const QString kind = row[u"kind"].toString();
        const QString value = row[u"value"].toString();
        const auto got = decodeText(*coder, kind, value);
        QVERIFY2(got, qPrintable(got ? QString() : got.error().toString()));
        const DateTime expected = fromFields(row[u"expect"].toArray());
        const qint64 distance = instantUs(*got, coder->calendar()) - instantUs(expected, coder->calendar());
        const bool exact = kind == u"int";
        QVERIFY2(exact ? *got == expected : std::abs(distance) <= 1,
                 qPrintable(QStringLiteral("got %1, cftime %2").arg(show(*got), show(expected))));

        if (row.contains(u"numpyUs")) {
            const auto us = toDatetime64(*got, coder->calendar(), Datetime64Unit::Microsecond);
            QVERIFY2(us, qPrintable(us ? QString() : us.error().toString()));
            const qint64 numpy = row[u"numpyUs"].toString().toLongLong();
            QVERIFY2(exact ? *us == numpy : std::abs(*us - numpy) <= 1,
                     qPrintable(QStringLiteral("%1 us, numpy %2").arg(*us).arg(numpy)));
        }
        // encode inverts decode (as a double: exact while the value needs no more than 53 bits).
        const auto back = coder->encode(*got);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        const double v = value.toDouble();
        // (floats decode to the microsecond: back within one microsecond of the unit)
        const double microsecond = 1000.0 / double(nanosecondsPer(coder->unit()));
        QVERIFY2(std::abs(*back - v) <= 1e-9 * std::max(1.0, std::abs(v)) + (exact ? 0 : microsecond),
                 qPrintable(QStringLiteral("encode gave %1 for %2").arg(*back, 0, 'g', 17).arg(value)));
    }

    // What xarray decodes to datetime64[ns] we convert to the same count; where xarray keeps
    // cftime objects for a calendar other than the Gregorian ones, or for Julian dates of the
    // standard calendar, we refuse datetime64 too (the CLI then writes ISO text).
    void datetime64AsXarray_data()
    {
        QTest::addColumn<QJsonObject>("row");
        for (const QJsonValue v : rows("xarray")) {
            const QJsonObject r = v.toObject();
            QTest::addRow("%s %s %s", qPrintable(r[u"units"].toString()),
                          qPrintable(r[u"calendar"].toString()),
                          qPrintable(r[u"values"].toArray().first().toString()))
                << r;
        }
    }
    void datetime64AsXarray()
    {
        QFETCH(QJsonObject, row);
        const auto coder = TimeCoder::create(row[u"units"].toString(), row[u"calendar"].toString());
        QVERIFY(coder);
        const QString kind = row[u"kind"].toString();
        const QJsonArray values = row[u"values"].toArray();
        for (int i = 0; i < values.size(); ++i) {
            const auto t = decodeText(*coder, kind, values[i].toString());
            QVERIFY(t);
            const auto ns = toDatetime64(*t, coder->calendar(), Datetime64Unit::Nanosecond);
            if (row.contains(u"ns")) {
                QVERIFY2(ns, qPrintable(ns ? QString() : ns.error().toString()));
                const qint64 expected = row[u"ns"].toArray()[i].toString().toLongLong();
                // xarray truncates value * 1e9 in float64 to nanoseconds, cftime rounds to microseconds.
                QVERIFY2(kind == u"int" ? *ns == expected : std::abs(*ns - expected) < 1000,
                         qPrintable(QStringLiteral("%1 ns, xarray %2").arg(*ns).arg(expected)));
                continue;
            }
            const DateTime object = fromFields(row[u"objects"].toArray()[i].toArray());
            QCOMPARE(show(*t), show(object));
            const bool gregorian = coder->calendar() == Calendar::ProlepticGregorian ||
                                   (coder->calendar() == Calendar::Standard &&
                                    dayNumber(t->date(), Calendar::Standard) >=
                                        dayNumber(Date{1582, 10, 15}, Calendar::Standard));
            // Gregorian dates xarray keeps as objects only for datetime64[ns]'s range (1678-2262);
            // we write them in a coarser unit instead.
            QCOMPARE(bool(ns) || bool(toDatetime64(*t, coder->calendar(), Datetime64Unit::Second)),
                     gregorian);
        }
    }

    // Typed dates to values as cftime.date2num gives them, and back.
    void encodeAsCftime_data()
    {
        QTest::addColumn<QJsonObject>("row");
        for (const QJsonValue v : rows("encode")) {
            const QJsonObject r = v.toObject();
            QTest::addRow("%s %s %s", qPrintable(r[u"units"].toString()),
                          qPrintable(r[u"calendar"].toString()), qPrintable(r[u"text"].toString()))
                << r;
        }
    }
    void encodeAsCftime()
    {
        QFETCH(QJsonObject, row);
        const auto coder = TimeCoder::create(row[u"units"].toString(), row[u"calendar"].toString());
        QVERIFY(coder);
        const QString text = row[u"text"].toString();
        const auto value = coder->encode(text);
        if (row[u"refused"].toBool()) {
            QVERIFY2(!value,
                     qPrintable(QStringLiteral("%1 accepted as %2").arg(text).arg(value ? *value : 0)));
            return;
        }
        QVERIFY2(value, qPrintable(value ? QString() : value.error().toString()));
        const double expected = row[u"value"].toString().toDouble();
        QVERIFY2(
            std::abs(*value - expected) <= 1e-9 * std::max(1.0, std::abs(expected)),
            qPrintable(QStringLiteral("%1, cftime %2").arg(*value, 0, 'g', 17).arg(expected, 0, 'g', 17)));
        const auto round = coder->decode(*value);
        QVERIFY(round);
        const auto typed = parseDateTime(text);
        QVERIFY(typed);
        QCOMPARE(show(*round), show(*typed));
    }

    // cftime's isoformat at seconds and microseconds.
    void isoAsCftime_data()
    {
        QTest::addColumn<QJsonObject>("row");
        for (const QJsonValue v : rows("iso")) {
            const QJsonObject r = v.toObject();
            QTest::addRow("%s %s", qPrintable(r[u"calendar"].toString()), qPrintable(r[u"value"].toString()))
                << r;
        }
    }
    void isoAsCftime()
    {
        QFETCH(QJsonObject, row);
        const DateTime t = fromFields(row[u"expect"].toArray());
        QCOMPARE(formatIso(t, IsoPrecision{IsoPrecision::Second, 0}), row[u"seconds"].toString());
        QCOMPARE(formatIso(t, IsoPrecision{IsoPrecision::Fraction, 6}), row[u"microseconds"].toString());
    }
};

QTEST_GUILESS_MAIN(TstCfTime)
#include "tst_cf_time.moc"
