#pragma once
// What an export should produce, and what it did.

#include "codec/Codec.h"

#include <QString>
#include <memory>
#include <optional>

namespace zs {

class ChunkCache;

// --codec: a compressor chosen by name, or the source's own codecs.
enum class ExportCodec
{
    Source,
    BloscLz4,
    BloscZstd,
    Zstd,
    Gzip,
    None
};

std::optional<ExportCodec> parseExportCodec(const QString &name);
// "100,100" (spaces allowed around each size) for --chunks and --shards; nullopt unless every
// size is a positive integer.
std::optional<Shape> parseSizeList(const QString &text);
QString exportCodecName(ExportCodec codec);

struct ExportOptions
{
    int zarrFormat = 0; // 2 or 3; 0 = the source's format
    QString selection;  // NumPy basic indexing, one array only; "" = everything
    Shape chunks;       // output chunk shape, one array only; empty = the source's chunks
    // Output shard shape (Zarr v3 sharding_indexed, `chunks` inside each shard), one array only;
    // empty = no new sharding (a sharded v3 source keeps its own when nothing else changes).
    Shape shards;
    ExportCodec codec = ExportCodec::Source;
    bool resume = false; // finish an interrupted export into a non-empty directory
    // One array only: also export the coordinate variables its dimensions and `coordinates`
    // attribute name (ExportCoordinates.h). When it has any, the export is a group holding the
    // array and them, each under its own name, so xarray opens it with its coordinates.
    bool includeCoordinates = false;
    // OME-Zarr: the levels of each multiscale image to export (indices into its datasets);
    // empty = all of them (OmeExport.h).
    std::vector<int> levels;
    // The dimension_separator of a v2 output array; 0 = the source's ("." from a v3 source).
    char v2Separator = 0;
    // Decoded source chunks kept between batches (a rechunked export reads chunks on batch
    // boundaries twice otherwise); null keeps none.
    std::shared_ptr<ChunkCache> cache;
    // Decoded bytes one batch of output chunks may hold: the source region read at once. Two
    // batches are alive at most (one being written, one being read), so memory stays bounded
    // whatever the array's size; a single output chunk larger than this is its own batch.
    std::uint64_t batchBytes = std::uint64_t(64) << 20;
};

struct ExportStats
{
    std::uint64_t arrays = 0;
    std::uint64_t groups = 0;
    std::uint64_t chunksTotal = 0; // output chunks of every exported array
    std::uint64_t chunksWritten = 0;
    std::uint64_t chunksFill = 0;     // entirely the fill value: not written (zarr-python's convention)
    std::uint64_t chunksExisting = 0; // already there when resuming: neither read nor written
    std::uint64_t requests = 0;       // store reads of source chunks
    std::uint64_t bytesRead = 0;      // bytes those reads returned
    std::uint64_t bytesWritten = 0;   // encoded chunk bytes written
    std::uint64_t maxBatchBytes = 0;  // largest decoded region held for one batch
    double seconds = 0;

    std::uint64_t chunksDone() const { return chunksWritten + chunksFill + chunksExisting; }
};

} // namespace zs
