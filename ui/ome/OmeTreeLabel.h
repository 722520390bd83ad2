#pragma once
// What the tree adds to an OME-Zarr node's name: a group says what it is ("OME-Zarr image",
// "plate", "well", "labels"), a level array which level it is and its pixel size, so a pyramid
// reads as one image with its levels beneath rather than as unrelated arrays.

#include "metadata/NodeMetadata.h"

#include <QString>

namespace zs::omeview {

// "" for nodes that are not OME-Zarr (or whose metadata cannot be read: the Metadata tab says why).
QString omeTreeLabel(const NodeMetadata &node, const NodeMetadata *parentGroup);

} // namespace zs::omeview
