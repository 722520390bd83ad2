#include "ome/OmeImage.h"

#include "hierarchy/Hierarchy.h"
#include "ome/OmeFields.h"
#include "ome/OmeParse.h"
#include "ome/OmePaths.h"
#include "util/ShapeText.h"

#include <map>

namespace zs::ome {

namespace {

QString lastComponent(const QString &path)
{
    return path.section(u'/', -1);
}

QString datasetField(std::size_t level, const char *name)
{
    return QStringLiteral("multiscales[0].datasets[%1].%2").arg(level).arg(QLatin1String(name));
}

// The node at `path`, an error when it is missing or broken.
Result<NodeMetadata> nodeAt(const cf::NodeLookup &nodes, const QString &path)
{
    const auto entry = nodes(path);
    if (!entry)
        return makeError(QStringLiteral("no node there"), path.isEmpty() ? QStringLiteral("/") : path);
    if (!entry->node) return makeError(entry->error, path.isEmpty() ? QStringLiteral("/") : path);
    return *entry->node;
}

Result<ImageLevel> openLevel(const cf::NodeLookup &nodes, const QString &groupPath, const Multiscale &m,
                             std::size_t i)
{
    const QString path = childPath(groupPath, m.levels[i].path);
    auto node = nodeAt(nodes, path);
    if (!node)
        return makeError(QStringLiteral("level \"%1\" cannot be opened: %2")
                             .arg(m.levels[i].path, node.error().toString()),
                         datasetField(i, "path"));
    if (!node->isArray())
        return makeError(QStringLiteral("level \"%1\" is a group, not an array").arg(m.levels[i].path),
                         datasetField(i, "path"));
    ImageLevel level{std::move(*node), combinedTransform(m, i)};
    if (level.array().shape.size() != m.axes.size())
        return makeError(QStringLiteral("level \"%1\" has %2 dimensions but axes has %3 entries")
                             .arg(m.levels[i].path)
                             .arg(level.array().shape.size())
                             .arg(m.axes.size()),
                         QStringLiteral("multiscales[0].axes"));
    return level;
}

// Levels go from the highest resolution down: no dimension may grow.
Status checkShrinking(const Multiscale &m, const std::vector<ImageLevel> &levels)
{
    for (std::size_t i = 1; i < levels.size(); ++i) {
        const Shape &previous = levels[i - 1].array().shape;
        const Shape &shape = levels[i].array().shape;
        for (std::size_t d = 0; d < shape.size(); ++d) {
            if (shape[d] <= previous[d]) continue;
            return makeError(
                QStringLiteral("level \"%1\" %2 is larger than level \"%3\" %4 along %5; levels go "
                               "from the highest resolution down")
                    .arg(m.levels[i].path, shapeText(shape), m.levels[i - 1].path, shapeText(previous),
                         m.axes[d].name),
                datasetField(i, "path"));
        }
    }
    return Ok{};
}

// A label image's source, and that image's source if it is a label image too, until an image
// that is not a label: coming back to one already seen is a cycle.
Status checkLabelSources(const cf::NodeLookup &nodes, const QString &groupPath, const OmeGroup &group)
{
    QStringList chain{groupPath.isEmpty() ? QStringLiteral("/") : groupPath};
    QString current = groupPath;
    std::optional<ImageLabel> label = group.imageLabel;
    while (label && !label->sourceImage.isEmpty()) {
        const auto next = resolvePath(current, label->sourceImage);
        if (!next)
            return makeError(QStringLiteral("\"%1\" climbs above the store's root").arg(label->sourceImage),
                             QStringLiteral("image-label.source.image"));
        const QString shown = next->isEmpty() ? QStringLiteral("/") : *next;
        if (chain.contains(shown))
            return makeError(QStringLiteral("image-label sources form a cycle: %1 -> %2")
                                 .arg(chain.join(QStringLiteral(" -> ")), shown),
                             QStringLiteral("image-label.source.image"));
        chain << shown;
        auto source = loadOmeGroup(nodes, *next);
        if (!source || !*source) return Ok{}; // the overlay does not need its source's metadata
        label = (*source)->imageLabel;
        current = *next;
    }
    return Ok{};
}

} // namespace

std::pair<int, int> OmeImage::planeAxes() const
{
    std::vector<int> space;
    for (int i = 0; i < int(axes().size()); ++i)
        if (axes()[std::size_t(i)].isSpace()) space.push_back(i);
    if (space.size() >= 2) return {space[space.size() - 2], space.back()};
    const int n = int(axes().size());
    return {n - 2, n - 1};
}

Transform combinedTransform(const Multiscale &multiscale, std::size_t level)
{
    Transform t = multiscale.levels[level].transform;
    if (!multiscale.transform) return t;
    const Transform &outer = *multiscale.transform;
    if (t.translation)
        for (std::size_t d = 0; d < t.translation->size(); ++d)
            (*t.translation)[d] *= outer.scale[d];
    for (std::size_t d = 0; d < t.scale.size(); ++d)
        t.scale[d] *= outer.scale[d];
    if (outer.translation) {
        if (!t.translation) t.translation = std::vector<double>(t.scale.size(), 0.0);
        for (std::size_t d = 0; d < t.translation->size(); ++d)
            (*t.translation)[d] += (*outer.translation)[d];
    }
    return t;
}

namespace {

// Each node asked for with all its metadata documents at once (findNodes): one round trip.
cf::NodeLookup storeNodes(Store &store)
{
    return [&store](const QString &path) { return std::move(findNodes(store, {path}).front()); };
}

// The image's level arrays and its labels group read together: one round trip for all of them,
// not one probe after another (four levels over 20 ms took a quarter of a second).
cf::NodeLookup prefetchedNodes(Store &store, const QString &groupPath, const OmeGroup &group)
{
    QStringList paths;
    if (!group.multiscales.empty())
        for (const Level &level : group.multiscales.front().levels)
            paths << childPath(groupPath, level.path);
    paths << childPath(groupPath, QStringLiteral("labels"));
    auto found = std::make_shared<std::map<QString, std::optional<HierarchyEntry>>>();
    std::vector<std::optional<HierarchyEntry>> entries = findNodes(store, paths);
    for (qsizetype i = 0; i < paths.size(); ++i)
        (*found)[paths[i]] = std::move(entries[std::size_t(i)]);
    return [&store, found](const QString &path) -> std::optional<HierarchyEntry> {
        const auto it = found->find(path);
        return it != found->end() ? it->second : std::move(findNodes(store, {path}).front());
    };
}

} // namespace

Result<std::optional<OmeGroup>> loadOmeGroup(Store &store, const QString &groupPath)
{
    return loadOmeGroup(storeNodes(store), groupPath);
}

Result<std::optional<OmeGroup>> loadOmeGroup(const cf::NodeLookup &nodes, const QString &groupPath)
{
    auto node = nodeAt(nodes, groupPath);
    if (!node) return node.error();
    auto group = parseOmeGroup(node->attributes, lastComponent(groupPath));
    if (!group) return group.error().at(groupPath.isEmpty() ? QStringLiteral("/") : groupPath);
    return group;
}

Result<OmeImage> openOmeImage(Store &store, const QString &groupPath, OmeGroup group)
{
    const cf::NodeLookup nodes = prefetchedNodes(store, groupPath, group);
    return openOmeImage(nodes, groupPath, std::move(group));
}

Result<OmeImage> openOmeImage(const cf::NodeLookup &nodes, const QString &groupPath, OmeGroup group)
{
    const QString where = groupPath.isEmpty() ? QStringLiteral("/") : groupPath;
    OmeImage image{groupPath, std::move(group), {}, {}, {}};
    const Multiscale &m = image.multiscale();
    for (std::size_t i = 0; i < m.levels.size(); ++i) {
        auto level = openLevel(nodes, groupPath, m, i);
        if (!level) return level.error().at(where);
        image.levels.push_back(std::move(*level));
    }
    if (Status s = checkShrinking(m, image.levels); !s) return s.error().at(where);
    if (Status s = checkLabelSources(nodes, groupPath, image.group); !s) return s.error().at(where);
    const QString labelsPath = childPath(groupPath, QStringLiteral("labels"));
    if (const auto entry = nodes(labelsPath)) {
        auto labels = entry->node ? parseOmeGroup(entry->node->attributes, QStringLiteral("labels"))
                                  : Result<std::optional<OmeGroup>>(makeError(entry->error, labelsPath));
        if (!labels)
            image.labelsProblem = labels.error().at(labelsPath).toString();
        else if (*labels && (*labels)->kind == OmeGroup::Kind::Labels)
            image.labels = (*labels)->labels;
    }
    return image;
}

} // namespace zs::ome
