#include "CoordinateTicker.h"

#include <cmath>

namespace zs {

// A tick's text: the units are in the axis title, so only degrees keep their N/S/E/W.
static QString tickText(const AxisCoordinate &c, double value)
{
    if (c.time || std::isnan(value)) return coordinateText(c, value);
    if (auto degrees = degreesText(value, c.units))
        return degrees->replace(QStringLiteral(".00°"), QStringLiteral("°"));
    return QString::number(value, 'g', 6);
}

CoordinateTicker::CoordinateTicker(AxisCoordinate coordinate) : m_coordinate(std::move(coordinate))
{
    if (!m_coordinate.time) m_regular = regularSpacing(m_coordinate.values);
    setTickCount(m_coordinate.time ? 4 : 6); // dates are long labels
}

void CoordinateTicker::generate(const QCPRange &range, const QLocale &locale, QChar formatChar, int precision,
                                QVector<double> &ticks, QVector<double> *subTicks,
                                QVector<QString> *tickLabels)
{
    if (m_regular)
        generateRegular(range, locale, formatChar, precision, ticks, tickLabels);
    else
        generateAtIndices(range, ticks, tickLabels);
    if (subTicks) subTicks->clear();
}

// Round values of the coordinate, at the index position each has: (value - start) / step.
void CoordinateTicker::generateRegular(const QCPRange &range, const QLocale &locale, QChar formatChar,
                                       int precision, QVector<double> &ticks, QVector<QString> *tickLabels)
{
    const RegularSpacing s = *m_regular;
    const double a = s.start + range.lower * s.step, b = s.start + range.upper * s.step;
    const QCPRange values(std::min(a, b), std::max(a, b));
    const double step = getTickStep(values); // the base class's "nice" step, in coordinate units
    ticks.clear();
    if (tickLabels) tickLabels->clear();
    if (!(step > 0)) return;
    for (double k = std::ceil(values.lower / step); k * step <= values.upper; k += 1) {
        double value = k * step;
        if (std::abs(value) < step * 1e-9) value = 0; // no "-0" or "1e-17"
        ticks << (value - s.start) / s.step;
        if (tickLabels) {
            // Round ticks need no two decimals: "30° E", not "30.00° E".
            const auto degrees = degreesText(value, m_coordinate.units);
            *tickLabels << (degrees ? tickText(m_coordinate, value)
                                    : QCPAxisTicker::getTickLabel(value, locale, formatChar, precision));
        }
    }
    if (s.step < 0) { // ascending index positions, as QCustomPlot expects
        std::reverse(ticks.begin(), ticks.end());
        if (tickLabels) std::reverse(tickLabels->begin(), tickLabels->end());
    }
}

// Whole index positions at a nice index step (at least one cell), labelled with their values.
void CoordinateTicker::generateAtIndices(const QCPRange &range, QVector<double> &ticks,
                                         QVector<QString> *tickLabels)
{
    ticks.clear();
    if (tickLabels) tickLabels->clear();
    const double n = double(m_coordinate.values.size());
    const double step = std::max(1.0, std::ceil(getTickStep(range)));
    const double first = std::max(0.0, std::ceil(range.lower / step) * step);
    for (double i = first; i <= range.upper && i < n; i += step) {
        ticks << i;
        if (tickLabels) *tickLabels << tickText(m_coordinate, m_coordinate.values[std::size_t(i)]);
    }
}

} // namespace zs
