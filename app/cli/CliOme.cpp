#include "CliOme.h"

#include "ome/OmeJson.h"
#include "ome/OmeParse.h"
#include "util/ShapeText.h"

namespace {

QString nameOf(const zs::NodeMetadata &node)
{
    return node.path.section(u'/', -1);
}

QString shown(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("/") : path;
}

QString numbers(const std::vector<double> &values)
{
    QStringList parts;
    for (double v : values)
        parts << QString::number(v, 'g', 10);
    return u'[' + parts.join(QStringLiteral(", ")) + u']';
}

} // namespace

zs::Result<CliOme> resolveCliOme(zs::Store &store, const zs::NodeMetadata &node)
{
    CliOme out;
    if (node.isArray()) return out; // OME metadata lives on groups
    auto group = zs::ome::parseOmeGroup(node.attributes, nameOf(node));
    if (!group) return group.error().at(shown(node.path));
    out.group = std::move(*group);
    if (out.group && out.group->kind == zs::ome::OmeGroup::Kind::Multiscales) {
        ZS_TRY(zs::ome::OmeImage image, zs::ome::openOmeImage(store, node.path, *out.group));
        out.image = std::move(image);
    }
    return out;
}

nlohmann::ordered_json cliOmeJson(const CliOme &ome)
{
    if (!ome.group) return nullptr;
    return zs::ome::omeJson(*ome.group, ome.image ? &*ome.image : nullptr);
}

QString cliOmeText(const CliOme &ome)
{
    if (!ome.group) return {};
    const zs::ome::OmeGroup &g = *ome.group;
    QString text = QStringLiteral("ome:         OME-Zarr %1 %2\n").arg(g.version, zs::ome::kindName(g.kind));
    if (ome.image) {
        QStringList axes;
        for (const auto &a : ome.image->axes())
            axes << (a.unit.isEmpty() ? a.name : QStringLiteral("%1 [%2]").arg(a.name, a.unit));
        text += QStringLiteral("axes:        %1\n").arg(axes.join(QStringLiteral(", ")));
        for (const auto &level : ome.image->levels) {
            text +=
                QStringLiteral("level:       %1 %2 scale %3\n")
                    .arg(level.path(), zs::shapeText(level.array().shape), numbers(level.transform.scale));
        }
    }
    if (g.omero)
        for (const auto &c : g.omero->channels)
            text += QStringLiteral("channel:     %1 #%2%3\n")
                        .arg(c.label.isEmpty() ? QStringLiteral("(no label)") : c.label, c.color,
                             c.active ? QString() : QStringLiteral(" (inactive)"));
    const QStringList labels = ome.image ? ome.image->labels : g.labels;
    if (!labels.isEmpty()) text += QStringLiteral("labels:      %1\n").arg(labels.join(QStringLiteral(", ")));
    if (g.plate)
        text += QStringLiteral("plate:       %1 rows x %2 columns, %3 wells\n")
                    .arg(g.plate->rows.size())
                    .arg(g.plate->columns.size())
                    .arg(g.plate->wells.size());
    if (g.well) text += QStringLiteral("well:        %1 fields\n").arg(g.well->images.size());
    return text;
}

void addOmeMark(nlohmann::ordered_json &row, const zs::NodeMetadata &node)
{
    if (node.isArray()) return;
    const auto group = zs::ome::parseOmeGroup(node.attributes, nameOf(node));
    if (!group)
        row["ome_error"] = group.error().toString().toStdString();
    else if (*group)
        row["ome"] = zs::ome::kindName((*group)->kind).toStdString();
}

zs::Result<zs::NodeMetadata> omeLevel(zs::Store &store, const zs::NodeMetadata &node, int level)
{
    ZS_TRY(const CliOme ome, resolveCliOme(store, node));
    if (!ome.image)
        return zs::makeError(QStringLiteral("--level needs a multiscale image (OME-Zarr multiscales)"),
                             shown(node.path));
    if (level < 0 || std::size_t(level) >= ome.image->levels.size())
        return zs::makeError(QStringLiteral("no level %1: the image has levels 0-%2")
                                 .arg(level)
                                 .arg(ome.image->levels.size() - 1),
                             shown(node.path));
    return ome.image->levels[std::size_t(level)].node;
}
