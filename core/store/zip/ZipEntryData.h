#pragma once
// One entry's bytes, from the archive bytes that start at its local file header: the header
// is read for its own name and extra lengths (they may differ from the central directory's),
// then the data is copied (stored) or inflated (deflate) and checked against the central
// directory's sizes and CRC-32. Pure functions, so the fuzzer drives them too.

#include "store/zip/ZipDirectory.h"

namespace zs {

constexpr std::uint64_t kZipLocalHeaderBytes = 30;

// Largest entry a store read returns; an entry declaring more is refused before inflating.
constexpr std::uint64_t kMaxZipEntryBytes = std::uint64_t(2) << 30;

// Where the entry's data starts, counted from its local header, after checking the header
// against the central directory's entry and the data against the entry's limit. Needs the
// header's 30 fixed bytes; the data offset it answers may lie beyond the bytes given.
Result<std::uint64_t> zipDataOffset(const QByteArray &fromHeader, const ZipEntry &entry,
                                    const QString &where);

// Problems with an entry that refuse it before any of its data is read (encryption, methods
// other than stored and deflate, sizes beyond what deflate can produce or we return).
Status zipEntryReadable(const ZipEntry &entry, const QString &where);

// The entry's uncompressed bytes from its compressed bytes (exactly compressedSize of them).
Result<QByteArray> zipExtract(const char *data, std::uint64_t size, const ZipEntry &entry,
                              const QString &where);

} // namespace zs
