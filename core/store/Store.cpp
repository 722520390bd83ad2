#include "store/Store.h"

namespace zs {

QFuture<StoredSizeResult> Store::storedSize(const QString &)
{
    return QtFuture::makeReadyFuture(StoredSizeResult(std::optional<StoredSize>{}));
}

Result<QByteArray> sliceRange(const QByteArray &object, ByteRange range, const QString &key)
{
    const std::uint64_t size = std::uint64_t(object.size());
    if (range.suffix) {
        const std::uint64_t n = std::min(range.length, size);
        return object.right(qsizetype(n));
    }
    if (range.offset > size || range.length > size - range.offset)
        return makeError(QStringLiteral("byte range %1-%2 is outside the object of %3 bytes")
                             .arg(range.offset)
                             .arg(range.offset + range.length)
                             .arg(size),
                         key);
    return object.mid(qsizetype(range.offset), qsizetype(range.length));
}

} // namespace zs
