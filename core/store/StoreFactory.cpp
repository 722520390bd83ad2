#include "store/StoreFactory.h"

#include "store/LocalStore.h"

#include <QFileInfo>
#include <QUrl>

namespace zs {

Result<std::shared_ptr<Store>> openStore(const QString &location)
{
    QString path = location;
    if (location.contains(QLatin1String("://"))) {
        const QUrl url(location);
        if (url.scheme() != u"file")
            return makeError(QStringLiteral("unsupported store scheme \"%1\"").arg(url.scheme()), location);
        path = url.toLocalFile();
    }
    if (!QFileInfo(path).isDir())
        return makeError(QStringLiteral("no such store directory"), location);
    return std::shared_ptr<Store>(std::make_shared<LocalStore>(path));
}

} // namespace zs
