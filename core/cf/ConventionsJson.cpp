#include "cf/ConventionsJson.h"

namespace zs::cf {

using ojson = nlohmann::ordered_json;

static ojson textOrNull(const QString &s)
{
    return s.isEmpty() ? ojson(nullptr) : ojson(s.toStdString());
}

static ojson numberOrNull(const std::optional<double> &v)
{
    return v ? ojson(*v) : ojson(nullptr);
}

static ojson numbers(const std::vector<double> &values)
{
    ojson out = ojson::array();
    for (double v : values)
        out.push_back(v);
    return out;
}

static ojson texts(const QStringList &list)
{
    ojson out = ojson::array();
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

static ojson decisions(const Decisions &list)
{
    ojson out = ojson::array();
    for (const Decision &d : list)
        out.push_back(d.toString().toStdString());
    return out;
}

ojson conventionsJson(const Conventions &c)
{
    const ValueConventions &v = c.values;
    ojson aux = ojson::array();
    for (const Coordinate &a : c.auxiliaryCoordinates)
        aux.push_back({{"name", a.name.toStdString()},
                       {"path", a.path.toStdString()},
                       {"dimensions", texts(a.dimensions)},
                       {"units", textOrNull(a.units)},
                       {"long_name", textOrNull(a.longName)},
                       {"standard_name", textOrNull(a.standardName)}});
    ojson validRange = nullptr;
    if (v.missing.hasValidRange())
        validRange = ojson::array({numberOrNull(v.missing.validMin), numberOrNull(v.missing.validMax)});
    ojson out;
    out["units"] = textOrNull(c.units);
    out["long_name"] = textOrNull(c.longName);
    out["standard_name"] = textOrNull(c.standardName);
    out["scale_factor"] = numberOrNull(v.packing.scaleFactor);
    out["add_offset"] = numberOrNull(v.packing.addOffset);
    out["fill_values"] = v.decodes() ? numbers(v.missing.fillValues) : ojson::array();
    out["valid_range"] = validRange;
    out["calendar"] = v.time ? textOrNull(v.time->calendar) : ojson(nullptr);
    out["time_units"] = v.time ? textOrNull(v.time->units) : ojson(nullptr);
    out["auxiliary_coordinates"] = aux;
    out["flag_values"] = v.flags ? numbers(v.flags->values) : ojson::array();
    out["flag_masks"] = v.flags ? numbers(v.flags->masks) : ojson::array();
    out["flag_meanings"] = v.flags ? texts(v.flags->meanings) : ojson::array();
    // What `get --decode` writes; null while it writes the stored values, and for times, whose
    // datetime64 unit (or ISO text width) depends on the values read.
    out["decoded_dtype"] =
        v.decodedType && !v.time ? ojson(v.decodedType->numpyTypeString().toStdString()) : ojson(nullptr);
    out["applied"] = decisions(c.applied);
    out["refused"] = decisions(c.refused);
    return out;
}

ojson dimensionsJson(const Conventions &c, const std::vector<CoordinateEnds> &ends)
{
    ojson out = ojson::array();
    for (std::size_t i = 0; i < c.dimensions.size(); ++i) {
        const Dimension &d = c.dimensions[i];
        const Coordinate *k = d.coordinate ? &*d.coordinate : nullptr;
        ojson row;
        row["name"] = textOrNull(d.name);
        row["size"] = d.size;
        row["coordinate"] = k ? ojson(k->path.toStdString()) : ojson(nullptr);
        row["units"] = k ? textOrNull(k->units) : ojson(nullptr);
        row["first"] = i < ends.size() ? ends[i].first : ojson(nullptr);
        row["last"] = i < ends.size() ? ends[i].last : ojson(nullptr);
        row["long_name"] = k ? textOrNull(k->longName) : ojson(nullptr);
        row["standard_name"] = k ? textOrNull(k->standardName) : ojson(nullptr);
        row["axis"] = k ? textOrNull(k->axis) : ojson(nullptr);
        row["positive"] = k ? textOrNull(k->positive) : ojson(nullptr);
        out.push_back(row);
    }
    return out;
}

} // namespace zs::cf
