#pragma once
// The chunk cache's budget as a user setting (QSettings "viewer/chunkCacheMiB", default 512 MiB):
// read when a store is opened, changed from View > Chunk Cache Size.

#include <cstdint>

namespace zs {

int chunkCacheMiBSetting();
void setChunkCacheMiBSetting(int mib);
inline std::uint64_t mibToBytes(int mib)
{
    return std::uint64_t(mib < 0 ? 0 : mib) << 20;
}

} // namespace zs
