#include "store/zip/ZipEntryData.h"

#include "store/zip/ZipBytes.h"

#include <zlib.h>

namespace zs {

namespace {

constexpr std::uint32_t kLocalSignature = 0x04034b50;
// Deflate's best case is 258 bytes from 2 bits (a 1-bit length code and a 1-bit distance
// code), so no stream inflates to more than 1032 times its size plus its block headers.
constexpr std::uint64_t kDeflateMaxRatio = 1032;
constexpr std::uint64_t kDeflateSlack = 1024;

Result<QByteArray> inflateEntry(const char *data, std::uint64_t size, const ZipEntry &entry,
                                const QString &where)
{
    if (size > UINT32_MAX)
        return makeError(QStringLiteral("zip entry of %1 compressed bytes is too large").arg(size), where);
    QByteArray out(qsizetype(entry.uncompressedSize), Qt::Uninitialized);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) // raw deflate: zip entries carry no zlib header
        return makeError(QStringLiteral("cannot start inflating"), where);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    z.avail_in = uInt(size);
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    int rc = inflate(&z, Z_FINISH);
    if (rc != Z_STREAM_END && z.avail_out == 0) {
        // All the declared bytes are out but the stream goes on: one byte more tells a stream
        // that only has its end marker left from one that would inflate past what it declared.
        unsigned char extra = 0;
        z.next_out = &extra;
        z.avail_out = 1;
        rc = inflate(&z, Z_FINISH);
        if (z.avail_out == 0) {
            inflateEnd(&z);
            return makeError(QStringLiteral("zip entry inflates to more than its declared %1 bytes")
                                 .arg(entry.uncompressedSize),
                             where);
        }
    }
    const uLong produced = z.total_out;
    const QString message = z.msg ? QString::fromLatin1(z.msg) : QString();
    inflateEnd(&z);
    if (rc == Z_DATA_ERROR || rc == Z_STREAM_ERROR || rc == Z_MEM_ERROR || rc == Z_NEED_DICT)
        return makeError(QStringLiteral("damaged deflate data in zip entry%1")
                             .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message),
                         where);
    if (rc != Z_STREAM_END) return makeError(QStringLiteral("zip entry's deflate data is truncated"), where);
    if (produced != entry.uncompressedSize)
        return makeError(QStringLiteral("zip entry inflates to %1 bytes, not its declared %2")
                             .arg(produced)
                             .arg(entry.uncompressedSize),
                         where);
    return out;
}

} // namespace

Result<std::uint64_t> zipDataOffset(const QByteArray &fromHeader, const ZipEntry &entry, const QString &where)
{
    const ZipBytes h(fromHeader);
    if (h.size() < kZipLocalHeaderBytes || h.u32(0) != kLocalSignature)
        return makeError(
            QStringLiteral("zip entry has no local file header at offset %1").arg(entry.headerOffset), where);
    if (h.u16(8) != entry.method)
        return makeError(QStringLiteral("zip entry's local header gives method %1, its directory entry %2")
                             .arg(h.u16(8))
                             .arg(entry.method),
                         where);
    const std::uint64_t nameLength = h.u16(26), extraLength = h.u16(28);
    if (nameLength != entry.nameBytes)
        return makeError(QStringLiteral("zip entry's local header names another entry"), where);
    // Compared when the header's name is among the bytes given (it is when callers over-read).
    if (h.size() >= kZipLocalHeaderBytes + nameLength) {
        QByteArray name = h.sub(kZipLocalHeaderBytes, std::size_t(nameLength)).toByteArray();
        if (entry.isDirectory && name.endsWith('/')) name.chop(1);
        if (name != entry.name.toUtf8())
            return makeError(QStringLiteral("zip entry's local header names another entry"), where);
    }
    const std::uint64_t dataOffset = kZipLocalHeaderBytes + nameLength + extraLength;
    std::uint64_t end = 0;
    if (!addFits(entry.headerOffset, dataOffset, &end) || !addFits(end, entry.compressedSize, &end) ||
        end > entry.limit)
        return makeError(
            QStringLiteral("zip entry's data overlaps the next entry (it ends at %1, the next starts at %2)")
                .arg(end)
                .arg(entry.limit),
            where);
    return dataOffset;
}

Status zipEntryReadable(const ZipEntry &entry, const QString &where)
{
    if (entry.encrypted())
        return makeError(QStringLiteral("zip entry is encrypted: encrypted archives are not supported"),
                         where);
    if (entry.method != 0 && entry.method != 8)
        return makeError(
            QStringLiteral("zip entry uses compression method %1: only stored (0) and deflate (8) "
                           "are supported")
                .arg(entry.method),
            where);
    if (entry.uncompressedSize > kMaxZipEntryBytes)
        return makeError(QStringLiteral("zip entry of %1 bytes is larger than the %2-byte limit")
                             .arg(entry.uncompressedSize)
                             .arg(kMaxZipEntryBytes),
                         where);
    if (entry.method == 0 && entry.compressedSize != entry.uncompressedSize)
        return makeError(QStringLiteral("stored zip entry declares %1 bytes stored but %2 bytes of data")
                             .arg(entry.compressedSize)
                             .arg(entry.uncompressedSize),
                         where);
    if (entry.method == 8 && entry.uncompressedSize > kDeflateSlack &&
        (entry.uncompressedSize - kDeflateSlack) / kDeflateMaxRatio > entry.compressedSize)
        return makeError(
            QStringLiteral("zip entry declares %1 bytes from %2 compressed bytes, more than deflate "
                           "can produce")
                .arg(entry.uncompressedSize)
                .arg(entry.compressedSize),
            where);
    return Ok{};
}

Result<QByteArray> zipExtract(const char *data, std::uint64_t size, const ZipEntry &entry,
                              const QString &where)
{
    ZS_CHECK(zipEntryReadable(entry, where));
    if (size != entry.compressedSize)
        return makeError(QStringLiteral("zip entry's data is truncated (%1 of %2 bytes)")
                             .arg(size)
                             .arg(entry.compressedSize),
                         where);
    QByteArray out;
    if (entry.method == 0) {
        out = QByteArray(data, qsizetype(size));
    } else {
        ZS_TRY(out, inflateEntry(data, size, entry, where));
    }
    // The CRC catches what sizes cannot: damaged stored bytes, or data from another entry.
    uLong crc = crc32(0L, Z_NULL, 0);
    for (qsizetype done = 0; done < out.size();) {
        const qsizetype n = std::min<qsizetype>(out.size() - done, qsizetype(1) << 30);
        crc = crc32(crc, reinterpret_cast<const Bytef *>(out.constData() + done), uInt(n));
        done += n;
    }
    if (std::uint32_t(crc) != entry.crc32)
        return makeError(QStringLiteral("zip entry's CRC-32 does not match its data"), where);
    return out;
}

} // namespace zs
