#include "MainWindowStorePath.h"

#include <QDir>
#include <QFileInfo>

namespace zs {

namespace {

bool isNodeFolder(const QDir &dir)
{
    return dir.exists(QStringLiteral(".zarray")) || dir.exists(QStringLiteral(".zgroup")) ||
           dir.exists(QStringLiteral("zarr.json"));
}

// Only a group holds other nodes; an array's folder holds chunks.
bool isGroupFolder(const QDir &dir)
{
    if (dir.exists(QStringLiteral(".zgroup"))) return true;
    QFile doc(dir.filePath(QStringLiteral("zarr.json")));
    return doc.open(QIODevice::ReadOnly) && doc.read(1 << 16).contains("\"group\"");
}

} // namespace

LocalStorePath splitLocalStorePath(const QString &folder)
{
    LocalStorePath out{QDir::cleanPath(folder), {}};
    QDir dir(out.storeRoot);
    if (!QFileInfo(out.storeRoot).isDir() || !isNodeFolder(dir)) return out;
    QStringList parts;
    for (;;) {
        QDir parent = dir;
        if (!parent.cdUp() || parent == dir || !isGroupFolder(parent)) break;
        parts.prepend(dir.dirName());
        dir = parent;
    }
    out.storeRoot = dir.absolutePath();
    out.nodePath = parts.join(u'/');
    return out;
}

} // namespace zs
