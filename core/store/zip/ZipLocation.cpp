#include "store/zip/ZipLocation.h"

#include <QDir>
#include <QFileInfo>

namespace zs {

namespace {

ZipLocation split(const QStringList &parts, qsizetype archiveAt, const QString &lead)
{
    ZipLocation z;
    z.parent = lead + parts.mid(0, archiveAt).join(u'/');
    z.archive = parts[archiveAt];
    z.inner = parts.mid(archiveAt + 1).join(u'/');
    return z;
}

} // namespace

std::optional<ZipLocation> findLocalZip(const QString &path)
{
    const QString clean = QDir::cleanPath(QDir::fromNativeSeparators(path));
    const bool absolute = clean.startsWith(u'/');
    const QStringList parts = clean.split(u'/', Qt::SkipEmptyParts);
    const QString lead = absolute ? QStringLiteral("/") : QString();
    QString sofar = lead;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        sofar += (i == 0 ? QString() : QStringLiteral("/")) + parts[i];
        const QFileInfo info(sofar);
        if (!info.exists()) return std::nullopt;
        if (info.isFile()) {
            ZipLocation z = split(parts, i, lead);
            if (z.parent.isEmpty()) z.parent = QStringLiteral(".");
            return z;
        }
    }
    return std::nullopt;
}

std::optional<ZipLocation> findZipInUrlPath(const QString &path)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i)
        if (parts[i].endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
            return split(parts, i, QStringLiteral("/"));
    return std::nullopt;
}

} // namespace zs
