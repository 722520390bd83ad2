// `get`: a selection of one array, written as .npy.

#include "Commands.h"

#include "array/ArrayReader.h"
#include "io/NpyWriter.h"

int runGet(const CliArgs &args)
{
    if (!args.has(QStringLiteral("-o")) || args.value(QStringLiteral("-o")).isEmpty())
        return reportUsage(QStringLiteral("get needs -o OUT.npy"));
    const auto concurrency = concurrencyOption(args);
    if (!concurrency) return ExitCode::Usage;
    const auto cache = cacheOption(args, 0);
    if (!cache) return ExitCode::Usage;
    auto target = openArraySelection(args, *concurrency);
    if (!target) return reportError(target.error());
    zs::ReadOptions options;
    options.cache = *cache;
    auto array = zs::readSelection(target->opened.store, nodePathArgument(args), target->meta(),
                                   target->selection, options);
    if (!array) return reportError(array.error());
    const auto written = zs::writeNpy(*array, args.value(QStringLiteral("-o")));
    if (!written) return reportError(written.error());
    return ExitCode::Ok;
}
