#include "export/ExportCoordinates.h"

#include "cf/Conventions.h"
#include "hierarchy/Hierarchy.h"

namespace zs {

namespace {

QString lastSegment(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

// NumPy text for one dimension's part of a resolved selection (an integer for a dropped one).
QString dimensionText(const DimSelection &d)
{
    if (d.dropped) return QString::number(d.start);
    const std::uint64_t stop = d.count == 0 ? d.start : d.last() + 1;
    return QStringLiteral("%1:%2:%3").arg(d.start).arg(stop).arg(d.step);
}

} // namespace

std::vector<CoordinateExport> coordinatesToExport(Store &store, const NodeMetadata &array,
                                                  const Selection &selection, QStringList &notes)
{
    const cf::NodeLookup lookup = [&store](const QString &path) { return findNode(store, path); };
    const cf::Conventions conventions = cf::resolveConventions(array, lookup);
    struct Found
    {
        const cf::Coordinate *coordinate;
        QStringList dimensions; // its own, or the one it was found for when it names none
    };
    std::vector<Found> found;
    for (const cf::Dimension &d : conventions.dimensions)
        if (d.coordinate)
            found.push_back({&*d.coordinate, d.coordinate->dimensions.isEmpty() ? QStringList{d.name}
                                                                                : d.coordinate->dimensions});
    for (const cf::Coordinate &c : conventions.auxiliaryCoordinates)
        found.push_back({&c, c.dimensions});

    const QStringList arrayDims = conventions.dimensionNames.names;
    QStringList taken{lastSegment(array.path)};
    std::vector<CoordinateExport> out;
    for (const auto &[c, dims] : found) {
        if (c->path == array.path) continue; // a coordinate variable is its own coordinate
        const QString name = lastSegment(c->path);
        if (taken.contains(name)) {
            notes << QStringLiteral("coordinate /%1 not exported: the name %2 is taken").arg(c->path, name);
            continue;
        }
        QStringList parts;
        bool kept = false;
        for (const QString &dim : dims) {
            const int k = arrayDims.indexOf(dim);
            // Coordinates match the array's dimensions by name (Coordinates.h): k is always found.
            const DimSelection &s = k >= 0 && std::size_t(k) < selection.dims.size()
                                        ? selection.dims[std::size_t(k)]
                                        : DimSelection{};
            parts << dimensionText(s);
            kept = kept || !s.dropped;
        }
        if (!kept) {
            notes << QStringLiteral("coordinate /%1 not exported: the selection drops its dimensions")
                         .arg(c->path);
            continue;
        }
        taken << name;
        CoordinateExport e{c->node, name, parts.join(u',')};
        // Written with its dimension's name, so a reader pairs it as we did (xarray needs
        // _ARRAY_DIMENSIONS on every v2 array it opens).
        if (e.node.array->dimensionNames.isEmpty() && c->dimensions.isEmpty())
            e.node.array->dimensionNames = dims;
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace zs
