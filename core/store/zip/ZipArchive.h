#pragma once
// Reads a zip archive's directory through another store's range reads of the archive's key:
// a LocalStore for a file on disk, an HttpStore for a URL, so every byte goes through the same
// scheduler, concurrency limit and retries as any other read. From the end: the last 64 KiB +
// 22 bytes (the end record and, for most archives, the whole directory), then the Zip64 record
// and the directory if the tail did not hold them. Blocking: run it on a worker thread.

#include "store/zip/ZipIndex.h"

#include <functional>
#include <memory>

namespace zs {

struct ZipArchive
{
    ZipIndex index;
    std::uint64_t size = 0;
    // The whole archive, when the server ignored Range and sent all of it: entries are then
    // cut from this one copy instead of downloading the archive again for each of them.
    std::shared_ptr<const QByteArray> whole;
};

Result<ZipArchive> loadZipArchive(Store &source, const QString &key, const QString &root,
                                  const QString &where);

// One request for an entry: its local header, data and descriptor, i.e. up to where the next
// entry begins, with room for a local extra field up to this many bytes beyond the central name.
constexpr std::uint64_t kZipLocalExtraAllowance = 1024;
ByteRange zipEntryRequest(const ZipEntry &entry);

// The entry's bytes from `fetched` (the bytes from its local header on, as asked for by
// zipEntryRequest). `more` fetches a range of the archive when the local header turns out
// longer than allowed for. Blocking when it does: run it on a worker thread.
using ZipFetch = std::function<Result<QByteArray>(ByteRange)>;
Result<QByteArray> zipEntryFromFetched(const QByteArray &fetched, const ZipEntry &entry, const QString &where,
                                       const ZipFetch &more);

} // namespace zs
