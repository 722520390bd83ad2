#include "export/BatchWriter.h"

#include "array/ChunkPlan.h"
#include "array/DecodePool.h"

#include <QtConcurrent>
#include <cstring>

namespace zs {

namespace {

QByteArray repeated(const QByteArray &element, std::uint64_t count)
{
    QByteArray out(qsizetype(count * std::uint64_t(element.size())), Qt::Uninitialized);
    for (std::uint64_t i = 0; i < count; ++i)
        std::memcpy(out.data() + i * element.size(), element.constData(), element.size());
    return out;
}

} // namespace

Result<BatchOutcome> writeBatch(const ArrayExportJob &job, const ExportBatch &batch, QByteArray region,
                                const std::vector<Shape> &chunks, const std::atomic_bool &cancelled)
{
    const ArrayMetadata &meta = job.target.meta;
    const std::size_t item = meta.dtype.size;
    if (meta.dtype.needsSwapFrom(job.target.source.dtype.order))
        byteSwap(region.data(), std::size_t(region.size()), meta.dtype.swapUnit());
    const ChunkSpec spec = meta.chunkSpec();
    const QByteArray fillChunk = repeated(meta.fill, spec.elementCount());
    const Shape &outShape = job.plan.outShape();

    std::vector<Status> status(chunks.size(), Status(Ok{}));
    std::atomic<std::uint64_t> written{0}, fill{0}, bytes{0};
    std::vector<std::size_t> indices(chunks.size());
    for (std::size_t i = 0; i < indices.size(); ++i)
        indices[i] = i;
    // Encoding is codec work: the decode pool's threads, sized to the cores, not the global pool.
    QtConcurrent::blockingMap(decodePool(), indices, [&](std::size_t i) {
        if (cancelled.load()) return;
        const Shape &coords = chunks[i];
        std::vector<CopyDim> copy(coords.size());
        for (std::size_t d = 0; d < coords.size(); ++d) {
            const std::uint64_t origin = coords[d] * spec.shape[d];
            copy[d] = CopyDim{origin - batch.origin[d], 1, std::min(spec.shape[d], outShape[d] - origin), 0};
        }
        QByteArray chunk = fillChunk;
        copyChunkRegion(region.constData(), batch.extent, copy, chunk.data(), spec.shape, item);
        if (chunk == fillChunk) {
            ++fill;
            return;
        }
        const QString key = job.chunkKey(coords);
        auto encoded = meta.codecs.encode(chunk, spec);
        if (!encoded) {
            status[i] = encoded.error().at(key);
            return;
        }
        status[i] = job.writer.write(key, *encoded);
        if (status[i]) {
            ++written;
            bytes += std::uint64_t(encoded->size());
        }
    });
    for (const Status &s : status)
        if (!s) return s.error();
    if (cancelled.load()) return makeError(QStringLiteral("export cancelled"));
    return BatchOutcome{written.load(), fill.load(), bytes.load()};
}

} // namespace zs
