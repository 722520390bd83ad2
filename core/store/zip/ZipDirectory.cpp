#include "store/zip/ZipDirectory.h"

#include "store/zip/ZipBytes.h"

#include <QHash>
#include <QStringList>
#include <algorithm>

namespace zs {

namespace {

constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::uint32_t kZip64RecordSignature = 0x06064b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint64_t kEndBytes = 22;
constexpr std::uint64_t kLocatorBytes = 20;
constexpr std::uint64_t kCentralBytes = 46;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint16_t kUtf8Flag = 0x0800;
// A directory larger than this is refused before it is read: a million entries take about
// 100 MB of directory, so 1 GiB is generous for real archives and bounded for hostile ones.
constexpr std::uint64_t kMaxDirectoryBytes = std::uint64_t(1) << 30;

// The archive's length follows from where the directory says it ends; a tail that was the whole
// file pins it exactly, and a longer tail than the archive is a contradiction.
Result<ZipDirectoryExtent> checkedExtent(ZipDirectoryExtent e, const ZipEndRecord &end,
                                         std::uint64_t recordsEnd, const QString &where)
{
    if (!addFits(recordsEnd, end.recordFromEnd, &e.archiveSize))
        return makeError(QStringLiteral("zip end record gives an impossible archive size"), where);
    if (e.archiveSize < end.tailSize || (end.tailIsWholeArchive && e.archiveSize != end.tailSize))
        return makeError(
            QStringLiteral("zip central directory offset %1 does not match the archive of %2 bytes "
                           "(data before the first entry, or a damaged archive)")
                .arg(e.offset)
                .arg(end.tailIsWholeArchive ? end.tailSize : e.archiveSize),
            where);
    if (e.size > kMaxDirectoryBytes)
        return makeError(QStringLiteral("zip central directory of %1 bytes is larger than the %2-byte limit")
                             .arg(e.size)
                             .arg(kMaxDirectoryBytes),
                         where);
    if (e.entries > e.size / kCentralBytes)
        return makeError(
            QStringLiteral("zip central directory of %1 bytes cannot hold the %2 entries it declares")
                .arg(e.size)
                .arg(e.entries),
            where);
    return e;
}

// The fields of one central directory entry's Zip64 extra field, present only for the values
// whose 32-bit (or 16-bit) slot holds the all-ones marker, in this fixed order (APPNOTE 4.5.3).
Status applyZip64Extra(ZipBytes extra, ZipEntry &e, std::uint32_t disk, const QString &where)
{
    const bool needUncompressed = e.uncompressedSize == 0xFFFFFFFFu;
    const bool needCompressed = e.compressedSize == 0xFFFFFFFFu;
    const bool needOffset = e.headerOffset == 0xFFFFFFFFu;
    const bool needDisk = disk == 0xFFFFu;
    if (!needUncompressed && !needCompressed && !needOffset && !needDisk) return Ok{};
    std::size_t at = 0;
    while (at + 4 <= extra.size()) {
        const std::uint16_t id = extra.u16(at), size = extra.u16(at + 2);
        if (at + 4 + size > extra.size()) break;
        if (id == kZip64ExtraId) {
            ZipBytes z = extra.sub(at + 4, size);
            std::size_t p = 0;
            auto take = [&](std::uint64_t &field) {
                if (p + 8 > z.size()) return false;
                field = z.u64(p);
                p += 8;
                return true;
            };
            if ((needUncompressed && !take(e.uncompressedSize)) ||
                (needCompressed && !take(e.compressedSize)) || (needOffset && !take(e.headerOffset)))
                return makeError(QStringLiteral("zip entry's Zip64 extra field is too short"), where);
            if (needDisk && (p + 4 > z.size() || z.u32(p) != 0))
                return makeError(
                    QStringLiteral("zip entry is on another disk: split archives are not supported"), where);
            return Ok{};
        }
        at += 4 + size;
    }
    return makeError(QStringLiteral("zip entry declares Zip64 sizes but has no Zip64 extra field"), where);
}

Result<QString> decodeName(ZipBytes raw, std::uint16_t flags, const QString &where)
{
    const QByteArray bytes = raw.toByteArray();
    // Bit 11 says UTF-8; without it APPNOTE means CP437, but zip tools write UTF-8 anyway and Zarr
    // keys are ASCII. Either way a name that does not round-trip is not a key we can serve.
    Q_UNUSED(flags);
    const QString name = QString::fromUtf8(bytes);
    if (name.toUtf8() != bytes) return makeError(QStringLiteral("zip entry name is not valid UTF-8"), where);
    return name;
}

} // namespace

QString zipNameProblem(const QString &name)
{
    if (name.isEmpty()) return QStringLiteral("empty zip entry name");
    if (name.contains(u'\\')) return QStringLiteral("zip entry name with a backslash");
    if (name.contains(QChar(0))) return QStringLiteral("zip entry name with a NUL character");
    if (name.startsWith(u'/') || (name.size() >= 2 && name[1] == u':'))
        return QStringLiteral("zip entry with an absolute path");
    const QStringList parts = name.split(u'/');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts[i] == u"..") return QStringLiteral("zip entry name with \"..\"");
        if (parts[i] == u".") return QStringLiteral("zip entry name with \".\"");
        // "a//b" is ambiguous; a trailing '/' (a directory entry) is the one empty part allowed.
        if (parts[i].isEmpty() && i + 1 != parts.size())
            return QStringLiteral("zip entry name with an empty path part");
    }
    return {};
}

Result<ZipEndRecord> parseZipEndRecord(const QByteArray &tailBytes, bool tailIsWholeArchive,
                                       const QString &where)
{
    const ZipBytes tail(tailBytes);
    if (tail.size() < kEndBytes)
        return makeError(QStringLiteral("not a zip archive: %1 bytes is too short").arg(tail.size()), where);
    // Search backwards: the record is followed only by its comment, whose length it states, so
    // a candidate counts only when that length ends exactly at the archive's end.
    for (std::size_t p = tail.size() - kEndBytes + 1; p-- > 0;) {
        if (tail.u32(p) != kEndSignature || p + kEndBytes + tail.u16(p + 20) != tail.size()) continue;
        ZipEndRecord end;
        end.tailSize = tail.size();
        end.tailIsWholeArchive = tailIsWholeArchive;
        end.recordFromEnd = tail.size() - p;
        if (tail.u16(p + 4) != 0 || tail.u16(p + 6) != 0 || tail.u16(p + 8) != tail.u16(p + 10))
            return makeError(QStringLiteral("split zip archives (several disks) are not supported"), where);
        end.entries = tail.u16(p + 10);
        end.directorySize = tail.u32(p + 12);
        end.directoryOffset = tail.u32(p + 16);
        const bool overflowed =
            end.entries == 0xFFFF || end.directorySize == 0xFFFFFFFFu || end.directoryOffset == 0xFFFFFFFFu;
        if (p >= kLocatorBytes && tail.u32(p - kLocatorBytes) == kZip64LocatorSignature) {
            const std::size_t l = p - kLocatorBytes;
            if (tail.u32(l + 4) != 0 || tail.u32(l + 16) > 1)
                return makeError(QStringLiteral("split zip archives (several disks) are not supported"),
                                 where);
            end.zip64RecordOffset = tail.u64(l + 8);
            end.recordFromEnd += kLocatorBytes;
        } else if (overflowed) {
            return makeError(QStringLiteral("zip end record needs Zip64, but there is no Zip64 locator"),
                             where);
        }
        return end;
    }
    return makeError(QStringLiteral("not a zip archive: no end-of-central-directory record"), where);
}

Result<ZipDirectoryExtent> zipExtentFromEndRecord(const ZipEndRecord &end, const QString &where)
{
    ZipDirectoryExtent e;
    e.entries = end.entries;
    e.offset = end.directoryOffset;
    e.size = end.directorySize;
    std::uint64_t directoryEnd = 0;
    if (!addFits(e.offset, e.size, &directoryEnd))
        return makeError(QStringLiteral("zip central directory lies beyond the archive"), where);
    return checkedExtent(e, end, directoryEnd, where);
}

Result<ZipDirectoryExtent> parseZip64Record(const QByteArray &recordBytes, const ZipEndRecord &end,
                                            const QString &where)
{
    const ZipBytes r(recordBytes);
    if (!end.zip64RecordOffset) return makeError(QStringLiteral("no Zip64 end record to read"), where);
    if (r.size() < kZip64RecordBytes || r.u32(0) != kZip64RecordSignature)
        return makeError(QStringLiteral("Zip64 locator does not point at a Zip64 end record"), where);
    if (r.u32(16) != 0 || r.u32(20) != 0 || r.u64(24) != r.u64(32))
        return makeError(QStringLiteral("split zip archives (several disks) are not supported"), where);
    ZipDirectoryExtent e;
    e.entries = r.u64(32);
    e.size = r.u64(40);
    e.offset = r.u64(48);
    const std::uint64_t recordSize = r.u64(4); // excludes the signature and this field (12 bytes)
    std::uint64_t directoryEnd = 0, recordsEnd = 0;
    if (recordSize < kZip64RecordBytes - 12 || !addFits(e.offset, e.size, &directoryEnd) ||
        directoryEnd != *end.zip64RecordOffset ||
        !addFits(*end.zip64RecordOffset, 12 + kLocatorBytes, &recordsEnd) ||
        !addFits(recordsEnd, recordSize, &recordsEnd))
        return makeError(QStringLiteral("Zip64 end record does not follow the central directory"), where);
    // recordFromEnd counts the locator already; recordsEnd ends after it too: take it out once.
    return checkedExtent(e, end, recordsEnd - kLocatorBytes, where);
}

Result<std::vector<ZipEntry>> parseZipDirectory(const QByteArray &directoryBytes,
                                                const ZipDirectoryExtent &extent, const QString &where)
{
    const ZipBytes dir(directoryBytes);
    if (dir.size() != extent.size)
        return makeError(QStringLiteral("zip central directory is truncated (%1 of %2 bytes)")
                             .arg(dir.size())
                             .arg(extent.size),
                         where);
    std::vector<ZipEntry> entries;
    entries.reserve(std::size_t(extent.entries)); // bounded: checkedExtent allows one per 46 bytes
    std::size_t at = 0;
    for (std::uint64_t i = 0; i < extent.entries; ++i) {
        if (at + kCentralBytes > dir.size() || dir.u32(at) != kCentralSignature)
            return makeError(QStringLiteral("zip central directory is truncated or damaged at entry %1 of %2")
                                 .arg(i + 1)
                                 .arg(extent.entries),
                             where);
        ZipEntry e;
        e.flags = dir.u16(at + 8);
        e.method = dir.u16(at + 10);
        e.crc32 = dir.u32(at + 16);
        e.compressedSize = dir.u32(at + 20);
        e.uncompressedSize = dir.u32(at + 24);
        const std::size_t nameLength = dir.u16(at + 28), extraLength = dir.u16(at + 30),
                          commentLength = dir.u16(at + 32);
        const std::uint32_t disk = dir.u16(at + 34);
        e.headerOffset = dir.u32(at + 42);
        const std::size_t next = at + kCentralBytes + nameLength + extraLength + commentLength;
        if (next > dir.size())
            return makeError(QStringLiteral("zip central directory is truncated at entry %1 of %2")
                                 .arg(i + 1)
                                 .arg(extent.entries),
                             where);
        ZS_TRY(e.name, decodeName(dir.sub(at + kCentralBytes, nameLength), e.flags, where));
        const QString entryWhere = where + QStringLiteral(": ") + e.name;
        if (const QString problem = zipNameProblem(e.name); !problem.isEmpty())
            return makeError(problem + QStringLiteral(" is refused"), entryWhere);
        ZS_CHECK(applyZip64Extra(dir.sub(at + kCentralBytes + nameLength, extraLength), e, disk, entryWhere));
        if (disk != 0 && disk != 0xFFFFu)
            return makeError(QStringLiteral("zip entry is on another disk: split archives are not supported"),
                             entryWhere);
        e.nameBytes = nameLength;
        if (e.name.endsWith(u'/')) {
            e.isDirectory = true;
            e.name.chop(1);
        }
        std::uint64_t end = 0;
        if (!addFits(e.headerOffset, 30 + e.nameBytes, &end) || !addFits(end, e.compressedSize, &end) ||
            end > extent.offset)
            return makeError(
                QStringLiteral("zip entry of %1 bytes at offset %2 reaches beyond its archive's data "
                               "(which ends at %3)")
                    .arg(e.compressedSize)
                    .arg(e.headerOffset)
                    .arg(extent.offset),
                entryWhere);
        e.limit = end; // provisional: the entry's minimal end, replaced by the next entry's start below
        entries.push_back(std::move(e));
        at = next;
    }
    if (at != dir.size())
        return makeError(QStringLiteral("zip central directory has %1 bytes after its %2 entries")
                             .arg(dir.size() - at)
                             .arg(extent.entries),
                         where);

    std::sort(entries.begin(), entries.end(),
              [](const ZipEntry &a, const ZipEntry &b) { return a.headerOffset < b.headerOffset; });
    QHash<QString, int> seen;
    seen.reserve(qsizetype(entries.size()));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        ZipEntry &e = entries[i];
        const std::uint64_t nextStart = i + 1 < entries.size() ? entries[i + 1].headerOffset : extent.offset;
        if (e.limit > nextStart)
            return makeError(QStringLiteral("zip entries overlap (at offset %1)").arg(nextStart),
                             where + QStringLiteral(": ") + e.name);
        e.limit = nextStart;
        if (seen.contains(e.name) && !e.isDirectory)
            return makeError(QStringLiteral("zip archive holds this entry twice"),
                             where + QStringLiteral(": ") + e.name);
        seen.insert(e.name, 1);
    }
    return entries;
}

} // namespace zs
