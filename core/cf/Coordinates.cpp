#include "cf/Coordinates.h"

#include "cf/AttributeValues.h"
#include "util/ShapeText.h"

#include <algorithm>

namespace zs::cf {

namespace {

Coordinate describe(const QString &name, const NodeMetadata &node)
{
    Coordinate c;
    c.name = name;
    c.path = node.path;
    Decisions ignored;
    c.dimensions = resolveDimensionNames(node, ignored).names;
    c.shape = node.array->shape;
    const auto &a = node.attributes;
    c.units = textAttribute(a, "units").value_or(QString());
    c.longName = textAttribute(a, "long_name").value_or(QString());
    c.standardName = textAttribute(a, "standard_name").value_or(QString());
    c.axis = textAttribute(a, "axis").value_or(QString());
    c.positive = textAttribute(a, "positive").value_or(QString());
    c.calendar = textAttribute(a, "calendar").value_or(QString());
    c.node = node;
    return c;
}

// The nearest array called `name` that `accept` takes; every candidate it refuses is recorded.
template <typename Accept>
std::optional<NodeMetadata> findNamed(const QString &arrayPath, const QString &name, const NodeLookup &lookup,
                                      const QString &what, Decisions &refused, Accept &&accept)
{
    for (const QString &group : enclosingGroups(arrayPath)) {
        const QString path = childPath(group, name);
        const auto entry = lookup(path);
        if (!entry) continue;
        if (!entry->node) {
            refused.push_back({what, QStringLiteral("/%1 could not be loaded: %2").arg(path, entry->error)});
            continue;
        }
        if (!entry->node->isArray()) continue; // a group of that name is no coordinate, and no mistake
        QString why;
        if (accept(*entry->node, &why)) return *entry->node;
        refused.push_back({what, QStringLiteral("/%1 %2").arg(path, why)});
    }
    return std::nullopt;
}

} // namespace

std::vector<Dimension> resolveDimensions(const NodeMetadata &array, const DimensionNames &names,
                                         const NodeLookup &lookup, Decisions &applied, Decisions &refused)
{
    std::vector<Dimension> dims;
    const Shape &shape = array.array->shape;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        Dimension d;
        d.name = names.names.value(int(i));
        d.size = shape[i];
        if (!d.name.isEmpty() && lookup) {
            const QString what = QStringLiteral("coordinate %1").arg(d.name);
            auto found = findNamed(
                array.path, d.name, lookup, what, refused, [&](const NodeMetadata &n, QString *why) {
                    const Shape &s = n.array->shape;
                    if (s.size() != 1) {
                        *why = QStringLiteral("is %1-D %2, not 1-D").arg(s.size()).arg(shapeText(s));
                        return false;
                    }
                    if (s[0] != d.size) {
                        *why = QStringLiteral("has %1 values, dimension %2 has %3")
                                   .arg(s[0])
                                   .arg(d.name)
                                   .arg(d.size);
                        return false;
                    }
                    Decisions ignored;
                    const QStringList own = resolveDimensionNames(n, ignored).names;
                    if (!own.isEmpty() && own.first() != d.name) {
                        *why = QStringLiteral("is over dimension %1, not %2").arg(own.first(), d.name);
                        return false;
                    }
                    return true;
                });
            if (found) {
                d.coordinate = describe(d.name, *found);
                applied.push_back({what, QStringLiteral("/%1").arg(found->path)});
            }
        }
        dims.push_back(std::move(d));
    }
    return dims;
}

std::vector<Coordinate> resolveAuxiliaryCoordinates(const NodeMetadata &array,
                                                    const std::vector<Dimension> &dimensions,
                                                    const NodeLookup &lookup, Decisions &applied,
                                                    Decisions &refused)
{
    std::vector<Coordinate> out;
    if (!lookup) return out;
    for (const QString &name : wordsAttribute(array.attributes, "coordinates")) {
        // Some writers list the dimension coordinates too; they are already the dimensions'.
        if (std::any_of(dimensions.begin(), dimensions.end(),
                        [&](const Dimension &d) { return d.coordinate && d.name == name; }))
            continue;
        const QString what = QStringLiteral("auxiliary coordinate %1").arg(name);
        auto found =
            findNamed(array.path, name, lookup, what, refused, [&](const NodeMetadata &n, QString *why) {
                Decisions ignored;
                const QStringList own = resolveDimensionNames(n, ignored).names;
                const Shape &s = n.array->shape;
                if (own.size() != int(s.size()) || (s.size() > 0 && own.contains(QString()))) {
                    *why = QStringLiteral("has no dimension names to match the array's");
                    return false;
                }
                for (int k = 0; k < own.size(); ++k) {
                    const auto dim = std::find_if(dimensions.begin(), dimensions.end(),
                                                  [&](const Dimension &d) { return d.name == own[k]; });
                    if (dim == dimensions.end()) {
                        *why = QStringLiteral("is over %1, not a dimension of the array").arg(own[k]);
                        return false;
                    }
                    if (dim->size != s[k]) {
                        *why = QStringLiteral("has %1 along %2, the array %3")
                                   .arg(s[k])
                                   .arg(own[k])
                                   .arg(dim->size);
                        return false;
                    }
                }
                return true;
            });
        if (!found) {
            if (refused.empty() || refused.back().what != what)
                refused.push_back({what, QStringLiteral("named by `coordinates` but not found")});
            continue;
        }
        out.push_back(describe(name, *found));
        applied.push_back({what, QStringLiteral("/%1").arg(found->path)});
    }
    return out;
}

} // namespace zs::cf
