#pragma once
// The zarrscope-cli commands. Each returns the process exit status:
// 0 done, 1 usage error, 2 data, format or I/O error ("error: <what> (<where>)" on stderr).

#include "CliArgs.h"
#include "array/ChunkCache.h"
#include "metadata/NodeMetadata.h"
#include "selection/Selection.h"
#include "store/StoreFactory.h"
#include "util/Result.h"

#include <memory>

namespace ExitCode {
constexpr int Ok = 0;
constexpr int Usage = 1;
constexpr int DataError = 2;
} // namespace ExitCode

int runLs(const CliArgs &args);
int runInfo(const CliArgs &args);
int runGet(const CliArgs &args);
int runBench(const CliArgs &args);
int runServe(const CliArgs &args);
int runDemo(const CliArgs &args);
int runExport(const CliArgs &args);
int runScrub(const CliArgs &args);

// Store options from the command line; `concurrency` is the in-flight limit for this use.
zs::StoreOptions storeOptions(const CliArgs &args, int concurrency);
// --concurrency N (1-512, default 64), or nullopt after printing a usage error.
std::optional<int> concurrencyOption(const CliArgs &args);
// --cache-mib N (0-1048576 MiB, `fallback` when absent), or nullopt after printing a usage error.
std::optional<std::uint64_t> cacheMibOption(const CliArgs &args, std::uint64_t fallback);
// The chunk cache --cache-mib asks for (null for 0: no cache), or nullopt after a usage error.
std::optional<std::shared_ptr<zs::ChunkCache>>
cacheOption(const CliArgs &args, std::uint64_t fallbackMib = zs::ChunkCache::kDefaultBudgetBytes >> 20);

struct OpenedNode
{
    std::shared_ptr<zs::Store> store;
    zs::NodeMetadata node;
};
// Opens STORE and the node at PATH; with `wantArray`, a group is an error.
// The node path argument (ARRAY/PATH) as a store path: "/a/b/" and "a/b" are the same node, and
// "/" is the root, as `ls` prints paths.
QString nodePathArgument(const CliArgs &args);
zs::Result<OpenedNode> openNode(const CliArgs &args, const QString &path, bool wantArray,
                                int concurrency = 64);

struct OpenedSelection
{
    OpenedNode opened;
    zs::Selection selection;
    const zs::ArrayMetadata &meta() const { return *opened.node.array; }
};
// get and bench: STORE, the array at ARRAY, and --select resolved against its shape.
zs::Result<OpenedSelection> openArraySelection(const CliArgs &args, int concurrency);

int reportError(const zs::Error &error);
int reportUsage(const QString &message);
void printOut(const QString &text);
