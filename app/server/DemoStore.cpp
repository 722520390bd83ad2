#include "DemoStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace zs::server {

QString demoStorePath()
{
    const QString overridden = qEnvironmentVariable("ZARRSCOPE_DEMO_STORE");
    const QString path = !overridden.isEmpty()
                             ? overridden
                             : QDir(QCoreApplication::applicationDirPath())
                                   .absoluteFilePath(QStringLiteral("../share/zarrscope/demo.zarr"));
    // A store without its root metadata is a half-written build: say it is missing.
    if (!QFileInfo::exists(QDir(path).filePath(QStringLiteral("zarr.json")))) return {};
    return QDir::cleanPath(path);
}

} // namespace zs::server
