#include "ome/OmeTreeLabel.h"

#include "ome/OmeParse.h"

#include <QCoreApplication>

namespace zs::omeview {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OmeTreeLabel", text);
}

std::optional<ome::OmeGroup> omeOf(const NodeMetadata &group)
{
    if (group.isArray()) return std::nullopt;
    auto parsed = ome::parseOmeGroup(group.attributes, group.path.section(u'/', -1));
    return parsed ? *parsed : std::nullopt;
}

} // namespace

QString omeTreeLabel(const NodeMetadata &node, const NodeMetadata *parentGroup)
{
    if (!node.isArray()) {
        const auto g = omeOf(node);
        if (!g) return {};
        switch (g->kind) {
        case ome::OmeGroup::Kind::Multiscales:
            return g->imageLabel ? tr("OME-Zarr label image") : tr("OME-Zarr image");
        case ome::OmeGroup::Kind::Plate:
            return tr("OME-Zarr plate");
        case ome::OmeGroup::Kind::Well:
            return tr("well");
        case ome::OmeGroup::Kind::Labels:
            return tr("labels");
        }
        return {};
    }
    if (!parentGroup) return {};
    const auto g = omeOf(*parentGroup);
    if (!g || g->kind != ome::OmeGroup::Kind::Multiscales) return {};
    const ome::Multiscale &m = g->multiscales.front();
    const QString name = node.path.section(u'/', -1);
    for (std::size_t i = 0; i < m.levels.size(); ++i) {
        if (m.levels[i].path != name) continue;
        // The pixel size of the last (x) axis, with its unit: what "how fine is this level" means.
        const double scale = m.levels[i].transform.scale.back();
        const QString unit = m.axes.back().unit;
        return tr("level %1, %2 %3").arg(i).arg(scale, 0, 'g', 6).arg(unit).trimmed();
    }
    return {};
}

} // namespace zs::omeview
