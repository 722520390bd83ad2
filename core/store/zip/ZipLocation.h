#pragma once
// Where a zip archive sits in what the user typed: "dir/data.zarr.zip", "data.zip/inner/group",
// "https://host/x/data.zarr.zip/group". The part after the archive is a folder inside it.

#include <QString>
#include <QStringList>
#include <optional>

namespace zs {

struct ZipLocation
{
    QString parent;  // the folder (path or URL path) holding the archive
    QString archive; // the archive's file name: the key read from the parent's store
    QString inner;   // folder inside the archive, "" for its root
};

// A local path whose first part that is a regular file (not a folder) is taken as the archive.
std::optional<ZipLocation> findLocalZip(const QString &path);

// A URL or bucket path ("/x/data.zarr.zip/group"): the first segment ending in ".zip".
std::optional<ZipLocation> findZipInUrlPath(const QString &path);

} // namespace zs
