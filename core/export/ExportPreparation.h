#pragma once
// Everything an export decides before the first chunk: which nodes, where each goes, its
// metadata (written now, or compared with what a resumed export finds), how it is batched.
// Blocks on the store: run it on a worker thread in the GUI.

#include "export/BatchWriter.h"
#include "store/Store.h"

#include <memory>

namespace zs {

struct PreparedExport
{
    std::vector<std::shared_ptr<const ArrayExportJob>> arrays;
    std::uint64_t groups = 0;
    QStringList notes;
};

// Refuses a hostile hierarchy (a node path with "..", an absolute path or an empty segment)
// before anything is created. Without `options.resume` the target must be absent or empty.
Result<PreparedExport> prepareExport(Store &store, const QString &path, const QString &targetDir,
                                     const ExportOptions &options);

} // namespace zs
