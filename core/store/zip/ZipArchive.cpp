#include "store/zip/ZipArchive.h"

#include "store/zip/ZipEntryData.h"

namespace zs {

namespace {

Result<QByteArray> fetchRange(Store &source, const QString &key, ByteRange range, const QString &where)
{
    ZS_TRY(MaybeBytes bytes, await(source.getRange(key, range)));
    if (!bytes) return makeError(QStringLiteral("the zip archive is gone"), where);
    return *bytes;
}

// The Zip64 end record usually sits right before the locator, inside the tail already read;
// it is taken from there only when its own offset says it is that record.
Result<ZipDirectoryExtent> readZip64Extent(Store &source, const QString &key, const QByteArray &tail,
                                           const ZipEndRecord &end, const QString &where)
{
    const std::uint64_t recordOffset = *end.zip64RecordOffset;
    if (std::uint64_t(tail.size()) >= end.recordFromEnd + kZip64RecordBytes) {
        const std::uint64_t at = std::uint64_t(tail.size()) - end.recordFromEnd - kZip64RecordBytes;
        auto extent = parseZip64Record(tail.mid(qsizetype(at), qsizetype(kZip64RecordBytes)), end, where);
        if (extent && extent->archiveSize - tail.size() + at == recordOffset) return extent;
    }
    if (end.tailIsWholeArchive) {
        if (recordOffset > std::uint64_t(tail.size()) || kZip64RecordBytes > tail.size() - recordOffset)
            return makeError(QStringLiteral("Zip64 end record lies beyond the archive"), where);
        return parseZip64Record(tail.mid(qsizetype(recordOffset), qsizetype(kZip64RecordBytes)), end, where);
    }
    ZS_TRY(const QByteArray record,
           fetchRange(source, key, ByteRange::fromStart(recordOffset, kZip64RecordBytes), where));
    return parseZip64Record(record, end, where);
}

} // namespace

Result<ZipArchive> loadZipArchive(Store &source, const QString &key, const QString &root,
                                  const QString &where)
{
    // A server that ignores Range sends the whole archive for the tail: keep that one copy and
    // cut the directory and every entry from it, rather than downloading it again for each.
    ZS_TRY(std::optional<RangeRead> tailRead,
           await(source.getRangeOrWhole(key, ByteRange::lastBytes(kZipTailBytes))));
    if (!tailRead) return makeError(QStringLiteral("no such zip archive"), where);
    const QByteArray tail = std::move(tailRead->bytes);
    ZipArchive archive;
    // An archive shorter than the tail asked for came whole in any case.
    const bool whole = tailRead->wholeObject || std::uint64_t(tail.size()) < kZipTailBytes;
    if (whole) archive.whole = std::make_shared<const QByteArray>(tail);

    ZS_TRY(const ZipEndRecord end, parseZipEndRecord(tail, whole, where));
    ZipDirectoryExtent extent;
    if (end.zip64RecordOffset) {
        ZS_TRY(extent, readZip64Extent(source, key, tail, end, where));
    } else {
        ZS_TRY(extent, zipExtentFromEndRecord(end, where));
    }
    archive.size = extent.archiveSize;
    // Small archives' directories are in the tail already: listing them cost one request.
    const std::uint64_t tailStart = extent.archiveSize - std::uint64_t(tail.size());
    QByteArray directory;
    if (extent.offset >= tailStart) {
        directory = tail.mid(qsizetype(extent.offset - tailStart), qsizetype(extent.size));
    } else {
        ZS_TRY(directory, fetchRange(source, key, ByteRange::fromStart(extent.offset, extent.size), where));
    }
    ZS_TRY(std::vector<ZipEntry> entries, parseZipDirectory(directory, extent, where));
    ZS_TRY(archive.index, ZipIndex::build(std::move(entries), root, where));
    return archive;
}

ByteRange zipEntryRequest(const ZipEntry &entry)
{
    // Every term was checked against the directory's offset by parseZipDirectory: no overflow.
    const std::uint64_t wanted =
        kZipLocalHeaderBytes + entry.nameBytes + kZipLocalExtraAllowance + entry.compressedSize;
    return ByteRange::fromStart(entry.headerOffset, std::min(wanted, entry.limit - entry.headerOffset));
}

Result<QByteArray> zipEntryFromFetched(const QByteArray &fetched, const ZipEntry &entry, const QString &where,
                                       const ZipFetch &more)
{
    ZS_CHECK(zipEntryReadable(entry, where));
    ZS_TRY(const std::uint64_t dataOffset, zipDataOffset(fetched, entry, where));
    if (dataOffset + entry.compressedSize <= std::uint64_t(fetched.size()))
        return zipExtract(fetched.constData() + dataOffset, entry.compressedSize, entry, where);
    ZS_TRY(const QByteArray data,
           more(ByteRange::fromStart(entry.headerOffset + dataOffset, entry.compressedSize)));
    return zipExtract(data.constData(), std::uint64_t(data.size()), entry, where);
}

} // namespace zs
