#pragma once
// One listing of an HttpStore as a chain of page requests through the store's scheduler (the same
// limiter as every read): S3 ListObjectsV2 pages, following continuation tokens, or one HTML
// index page. Each answer continues on the network thread, so no pool thread waits for one; the
// operation holds the store (shared ownership) until it has finished, and cancelling its future
// cancels the page in flight and sends no further page.

#include "store/Store.h"

#include <memory>
#include <vector>

namespace zs {

class HttpStore;

enum class ListingKind
{
    S3,
    Html,
    Azure // List Blobs (restype=container&comp=list), paged by NextMarker
};

// Tries `kinds` in order. With `choosing`, the first kind that answers becomes the store's listing
// mode and a store that answers none is marked as one that cannot be listed; otherwise the one
// kind's error is the answer.
QFuture<ListResult> startListing(std::shared_ptr<HttpStore> store, QString prefix,
                                 std::vector<ListingKind> kinds, bool choosing);

} // namespace zs
