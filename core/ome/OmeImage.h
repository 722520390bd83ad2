#pragma once
// A multiscale image checked against its store: each level's array found and matched with the
// axes, levels shrinking from the highest resolution down, the label images listed under it,
// and a label image's chain of sources followed (a cycle is an error). Blocks on the store's
// futures: call it from a worker thread in the GUI.

#include "cf/NodeLookup.h"
#include "metadata/NodeMetadata.h"
#include "ome/OmeMetadata.h"
#include "store/Store.h"

namespace zs::ome {

struct ImageLevel
{
    NodeMetadata node;   // the level's array, as opened (node.path is its store path)
    Transform transform; // the level's and the multiscale's transformations together

    const QString &path() const { return node.path; }
    const ArrayMetadata &array() const { return *node.array; }
};

struct OmeImage
{
    QString path;   // the image group's store path ("" for the root)
    OmeGroup group; // Kind::Multiscales
    std::vector<ImageLevel> levels;
    QStringList labels;    // label images under path/labels, as that group lists them
    QString labelsProblem; // why the labels group could not be read ("" when fine or absent)

    const Multiscale &multiscale() const { return group.multiscales.front(); }
    const std::vector<Axis> &axes() const { return multiscale().axes; }
    // The axis indices of the image plane: the last two space axes (or the last two axes).
    std::pair<int, int> planeAxes() const;
};

// The level's own transformation followed by the multiscale's: what maps its indices to
// physical coordinates (scale first, then translation).
Transform combinedTransform(const Multiscale &multiscale, std::size_t level);

// The OME metadata at `groupPath`, or nullopt when the group has none.
Result<std::optional<OmeGroup>> loadOmeGroup(Store &store, const QString &groupPath);
// The image at `groupPath`, whose metadata is `group` (of kind Multiscales).
Result<OmeImage> openOmeImage(Store &store, const QString &groupPath, OmeGroup group);
// The same from nodes found some other way: the browser's discovered hierarchy (no I/O, so the
// GUI thread may call them) or a store lookup.
Result<std::optional<OmeGroup>> loadOmeGroup(const cf::NodeLookup &nodes, const QString &groupPath);
Result<OmeImage> openOmeImage(const cf::NodeLookup &nodes, const QString &groupPath, OmeGroup group);

} // namespace zs::ome
