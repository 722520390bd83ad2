#include "store/Store.h"

#include "util/FutureChain.h"

namespace zs {

bool isMetadataDocument(const QString &leaf)
{
    return leaf == u".zarray" || leaf == u".zgroup" || leaf == u".zattrs" || leaf == u".zmetadata" ||
           leaf == u"zarr.json";
}

QFuture<StoredSizeResult> Store::storedSize(const QString &)
{
    return QtFuture::makeReadyFuture(StoredSizeResult(std::optional<StoredSize>{}));
}

std::vector<QFuture<GetResult>> Store::getMany(const QStringList &keys)
{
    std::vector<QFuture<GetResult>> out;
    out.reserve(std::size_t(keys.size()));
    for (const QString &key : keys)
        out.push_back(get(key));
    return out;
}

QFuture<RangeReadResult> Store::getRangeOrWhole(const QString &key, ByteRange range)
{
    // Plain stores answer with the range; wrapping it is a few instructions, done where the
    // answer is heard (no pool thread that a blocked caller could be holding).
    return continueIn<RangeReadResult>(nullptr, getRange(key, range),
                                       [](const GetResult &r) -> RangeReadResult {
                                           if (!r) return r.error();
                                           if (!*r) return std::optional<RangeRead>{};
                                           return std::optional<RangeRead>(RangeRead{**r, false});
                                       });
}

Result<ByteRange> resolveRange(ByteRange range, std::uint64_t size, const QString &key)
{
    if (range.suffix) {
        const std::uint64_t n = std::min(range.length, size);
        return ByteRange::fromStart(size - n, n);
    }
    if (range.offset > size || range.length > size - range.offset)
        return makeError(QStringLiteral("byte range %1-%2 is outside the object of %3 bytes")
                             .arg(range.offset)
                             .arg(range.offset + range.length)
                             .arg(size),
                         key);
    return range;
}

Result<QByteArray> sliceRange(const QByteArray &object, ByteRange range, const QString &key)
{
    ZS_TRY(const ByteRange r, resolveRange(range, std::uint64_t(object.size()), key));
    return object.mid(qsizetype(r.offset), qsizetype(r.length));
}

} // namespace zs
