#include "AxisCoordinate.h"

#include <QLocale>
#include <cmath>

namespace zs {

QString axisTitle(const AxisCoordinate &c, const QString &fallback)
{
    if (!c.present()) return fallback;
    if (c.time || c.units.isEmpty()) return c.name;
    return QStringLiteral("%1 [%2]").arg(c.name, c.units);
}

QString valueTitle(const QString &longName, const QString &units, const QString &fallback)
{
    const QString name = longName.isEmpty() ? fallback : longName;
    return units.isEmpty() ? name : QStringLiteral("%1 [%2]").arg(name, units);
}

std::optional<QString> degreesText(double value, const QString &units)
{
    // CF 1.10 4.1 and 4.2: the unit spellings of latitude and longitude.
    const QString u = units.toLower();
    QChar positive, negative;
    if (u == u"degrees_north" || u == u"degree_north" || u == u"degree_n" || u == u"degrees_n" ||
        u == u"degreen" || u == u"degreesn") {
        positive = u'N';
        negative = u'S';
    } else if (u == u"degrees_east" || u == u"degree_east" || u == u"degree_e" || u == u"degrees_e" ||
               u == u"degreee" || u == u"degreese") {
        positive = u'E';
        negative = u'W';
    } else {
        return std::nullopt;
    }
    const QString number = QString::number(std::abs(value), 'f', 2);
    if (number == u"0.00") return QStringLiteral("0.00°"); // the equator and the prime meridian have no side
    return QStringLiteral("%1° %2").arg(number).arg(value < 0 ? negative : positive);
}

QString coordinateText(const AxisCoordinate &c, double value)
{
    if (std::isnan(value)) return QStringLiteral("masked");
    if (c.time) {
        auto date = c.time->decode(value);
        if (date) return cf::formatIso(*date, c.timePrecision);
        return QString::number(value, 'g', 10);
    }
    if (auto degrees = degreesText(value, c.units)) return *degrees;
    const QString number = QString::number(value, 'g', 8);
    return c.units.isEmpty() ? number : number + u' ' + c.units;
}

QString coordinateTextAt(const AxisCoordinate &c, std::uint64_t index)
{
    return index < c.values.size() ? coordinateText(c, c.values[std::size_t(index)]) : QString();
}

std::optional<RegularSpacing> regularSpacing(const std::vector<double> &values)
{
    if (values.size() < 2) return std::nullopt;
    const double start = values.front();
    const double step = (values.back() - start) / double(values.size() - 1);
    if (!std::isfinite(step) || step == 0) return std::nullopt;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!(std::abs(values[i] - (start + double(i) * step)) <= 1e-6 * std::abs(step))) return std::nullopt;
    }
    return RegularSpacing{start, step};
}

bool increasesWithIndex(const std::vector<double> &values)
{
    return values.size() >= 2 && values.back() > values.front();
}

std::optional<std::uint64_t> nearestIndex(const std::vector<double> &values, double value)
{
    std::optional<std::uint64_t> best;
    double bestDistance = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double d = std::abs(values[i] - value);
        if (std::isnan(d)) continue;
        if (!best || d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

Result<std::uint64_t> indexForText(const AxisCoordinate &c, const QString &text)
{
    const QString t = text.trimmed();
    double value = 0;
    if (c.time) {
        auto encoded = c.time->encode(t);
        if (!encoded) return encoded.error();
        value = *encoded;
    } else {
        bool ok = false;
        value = QLocale::c().toDouble(t.section(u' ', 0, 0), &ok);
        if (!ok) return makeError(QStringLiteral("“%1” is not a number").arg(t));
    }
    auto index = nearestIndex(c.values, value);
    if (!index) return makeError(QStringLiteral("%1 has no values to jump to").arg(c.name));
    return *index;
}

} // namespace zs
