#pragma once
// One displayed dimension's coordinate, read and decoded for the Data tab: its values, units and
// time encoding, and the text a value of it shows as (a date for time, "12.50° N" for latitude).
// Axes, sliders and the read-out all name positions through this, so they agree.

#include "cf/CfTime.h"

#include <QString>
#include <optional>
#include <vector>

namespace zs {

struct AxisCoordinate
{
    QString name;  // the coordinate's (dimension's) name
    QString units; // "" when absent
    QString longName;
    std::vector<double> values;        // decoded, NaN where masked; empty when none was read
    std::optional<cf::TimeCoder> time; // for a CF time coordinate ("<unit> since <date>")
    cf::IsoPrecision timePrecision;    // one precision for all its dates, so they line up

    bool present() const { return !values.empty(); }
};

// "lat [degrees_north]", "time" (dates need no unit), or `fallback` (the dimension label)
// when there is no coordinate.
QString axisTitle(const AxisCoordinate &c, const QString &fallback);
// "long_name [units]" for a data variable, or `fallback` when it has neither.
QString valueTitle(const QString &longName, const QString &units, const QString &fallback);

// A value of the coordinate as text: ISO 8601 for time, "12.50° N" / "30.25° W" for latitude and
// longitude units, else the number and its units ("5 m"); "masked" for NaN.
QString coordinateText(const AxisCoordinate &c, double value);
// The same text for the value at `index` (empty beyond the values).
QString coordinateTextAt(const AxisCoordinate &c, std::uint64_t index);
// A latitude/longitude in degrees when `units` says which ("degrees_north" ...), else nullopt;
// zero has no side ("0.00°").
std::optional<QString> degreesText(double value, const QString &units);

// Start and step when the values are evenly spaced (within a millionth of the step), else nullopt.
struct RegularSpacing
{
    double start = 0;
    double step = 1;
};
std::optional<RegularSpacing> regularSpacing(const std::vector<double> &values);

// Whether the values grow with the index (last above first); false for fewer than two.
bool increasesWithIndex(const std::vector<double> &values);

// The index whose value is nearest `value` (ignoring NaN); nullopt when there is none.
std::optional<std::uint64_t> nearestIndex(const std::vector<double> &values, double value);

// What a user typed to jump to: a date for a time coordinate (encoded by its calendar), else a
// number; the nearest index, or an error saying why not.
Result<std::uint64_t> indexForText(const AxisCoordinate &c, const QString &text);

} // namespace zs
