#pragma once
// A store and one array's metadata, opened from a directory the test's fixture writer filled.
// Empty (null store) when either cannot be opened; tests QVERIFY(opened.store).

#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

#include <memory>

namespace zstest {

struct OpenedArray
{
    std::shared_ptr<zs::Store> store;
    zs::ArrayMetadata meta;
};

inline OpenedArray openArray(const QString &storeLocation, const QString &arrayPath)
{
    auto store = zs::openStore(storeLocation);
    if (!store) return {};
    auto node = zs::loadNode(**store, arrayPath);
    if (!node || !node->isArray()) return {};
    return {*store, *node->array};
}

} // namespace zstest
