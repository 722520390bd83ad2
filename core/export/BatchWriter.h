#pragma once
// The CPU and disk half of an export: one batch's decoded region is cut into output chunks,
// each is encoded with the target codec chain and written whole (temporary file + rename).
// Chunks that hold nothing but the fill value are not written, as zarr-python does by default.

#include "export/ChunkFileWriter.h"
#include "export/ExportMetadata.h"
#include "export/ExportPlan.h"
#include "metadata/MetadataParser.h"

#include <atomic>

namespace zs {

// Everything the workers of one array export share (read-only once built).
struct ArrayExportJob
{
    TargetArray target;
    ExportPlan plan;
    ChunkFileWriter writer;

    QString chunkKey(const Shape &coords) const
    {
        return joinKey(target.path, target.meta.keyEncoding.key(coords));
    }
};

struct BatchOutcome
{
    std::uint64_t written = 0;
    std::uint64_t fill = 0;
    std::uint64_t bytes = 0;
};

// `region` holds the batch's elements in C order, in the source's in-memory byte order.
// Stops early (and says so) once `cancelled` is set: chunks already renamed stay.
Result<BatchOutcome> writeBatch(const ArrayExportJob &job, const ExportBatch &batch, QByteArray region,
                                const std::vector<Shape> &chunks, const std::atomic_bool &cancelled);

} // namespace zs
