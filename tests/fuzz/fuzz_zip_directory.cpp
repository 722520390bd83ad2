// libFuzzer harness: the input is a whole zip archive. The directory parser must refuse it or
// give entries that lie inside the archive's data, in order and without overlap; reading each
// entry (local header, then stored or inflated data) must refuse it or give exactly the
// declared size, never inflating more than declared.

#include "store/zip/ZipDirectory.h"
#include "store/zip/ZipEntryData.h"
#include "store/zip/ZipIndex.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray archive(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString where = QStringLiteral("fuzz.zip");
    auto end = zs::parseZipEndRecord(archive, true, where);
    if (!end) return 0;
    zs::Result<zs::ZipDirectoryExtent> extent = zs::makeError(QStringLiteral("unset"));
    if (end->zip64RecordOffset) {
        const std::uint64_t at = *end->zip64RecordOffset;
        if (at > size || zs::kZip64RecordBytes > size - at) return 0;
        extent =
            zs::parseZip64Record(archive.mid(qsizetype(at), qsizetype(zs::kZip64RecordBytes)), *end, where);
    } else {
        extent = zs::zipExtentFromEndRecord(*end, where);
    }
    if (!extent) return 0;
    if (extent->archiveSize != size || extent->offset + extent->size > size)
        __builtin_trap(); // the extent must agree with an archive whose size is known
    auto entries = zs::parseZipDirectory(archive.mid(qsizetype(extent->offset), qsizetype(extent->size)),
                                         *extent, where);
    if (!entries) return 0;
    std::uint64_t previousLimit = 0;
    for (const zs::ZipEntry &e : *entries) {
        if (e.headerOffset < previousLimit || e.limit > extent->offset ||
            e.headerOffset + 30 + e.nameBytes + e.compressedSize > e.limit ||
            !zs::zipNameProblem(e.name).isEmpty())
            __builtin_trap();
        previousLimit = e.limit;
        const QByteArray fromHeader =
            archive.mid(qsizetype(e.headerOffset), qsizetype(e.limit - e.headerOffset));
        auto offset = zs::zipDataOffset(fromHeader, e, where);
        if (!offset) continue;
        if (*offset + e.compressedSize > std::uint64_t(fromHeader.size())) __builtin_trap();
        auto bytes = zs::zipExtract(fromHeader.constData() + *offset, e.compressedSize, e, where);
        if (bytes && std::uint64_t(bytes->size()) != e.uncompressedSize) __builtin_trap();
    }
    auto index = zs::ZipIndex::build(std::move(*entries), QString(), where);
    if (index) (void)index->list(QString());
    return 0;
}
