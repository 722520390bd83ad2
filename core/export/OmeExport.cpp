#include "export/OmeExport.h"

#include "ome/OmeConvert.h"
#include "ome/OmeParse.h"
#include "ome/OmePaths.h"

#include <QHash>
#include <algorithm>

namespace zs {

namespace {

QString shown(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("/") : path;
}

bool isUnder(const QString &path, const QSet<QString> &roots)
{
    for (const QString &r : roots)
        if (path == r || path.startsWith(r + u'/')) return true;
    return false;
}

} // namespace

Result<OmeExport> prepareOmeExport(std::vector<NodeMetadata> &nodes, const QString &rootPath,
                                   const ExportOptions &options,
                                   const std::function<int(const NodeMetadata &)> &formatOf)
{
    OmeExport out;
    QSet<QString> dropped;                 // level arrays --levels leaves out
    QHash<QString, QStringList> axisNames; // of each exported level array
    bool anyImage = false;
    for (NodeMetadata &node : nodes) {
        if (node.isArray()) continue;
        const QString name = node.path.section(u'/', -1);
        const int format = formatOf(node);
        auto group = ome::parseOmeGroup(node.attributes, name);
        if (!group) {
            // Copied as it is unless it has to be understood: to convert it, or to narrow it.
            if (format == node.zarrFormat && options.levels.empty()) continue;
            return group.error().at(shown(node.path));
        }
        auto attributes = ome::omeAttributesFor(node.attributes, name, format);
        if (!attributes) return attributes.error().at(shown(node.path));
        node.attributes = std::move(*attributes);
        if (!*group || (*group)->kind != ome::OmeGroup::Kind::Multiscales) continue;
        anyImage = true;
        QStringList kept;
        QStringList left;
        if (!options.levels.empty()) {
            // The image exported asks for levels it must have; a label image below it, or the
            // fields of a plate, keep those of the levels they have.
            const bool strict = node.path == rootPath;
            auto narrowed = ome::keepLevels(node.attributes, options.levels, !strict, &kept, &left);
            if (!narrowed) return narrowed.error().at(shown(node.path));
            node.attributes = std::move(*narrowed);
        } else {
            for (const ome::Level &level : (*group)->multiscales.front().levels)
                kept << level.path;
        }
        QStringList names;
        for (const ome::Axis &a : (*group)->multiscales.front().axes)
            names << a.name;
        for (const QString &p : kept) {
            const QString path = ome::childPath(node.path, p);
            out.levelArrays.insert(path);
            axisNames.insert(path, names);
        }
        for (const QString &p : left)
            dropped.insert(ome::childPath(node.path, p));
    }
    if (!options.levels.empty() && !anyImage)
        return makeError(
            QStringLiteral("--levels needs a multiscale image (OME-Zarr multiscales) in what is exported"),
            shown(rootPath));
    nodes.erase(std::remove_if(nodes.begin(), nodes.end(),
                               [&](const NodeMetadata &n) { return isUnder(n.path, dropped); }),
                nodes.end());
    // 0.5 names each level's dimensions after the axes; writers that left them out get them here.
    for (NodeMetadata &node : nodes) {
        if (!node.isArray() || !out.levelArrays.contains(node.path) || formatOf(node) != 3) continue;
        const QStringList &names = axisNames[node.path];
        if (node.array->dimensionNames.isEmpty() && std::size_t(names.size()) == node.array->shape.size())
            node.array->dimensionNames = names;
    }
    return out;
}

} // namespace zs
