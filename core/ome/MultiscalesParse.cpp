// `multiscales`: axes (objects since 0.4, names in 0.3, implied t,c,z,y,x before), datasets with
// their coordinate transformations (since 0.4), and the transformation of the whole entry.

#include "ome/OmeFields.h"
#include "ome/OmeParts.h"

#include <QSet>

namespace zs::ome {

using nlohmann::json;

namespace {

// The type a standard axis name implies, for versions (0.1-0.3) that only give names.
QString impliedType(const QString &name)
{
    if (name == QLatin1String("t")) return QStringLiteral("time");
    if (name == QLatin1String("c")) return QStringLiteral("channel");
    if (name == QLatin1String("x") || name == QLatin1String("y") || name == QLatin1String("z"))
        return QStringLiteral("space");
    return {};
}

Result<Axis> parseAxis(const json &v, const QString &where)
{
    if (v.is_string()) { // 0.3, and writers that kept its form
        const QString name = QString::fromStdString(v.get<std::string>());
        return Axis{name, impliedType(name), {}};
    }
    ZS_TRY(const Fields f, objectAt(v, where));
    ZS_TRY(QString name, f.text("name"));
    if (name.isEmpty()) return f.error(QStringLiteral("is empty"), "name");
    ZS_TRY(QString type, f.optionalText("type"));
    ZS_TRY(QString unit, f.optionalText("unit"));
    return Axis{std::move(name), std::move(type), std::move(unit)};
}

Status checkAxes(const std::vector<Axis> &axes, const QString &where)
{
    if (axes.size() < 2 || axes.size() > 5)
        return makeError(QStringLiteral("has %1 entries; an image has 2 to 5 axes").arg(axes.size()), where);
    QSet<QString> names;
    int space = 0, time = 0, channel = 0;
    for (const Axis &a : axes) {
        if (names.contains(a.name))
            return makeError(QStringLiteral("names axis \"%1\" twice").arg(a.name), where);
        names.insert(a.name);
        space += a.type == QLatin1String("space");
        time += a.type == QLatin1String("time");
        channel += a.type == QLatin1String("channel");
    }
    if (time > 1 || channel > 1)
        return makeError(
            QStringLiteral("has %1 time and %2 channel axes; at most one of each").arg(time).arg(channel),
            where);
    if (space > 0 && (space < 2 || space > 3))
        return makeError(QStringLiteral("has %1 space axes; an image has 2 or 3").arg(space), where);
    return Ok{};
}

Result<std::vector<Axis>> parseAxes(const Fields &entry, const QString &version)
{
    if (minorVersion(version) <= 2 && !entry.has("axes")) { // 0.1, 0.2: always 5-D
        std::vector<Axis> axes;
        for (const char *name : {"t", "c", "z", "y", "x"})
            axes.push_back(Axis{QString::fromLatin1(name), impliedType(QString::fromLatin1(name)), {}});
        return axes;
    }
    ZS_TRY(const json *list, entry.list("axes", true));
    std::vector<Axis> axes;
    axes.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        ZS_TRY(Axis axis, parseAxis((*list)[i], Fields::itemPath(entry.pathOf("axes"), i)));
        axes.push_back(std::move(axis));
    }
    ZS_CHECK(checkAxes(axes, entry.pathOf("axes")));
    return axes;
}

// One scale first, then at most one translation, each with one number per axis.
Result<Transform> parseTransforms(const json &list, const QString &where, std::size_t axisCount)
{
    if (!list.is_array() || list.empty())
        return makeError(QStringLiteral("must be a list holding a scale"), where);
    Transform out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        ZS_TRY(const Fields t, objectAt(list[i], Fields::itemPath(where, i)));
        ZS_TRY(const QString type, t.text("type"));
        if (type != QLatin1String("scale") && type != QLatin1String("translation"))
            return t.error(QStringLiteral("\"%1\" is not a scale or a translation").arg(type), "type");
        if (t.has("path") && !t.has(type.toLatin1().constData()))
            return t.error(QStringLiteral("a %1 kept in a file is not supported").arg(type), "path");
        if (type == QLatin1String("scale")) {
            if (i != 0) return t.error(QStringLiteral("the scale must come first, and only once"), "type");
            ZS_TRY(out.scale, t.numbers("scale"));
            for (double s : out.scale)
                if (s <= 0)
                    return t.error(QStringLiteral("holds %1; a scale must be positive").arg(s), "scale");
            if (out.scale.size() != axisCount)
                return t.error(
                    QStringLiteral("has %1 numbers for %2 axes").arg(out.scale.size()).arg(axisCount),
                    "scale");
        } else {
            if (i == 0) return t.error(QStringLiteral("a translation before the scale"), "type");
            if (out.translation) return t.error(QStringLiteral("a second translation"), "type");
            ZS_TRY(std::vector<double> translation, t.numbers("translation"));
            if (translation.size() != axisCount)
                return t.error(
                    QStringLiteral("has %1 numbers for %2 axes").arg(translation.size()).arg(axisCount),
                    "translation");
            out.translation = std::move(translation);
        }
    }
    return out;
}

Result<Level> parseLevel(const json &v, const QString &where, const QString &version, std::size_t axisCount)
{
    ZS_TRY(const Fields f, objectAt(v, where));
    ZS_TRY(QString path, f.text("path"));
    if (path.isEmpty()) return f.error(QStringLiteral("is empty"), "path");
    Level level{std::move(path), {}};
    if (minorVersion(version) <= 3 && !f.has("coordinateTransformations")) {
        level.transform.scale.assign(axisCount, 1.0); // before 0.4: index units
        return level;
    }
    const json *transforms = f.find("coordinateTransformations");
    if (!transforms) return f.error(QStringLiteral("missing"), "coordinateTransformations");
    ZS_TRY(level.transform, parseTransforms(*transforms, f.pathOf("coordinateTransformations"), axisCount));
    return level;
}

Result<Multiscale> parseEntry(const json &v, const QString &where, const QString &version)
{
    ZS_TRY(const Fields f, objectAt(v, where));
    Multiscale m;
    ZS_TRY(m.name, f.optionalText("name"));
    ZS_TRY(m.type, f.optionalText("type"));
    ZS_TRY(m.axes, parseAxes(f, version));
    ZS_TRY(const json *datasets, f.list("datasets", true));
    for (std::size_t i = 0; i < datasets->size(); ++i) {
        ZS_TRY(Level level,
               parseLevel((*datasets)[i], Fields::itemPath(f.pathOf("datasets"), i), version, m.axes.size()));
        m.levels.push_back(std::move(level));
    }
    if (const json *transforms = f.find("coordinateTransformations")) {
        ZS_TRY(Transform t,
               parseTransforms(*transforms, f.pathOf("coordinateTransformations"), m.axes.size()));
        m.transform = std::move(t);
    }
    return m;
}

} // namespace

Result<std::vector<Multiscale>> parseMultiscales(const json &list, const QString &where,
                                                 const QString &version)
{
    if (!list.is_array() || list.empty()) return makeError(QStringLiteral("must be a non-empty list"), where);
    std::vector<Multiscale> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        ZS_TRY(Multiscale m, parseEntry(list[i], Fields::itemPath(where, i), version));
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace zs::ome
