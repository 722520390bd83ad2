#include "cf/MissingValues.h"

#include "cf/AttributeValues.h"
#include "cf/StoredElement.h"
#include "codec/ElementCast.h"

#include <QByteArray>
#include <algorithm>
#include <cmath>

namespace zs::cf {

// The Zarr fill_value as a number; nullopt when there is none (v2 null) or it is not a number.
static std::optional<double> zarrFillValue(const ArrayMetadata &a)
{
    if (a.fillJson.is_null() || a.fill.size() != qsizetype(a.dtype.size)) return std::nullopt;
    return elementAsDouble(a.fill.constData(), a.dtype);
}

static void addDistinct(std::vector<double> &values, double v)
{
    if (std::isnan(v)) return; // NaN never compares equal; stored NaN stays NaN
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
}

MissingValues resolveMissingValues(const NodeMetadata &array, Decisions &applied, Decisions &refused)
{
    MissingValues m;
    if (!array.array) return m;
    const auto &attrs = array.attributes;
    const DataType &dtype = array.array->dtype;
    if (!elements::isPlainNumber(dtype, true)) return m; // strings, complex, dates: nothing to mask here

    QString problem;
    const auto fillAttr = numbersAttribute(attrs, "_FillValue", &problem);
    if (!problem.isEmpty()) refused.push_back({QStringLiteral("_FillValue"), problem});
    // Zarr v3 requires a fill_value (0 by default for integers), so xarray (since it reads v3: its
    // use_zarr_fill_value_as_mask defaults to False there) masks only the _FillValue attribute in v3.
    const bool v3 = array.array->zarrFormat == 3;
    const auto zarrFill = v3 ? std::nullopt : zarrFillValue(*array.array);
    const auto v3Fill = v3 ? zarrFillValue(*array.array) : std::nullopt;
    if (v3Fill && !fillAttr && !std::isnan(*v3Fill))
        refused.push_back({QStringLiteral("fill_value"),
                           QStringLiteral("Zarr v3 fill_value %1 is not a missing value (v3 requires one; "
                                          "xarray masks only a _FillValue attribute in v3)")
                               .arg(numbersText({*v3Fill}))});
    if (zarrFill) {
        // xarray's Zarr backend sets _FillValue from the array's fill_value, over any attribute.
        addDistinct(m.fillValues, *zarrFill);
        applied.push_back({QStringLiteral("fill_value"),
                           QStringLiteral("Zarr fill_value %1 is _FillValue (as xarray reads it)")
                               .arg(numbersText({*zarrFill}))});
        if (fillAttr && !(fillAttr->size() == 1 && fillAttr->front() == *zarrFill))
            refused.push_back({QStringLiteral("_FillValue"),
                               QStringLiteral("attribute %1 ignored: the Zarr fill_value %2 is _FillValue")
                                   .arg(numbersText(*fillAttr), numbersText({*zarrFill}))});
    } else if (fillAttr) {
        for (double v : *fillAttr)
            addDistinct(m.fillValues, v);
        applied.push_back(
            {QStringLiteral("_FillValue"), QStringLiteral("%1 masked").arg(numbersText(*fillAttr))});
    }
    problem.clear();
    if (const auto mv = numbersAttribute(attrs, "missing_value", &problem)) {
        for (double v : *mv)
            addDistinct(m.fillValues, v);
        applied.push_back(
            {QStringLiteral("missing_value"), QStringLiteral("%1 masked").arg(numbersText(*mv))});
    }
    if (!problem.isEmpty()) refused.push_back({QStringLiteral("missing_value"), problem});

    problem.clear();
    if (const auto range = numbersAttribute(attrs, "valid_range", &problem)) {
        if (range->size() == 2) {
            m.validMin = (*range)[0];
            m.validMax = (*range)[1];
        } else {
            refused.push_back(
                {QStringLiteral("valid_range"), QStringLiteral("%1 values, not two").arg(range->size())});
        }
    }
    if (!problem.isEmpty()) refused.push_back({QStringLiteral("valid_range"), problem});
    // valid_min/valid_max fill the sides valid_range did not give.
    const auto side = [&](const char *name, std::optional<double> &slot) {
        problem.clear();
        const auto v = numbersAttribute(attrs, name, &problem);
        if (!problem.isEmpty()) refused.push_back({QString::fromLatin1(name), problem});
        if (v && v->size() == 1 && !slot) slot = v->front();
    };
    side("valid_min", m.validMin);
    side("valid_max", m.validMax);
    if (m.hasValidRange()) {
        const QString lower = m.validMin ? numbersText({*m.validMin}) : QStringLiteral("-inf");
        const QString upper = m.validMax ? numbersText({*m.validMax}) : QStringLiteral("inf");
        applied.push_back({QStringLiteral("valid_range"),
                           QStringLiteral("stored values outside [%1, %2] masked (CF, as netCDF-Java and "
                                          "netCDF4-python; xarray 2023.01 does not)")
                               .arg(lower, upper)});
    }
    return m;
}

} // namespace zs::cf
