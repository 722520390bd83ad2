#pragma once
// Where a local folder sits in a Zarr store: the browser opens `.../tree.zarr/climate/temperature`
// as the store tree.zarr with climate/temperature selected, not as a store of one array.

#include <QString>

namespace zs {

struct LocalStorePath
{
    QString storeRoot; // the outermost folder of the store holding the node
    QString nodePath;  // the node's path in it; empty when the folder is a store root (or no node)
};

// `folder` is an absolute local path. Climbs while the parent folder is a Zarr group (v2 .zgroup,
// v3 zarr.json); a folder without metadata of its own is returned as it is.
LocalStorePath splitLocalStorePath(const QString &folder);

} // namespace zs
