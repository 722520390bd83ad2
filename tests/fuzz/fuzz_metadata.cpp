// libFuzzer harness: Zarr metadata documents as they arrive from a store. The first byte picks
// the reader (even: v2 .zarray, odd: v3 zarr.json); the rest is the document. Anything may
// be refused, nothing may crash, hang or allocate without bound. An accepted array must have
// a sane chunk spec and a chunk key for its first chunk.

#include "metadata/Json.h"
#include "metadata/JsonNonFinite.h"
#include "metadata/MetadataParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1) return 0;
    const bool v3 = data[0] & 1;
    const QByteArray text(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString where = v3 ? QStringLiteral("arr/zarr.json") : QStringLiteral("arr/.zarray");
    auto doc = zs::parseJsonDocument(text, where);
    if (!doc) return 0;
    // What we write back (NaN/Infinity as tokens) must read back as the same document.
    const std::string written = zs::dumpJson(*doc);
    auto again = zs::parseJsonDocument(QByteArray::fromStdString(written), where);
    if (!again || zs::dumpJson(*again) != written) __builtin_trap();
    auto node = v3 ? zs::makeV3Node(QStringLiteral("arr"), *doc, where)
                   : zs::makeV2Node(QStringLiteral("arr"), *doc, nullptr, nullptr, where);
    if (!node || !node->isArray()) return 0;
    const zs::ArrayMetadata &meta = *node->array;
    const zs::ChunkSpec spec = meta.chunkSpec();
    // Accepted metadata promises a fill value of exactly one element.
    if (std::uint64_t(meta.fill.size()) != meta.dtype.size) __builtin_trap();
    (void)spec.byteSize();
    (void)meta.chunkCount();
    (void)meta.keyEncoding.key(zs::Shape(meta.shape.size(), 0));
    return 0;
}
