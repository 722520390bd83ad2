#pragma once
// The metadata of an exported node: the documents to write (v2 .zarray/.zgroup/.zattrs or v3
// zarr.json) and, for an array, the metadata parsed back from them, so chunks are encoded by
// exactly the codec chain a reader will build from what was written.

#include "export/ExportOptions.h"
#include "metadata/NodeMetadata.h"
#include "selection/Selection.h"

#include <vector>

namespace zs {

struct MetadataDocument
{
    QString key; // relative to the export root
    nlohmann::json content;
};

struct TargetArray
{
    QString sourcePath;
    QString path; // relative to the export root, "" = the root
    ArrayMetadata source;
    ArrayMetadata meta;  // the output array, as a reader will see it
    Selection selection; // in source coordinates
    std::vector<MetadataDocument> documents;
    QStringList notes;
};

// `format` is 2 or 3 (already resolved from ExportOptions::zarrFormat).
Result<TargetArray> planArrayMetadata(const NodeMetadata &source, const QString &outPath,
                                      const ExportOptions &options, int format);
std::vector<MetadataDocument> groupDocuments(const NodeMetadata &source, const QString &outPath, int format);

} // namespace zs
