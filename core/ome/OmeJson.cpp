#include "ome/OmeJson.h"

namespace zs::ome {

using nlohmann::ordered_json;

namespace {

ordered_json textOrNull(const QString &text)
{
    return text.isEmpty() ? ordered_json() : ordered_json(text.toStdString());
}

ordered_json stringList(const QStringList &list)
{
    ordered_json out = ordered_json::array();
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

template <typename T> ordered_json optionalJson(const std::optional<T> &v)
{
    return v ? ordered_json(*v) : ordered_json();
}

ordered_json axesJson(const std::vector<Axis> &axes)
{
    ordered_json out = ordered_json::array();
    for (const Axis &a : axes)
        out.push_back(
            {{"name", a.name.toStdString()}, {"type", textOrNull(a.type)}, {"unit", textOrNull(a.unit)}});
    return out;
}

ordered_json levelsJson(const Multiscale &m, const OmeImage *image)
{
    ordered_json out = ordered_json::array();
    for (std::size_t i = 0; i < m.levels.size(); ++i) {
        const Level &l = m.levels[i];
        ordered_json level = {{"path", l.path.toStdString()}};
        level["shape"] = image ? ordered_json(image->levels[i].array().shape) : ordered_json();
        level["scale"] = l.transform.scale;
        level["translation"] = optionalJson(l.transform.translation);
        out.push_back(std::move(level));
    }
    return out;
}

ordered_json channelsJson(const std::optional<Omero> &omero)
{
    ordered_json out = ordered_json::array();
    if (!omero) return out;
    for (const Channel &c : omero->channels) {
        ordered_json window;
        if (c.window)
            window = {{"start", c.window->start},
                      {"end", c.window->end},
                      {"min", optionalJson(c.window->min)},
                      {"max", optionalJson(c.window->max)}};
        out.push_back({{"label", c.label.toStdString()},
                       {"color", textOrNull(c.color)},
                       {"window", window},
                       {"active", c.active},
                       {"inverted", c.inverted}});
    }
    return out;
}

ordered_json plateJson(const Plate &p)
{
    ordered_json wells = ordered_json::array();
    for (const PlateWell &w : p.wells)
        wells.push_back({{"path", w.path.toStdString()}, {"row", w.row}, {"column", w.column}});
    ordered_json acquisitions = ordered_json::array();
    for (const Acquisition &a : p.acquisitions)
        acquisitions.push_back({{"id", a.id},
                                {"name", a.name.toStdString()},
                                {"maximum_field_count", optionalJson(a.maximumFieldCount)}});
    return {{"name", p.name.toStdString()},     {"rows", stringList(p.rows)},
            {"columns", stringList(p.columns)}, {"wells", wells},
            {"acquisitions", acquisitions},     {"field_count", optionalJson(p.fieldCount)}};
}

ordered_json wellJson(const Well &w)
{
    ordered_json images = ordered_json::array();
    for (const WellImage &i : w.images)
        images.push_back({{"path", i.path.toStdString()}, {"acquisition", optionalJson(i.acquisition)}});
    return {{"images", images}};
}

ordered_json imageLabelJson(const ImageLabel &label)
{
    ordered_json colors = ordered_json::array();
    for (const LabelColor &c : label.colors)
        colors.push_back({{"label_value", c.value}, {"rgba", c.rgba}});
    return {{"colors", colors}, {"source", textOrNull(label.sourceImage)}};
}

} // namespace

ordered_json omeJson(const OmeGroup &group, const OmeImage *image)
{
    // Every kind carries every key, so a reader can look at one without asking the kind first.
    ordered_json out = {{"version", group.version.toStdString()},
                        {"kind", kindName(group.kind).toStdString()},
                        {"name", nullptr},
                        {"axes", ordered_json::array()},
                        {"levels", ordered_json::array()},
                        {"transform", nullptr},
                        {"channels", channelsJson(group.omero)},
                        {"labels", stringList(group.labels)},
                        {"image_label", nullptr},
                        {"plate", group.plate ? plateJson(*group.plate) : ordered_json()},
                        {"well", group.well ? wellJson(*group.well) : ordered_json()}};
    if (group.kind != OmeGroup::Kind::Multiscales) return out;
    const Multiscale &m = group.multiscales.front();
    out["name"] = textOrNull(m.name);
    out["axes"] = axesJson(m.axes);
    out["levels"] = levelsJson(m, image);
    if (m.transform)
        out["transform"] = {{"scale", m.transform->scale},
                            {"translation", optionalJson(m.transform->translation)}};
    if (group.omero)
        out["rdefs"] = {{"defaultZ", optionalJson(group.omero->defaultZ)},
                        {"defaultT", optionalJson(group.omero->defaultT)},
                        {"model", textOrNull(group.omero->model)}};
    if (image) out["labels"] = stringList(image->labels);
    if (image && !image->labelsProblem.isEmpty()) out["labels_error"] = image->labelsProblem.toStdString();
    if (group.imageLabel) out["image_label"] = imageLabelJson(*group.imageLabel);
    out["multiscales_count"] = group.multiscales.size();
    return out;
}

} // namespace zs::ome
