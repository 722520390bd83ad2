#pragma once
// OME-Zarr through an export, decided before anything is written: each OME group's attributes
// in the target's form (0.4 in v2 <-> 0.5 in v3), the level arrays named by their axes in v3
// (0.5 wants dimension_names) and keyed with "/" in v2 (0.4 wants it), and, with
// ExportOptions::levels, every multiscale image of the exported subtree narrowed to those levels
// (their arrays left out, their datasets lists rewritten).

#include "export/ExportOptions.h"
#include "metadata/NodeMetadata.h"

#include <QSet>
#include <functional>

namespace zs {

struct OmeExport
{
    QSet<QString> levelArrays; // store paths of the multiscale levels exported
};

// `nodes` is the exported subtree (the node at `rootPath` first), changed in place;
// `formatOf` gives the Zarr format each node is written in.
Result<OmeExport> prepareOmeExport(std::vector<NodeMetadata> &nodes, const QString &rootPath,
                                   const ExportOptions &options,
                                   const std::function<int(const NodeMetadata &)> &formatOf);

} // namespace zs
