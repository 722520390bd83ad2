#pragma once
// A stored size from listings alone, for stores whose listings state object sizes (S3
// ListObjectsV2's <Size>, nginx autoindex's exact bytes): every level under the prefix is listed
// and the objects' sizes summed, metadata documents left out as LocalStore leaves them out.
// Nothing is read. The answer is "cannot tell" (nullopt) as soon as one object has no size in
// its listing, or when the walk would need more than kMaxListings listings.

#include "store/Store.h"

#include <memory>

namespace zs {

// A 1000 × 1000-chunk v3 array with "/" keys lists 1001 directories; beyond this the walk would
// compete with the reads the user is waiting for.
constexpr int kMaxStoredSizeListings = 4096;

// Cancelling the future stops the walk from listing further levels.
QFuture<StoredSizeResult> storedSizeFromListings(std::shared_ptr<Store> store, const QString &prefix);

} // namespace zs
