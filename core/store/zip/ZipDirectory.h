#pragma once
// The zip format's directory, parsed from bytes (APPNOTE 4.3): the end-of-central-directory
// record found in the archive's tail, the Zip64 locator and record when counts or offsets
// overflow 16/32 bits, then the central directory itself. Pure functions over bytes, so the
// fuzzer drives exactly what a store runs; reading the bytes is ZipArchive's job.
//
// Everything an entry claims is checked against the archive before anyone allocates for it:
// an entry must sit before the central directory, entries must not overlap, names must be
// relative paths without "..", and the directory must hold exactly the entries it declares.

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace zs {

// How much of the archive's end to read first: the 22-byte record plus the largest comment.
constexpr std::uint64_t kZipTailBytes = 22 + 65535;

// What the end-of-central-directory record (and the Zip64 locator right before it) say.
struct ZipEndRecord
{
    std::uint64_t entries = 0;
    std::uint64_t directorySize = 0;
    std::uint64_t directoryOffset = 0;
    std::uint64_t recordFromEnd = 0; // bytes from the record's first byte to the archive's end
    // Set when the record's fields overflowed: the Zip64 record at this offset has the real ones.
    std::optional<std::uint64_t> zip64RecordOffset;
    std::uint64_t tailSize = 0; // how many bytes the tail held
    bool tailIsWholeArchive = false;
};

// Where the central directory lies, and how long the archive is.
struct ZipDirectoryExtent
{
    std::uint64_t entries = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::uint64_t archiveSize = 0;
};

struct ZipEntry
{
    QString name; // '/'-separated path inside the archive, without a trailing '/'
    bool isDirectory = false;
    std::uint16_t flags = 0;
    std::uint16_t method = 0;
    std::uint32_t crc32 = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t uncompressedSize = 0;
    std::uint64_t headerOffset = 0; // the local file header
    std::uint64_t nameBytes = 0;    // the name's length in the central directory
    // Where the next entry (or the central directory) begins: this entry's local header, data
    // and data descriptor must end there. Guards against overlapping entries (quoted-overlap bombs).
    std::uint64_t limit = 0;

    bool encrypted() const { return (flags & 0x0041) != 0; } // bit 0 traditional, bit 6 strong
};

// Finds the end record in the last bytes of an archive. `tailIsWholeArchive` when the tail is
// shorter than asked for, i.e. it is the whole file, so the archive's size is known exactly.
Result<ZipEndRecord> parseZipEndRecord(const QByteArray &tail, bool tailIsWholeArchive, const QString &where);

// The directory's extent from an end record without Zip64 (zip64RecordOffset unset).
Result<ZipDirectoryExtent> zipExtentFromEndRecord(const ZipEndRecord &end, const QString &where);

// The directory's extent from the 56-byte fixed part of a Zip64 end record at end.zip64RecordOffset.
constexpr std::uint64_t kZip64RecordBytes = 56;
Result<ZipDirectoryExtent> parseZip64Record(const QByteArray &record, const ZipEndRecord &end,
                                            const QString &where);

// Parses the central directory's bytes (exactly extent.size of them) into its entries, sorted
// by local header offset, each with its limit set. Refuses hostile names and layouts.
Result<std::vector<ZipEntry>> parseZipDirectory(const QByteArray &directory, const ZipDirectoryExtent &extent,
                                                const QString &where);

// The checks every entry name passes: relative, '/'-separated, no "." or ".." parts, no
// backslashes, drive letters or NULs. Returns the error message, empty when the name is fine.
QString zipNameProblem(const QString &name);

} // namespace zs
