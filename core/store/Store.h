#pragma once
// The storage primitive every store implements: asynchronous reads of a key, of a
// byte range of a key, and a one-level listing. Results arrive as QFutures; a missing
// key is an empty optional, distinct from an error (a 404 is not a failure).

#include "net/FetchTypes.h"
#include "store/RequestLimiter.h"
#include "util/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace zs {

using MaybeBytes = std::optional<QByteArray>;
using GetResult = Result<MaybeBytes>;

// A byte range of an object: [offset, offset+length), or the last `length` bytes when suffix.
struct ByteRange
{
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    bool suffix = false;

    static ByteRange fromStart(std::uint64_t offset, std::uint64_t length) { return {offset, length, false}; }
    static ByteRange lastBytes(std::uint64_t length) { return {0, length, true}; }
};

struct Listing
{
    QStringList keys;     // objects directly under the prefix (names relative to it)
    QStringList prefixes; // "directories" directly under the prefix (names relative to it, no slash)
    // True when names starting with '.' may be left out: web servers' directory pages often hide
    // them (nginx autoindex always does), so a missing .zgroup or .zarray proves nothing there.
    bool mayOmitDotFiles = false;
    // Object sizes in bytes by key, where the listing states them (S3's <Size>, nginx autoindex
    // with its default exact sizes): what a stored size over HTTP is summed from without reading.
    QHash<QString, std::uint64_t> sizes;
};
using ListResult = Result<Listing>;

// The answer to getRangeOrWhole: the range asked for, or the whole object when that is what
// arrived (a server that ignores Range sends all of it). The caller then holds the one copy
// rather than asking again for every other range it needs.
struct RangeRead
{
    QByteArray bytes;
    bool wholeObject = false; // bytes is the entire object, not the range
};
using RangeReadResult = Result<std::optional<RangeRead>>; // nullopt: no such key

// What the objects under a prefix take in the store: chunk data only, metadata documents excluded.
struct StoredSize
{
    std::uint64_t bytes = 0;
    std::uint64_t objects = 0;
};
using StoredSizeResult = Result<std::optional<StoredSize>>; // nullopt: the store cannot tell
// The documents a stored size leaves out (.zarray, .zgroup, .zattrs, .zmetadata, zarr.json).
bool isMetadataDocument(const QString &leafName);

// Hears each exchange a store's transport makes (HttpStore: every HTTP request, retries each
// their own), on the transport's thread. MeasuredStore is what listens.
using ExchangeObserver = std::function<void(FetchRecord)>;

class Store
{
public:
    virtual ~Store() = default;

    virtual QFuture<GetResult> get(const QString &key) = 0;
    // Several keys asked for at once, answered in the same order. A store that can combine them
    // overrides it (the shard adapter reads neighbouring inner chunks with one range request);
    // the default asks for each key.
    virtual std::vector<QFuture<GetResult>> getMany(const QStringList &keys);
    virtual QFuture<GetResult> getRange(const QString &key, ByteRange range) = 0;
    // getRange for a caller that can use the whole object if it comes anyway. Stores that read
    // exactly the range (disk, memory) answer the range; the default does that via getRange.
    // The range is still checked against the object: one outside it is an error either way.
    virtual QFuture<RangeReadResult> getRangeOrWhole(const QString &key, ByteRange range);
    // `prefix` is "" for the root or a path without trailing slash.
    virtual QFuture<ListResult> list(const QString &prefix) = 0;
    virtual bool canList() const = 0;
    // For messages: the store's location, and a key's full location.
    virtual QString location() const = 0;
    virtual QString locate(const QString &key) const { return key; }
    // Which credentials the store's requests carry, in words ("signed with profile research from
    // ~/.aws/credentials, region eu-west-1", "anonymous"); empty for stores without a wire.
    virtual QString credentialSource() const { return {}; }
    // Counts from the wire, for stores that have one (HTTP); nullopt for local stores.
    virtual std::optional<TransferStats> transferStats() const { return std::nullopt; }
    // The store's concurrency budget as it stands (running, queued, most running at once), for
    // stores that limit their requests (disk and HTTP do; memory answers at once).
    virtual std::optional<LimiterStats> limiterStats() const { return std::nullopt; }
    // A store with a wire reports every exchange from now on to `observer` (status, attempt, sent
    // and first-byte times, keys relative to the store root) and answers true; a store without one
    // has nothing finer than its calls and answers false. Adapters pass it to their source.
    virtual bool observeExchanges(const ExchangeObserver & /*observer*/) { return false; }
    // Stored size under `prefix` when the store knows it without reading the objects (a directory
    // does; plain HTTP does not): the "stored bytes" and compression ratio users expect from
    // zarr-python's info. Default: unknown.
    virtual QFuture<StoredSizeResult> storedSize(const QString &prefix);
};

// Waits for a store future (the store's own threads deliver it). Blocks: not on a GUI thread.
template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

// Where a range lies in an object of `size` bytes, as an offset and length (a suffix longer than
// the object is all of it); an error when it runs past the end.
Result<ByteRange> resolveRange(ByteRange range, std::uint64_t size, const QString &key);

// Applies a range to a whole object (stores that read whole objects, and servers that ignore Range).
Result<QByteArray> sliceRange(const QByteArray &object, ByteRange range, const QString &key);

} // namespace zs
