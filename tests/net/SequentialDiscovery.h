#pragma once
// The pre-issue-14 sequential discovery walk, as the oracle the concurrent walk is compared with.

#include "hierarchy/HierarchyEntry.h"
#include "store/Store.h"

namespace zstest {

zs::Result<zs::HierarchyEntries> discoverSequentially(zs::Store &store);
zs::Result<zs::NodeMetadata> loadNodeSequentially(zs::Store &store, const QString &path);

} // namespace zstest
