#include "ChunkCacheSetting.h"

#include "array/ChunkCache.h"

#include <QSettings>

namespace zs {

static const char *kKey = "viewer/chunkCacheMiB";

int chunkCacheMiBSetting()
{
    bool ok = false;
    const int mib =
        QSettings().value(QLatin1String(kKey), int(ChunkCache::kDefaultBudgetBytes >> 20)).toInt(&ok);
    return ok && mib >= 0 ? mib : int(ChunkCache::kDefaultBudgetBytes >> 20);
}

void setChunkCacheMiBSetting(int mib)
{
    QSettings().setValue(QLatin1String(kKey), mib);
}

} // namespace zs
