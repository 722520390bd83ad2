// `omero` (channels with colour, window and state; rdefs), the `labels` list of a labels group
// and the `image-label` block of a label image.

#include "ome/OmeFields.h"
#include "ome/OmeParts.h"

#include <QRegularExpression>

namespace zs::ome {

using nlohmann::json;

namespace {

Result<std::optional<ChannelWindow>> parseWindow(const Fields &channel)
{
    const json *v = channel.find("window");
    if (!v) return std::optional<ChannelWindow>();
    ZS_TRY(const Fields w, objectAt(*v, channel.pathOf("window")));
    ZS_TRY(const std::optional<double> start, w.optionalNumber("start"));
    ZS_TRY(const std::optional<double> end, w.optionalNumber("end"));
    if (!start || !end) return w.error(QStringLiteral("missing"), start ? "end" : "start");
    ChannelWindow window{*start, *end, {}, {}};
    ZS_TRY(window.min, w.optionalNumber("min"));
    ZS_TRY(window.max, w.optionalNumber("max"));
    return std::optional<ChannelWindow>(window);
}

Result<Channel> parseChannel(const json &v, const QString &where)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{6}$"));
    ZS_TRY(const Fields f, objectAt(v, where));
    Channel c;
    ZS_TRY(c.label, f.optionalText("label"));
    ZS_TRY(c.color, f.optionalText("color"));
    if (!c.color.isEmpty() && !hex.match(c.color).hasMatch())
        return f.error(QStringLiteral("\"%1\" is not six hex digits RRGGBB").arg(c.color), "color");
    ZS_TRY(c.window, parseWindow(f));
    ZS_TRY(c.active, f.optionalBool("active", true));
    ZS_TRY(c.inverted, f.optionalBool("inverted", false));
    return c;
}

Result<int> rgbaComponent(const json &v, const QString &where)
{
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 255)
        return makeError(
            QStringLiteral("holds %1, not an integer 0-255").arg(QString::fromStdString(v.dump())), where);
    return int(v.get<std::int64_t>());
}

Result<LabelColor> parseLabelColor(const json &v, const QString &where)
{
    ZS_TRY(const Fields f, objectAt(v, where));
    ZS_TRY(const std::optional<std::int64_t> value, f.optionalInteger("label-value"));
    if (!value) return f.error(QStringLiteral("missing"), "label-value");
    LabelColor color{*value, {}};
    ZS_TRY(const json *rgba, f.list("rgba"));
    if (rgba->size() != 4) return f.error(QStringLiteral("has %1 numbers, not 4").arg(rgba->size()), "rgba");
    for (std::size_t i = 0; i < 4; ++i) {
        ZS_TRY(color.rgba[i], rgbaComponent((*rgba)[i], f.pathOf("rgba")));
    }
    return color;
}

} // namespace

Result<Omero> parseOmero(const json &block, const QString &where)
{
    ZS_TRY(const Fields f, objectAt(block, where));
    Omero omero;
    ZS_TRY(const json *channels, f.list("channels"));
    for (std::size_t i = 0; i < channels->size(); ++i) {
        ZS_TRY(Channel c, parseChannel((*channels)[i], Fields::itemPath(f.pathOf("channels"), i)));
        omero.channels.push_back(std::move(c));
    }
    if (const json *rdefs = f.find("rdefs")) {
        ZS_TRY(const Fields r, objectAt(*rdefs, f.pathOf("rdefs")));
        ZS_TRY(omero.defaultZ, r.optionalInteger("defaultZ"));
        ZS_TRY(omero.defaultT, r.optionalInteger("defaultT"));
        ZS_TRY(omero.model, r.optionalText("model"));
    }
    return omero;
}

Result<QStringList> parseLabelsList(const json &list, const QString &where)
{
    if (!list.is_array()) return makeError(QStringLiteral("must be a list of label image paths"), where);
    QStringList out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string() || list[i].get<std::string>().empty())
            return makeError(QStringLiteral("must be a path"), Fields::itemPath(where, i));
        out << QString::fromStdString(list[i].get<std::string>());
    }
    return out;
}

Result<ImageLabel> parseImageLabel(const json &block, const QString &where)
{
    ZS_TRY(const Fields f, objectAt(block, where));
    ImageLabel label;
    if (f.has("colors")) {
        ZS_TRY(const json *colors, f.list("colors"));
        for (std::size_t i = 0; i < colors->size(); ++i) {
            ZS_TRY(LabelColor c, parseLabelColor((*colors)[i], Fields::itemPath(f.pathOf("colors"), i)));
            label.colors.push_back(c);
        }
    }
    if (const json *source = f.find("source")) {
        ZS_TRY(const Fields s, objectAt(*source, f.pathOf("source")));
        ZS_TRY(label.sourceImage, s.optionalText("image"));
    }
    return label;
}

} // namespace zs::ome
