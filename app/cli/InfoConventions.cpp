#include "InfoConventions.h"

#include "cf/AttributeValues.h"
#include "cf/ConventionsJson.h"
#include "metadata/JsonNonFinite.h"

using json = nlohmann::ordered_json;

InfoConventions resolveInfoConventions(const OpenedNode &opened)
{
    InfoConventions info;
    info.conventions = zs::cf::resolveConventions(opened.node, zs::cf::storeLookup(opened.store));
    for (const auto &d : info.conventions.dimensions) {
        zs::cf::CoordinateEnds ends{nullptr, nullptr};
        if (d.coordinate) {
            // A coordinate that cannot be read still names the dimension's coordinate; it says why.
            auto read = zs::cf::readCoordinateEnds(opened.store, *d.coordinate);
            if (read)
                ends = *read;
            else
                info.conventions.refused.push_back(
                    {QStringLiteral("coordinate %1").arg(d.name),
                     QStringLiteral("first/last values could not be read: %1").arg(read.error().toString())});
        }
        info.ends.push_back(ends);
    }
    return info;
}

void addConventionsJson(json &details, const InfoConventions &info)
{
    details["dimensions"] = zs::cf::dimensionsJson(info.conventions, info.ends);
    details["cf"] = zs::cf::conventionsJson(info.conventions);
}

static QString valueText(const json &v)
{
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    return QString::fromStdString(zs::dumpJson(v));
}

QString conventionsText(const InfoConventions &info)
{
    const auto &c = info.conventions;
    QString text;
    // One line per dimension: name (size), and its coordinate with units and extent.
    for (std::size_t i = 0; i < c.dimensions.size(); ++i) {
        const auto &d = c.dimensions[i];
        QString line =
            QStringLiteral("%1 (%2)").arg(d.name.isEmpty() ? QStringLiteral("?") : d.name).arg(d.size);
        if (d.coordinate) {
            line += QStringLiteral(" = /%1").arg(d.coordinate->path);
            if (!d.coordinate->units.isEmpty()) line += QStringLiteral(" [%1]").arg(d.coordinate->units);
            line +=
                QStringLiteral(" %1 .. %2").arg(valueText(info.ends[i].first), valueText(info.ends[i].last));
        }
        text += QStringLiteral("%1%2\n").arg(
            i == 0 ? QStringLiteral("dimensions:  ") : QStringLiteral("             "), line);
    }
    QStringList about;
    if (!c.longName.isEmpty()) about << QStringLiteral("long_name \"%1\"").arg(c.longName);
    if (!c.standardName.isEmpty()) about << QStringLiteral("standard_name %1").arg(c.standardName);
    if (!c.units.isEmpty()) about << QStringLiteral("units %1").arg(c.units);
    if (c.values.decodedType && !c.values.time)
        about << QStringLiteral("decoded dtype %1").arg(c.values.decodedType->numpyTypeString());
    if (!about.isEmpty()) text += QStringLiteral("cf:          %1\n").arg(about.join(QStringLiteral(", ")));
    for (const auto &a : c.applied)
        text += QStringLiteral("applied:     %1\n").arg(a.toString());
    for (const auto &r : c.refused)
        text += QStringLiteral("refused:     %1\n").arg(r.toString());
    return text;
}
