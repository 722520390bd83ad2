// `get`: a selection of one array, written as .npy.

#include "Commands.h"

#include "array/ArrayReader.h"
#include "io/NpyWriter.h"

int runGet(const CliArgs &args)
{
    if (!args.has(QStringLiteral("-o")) || args.value(QStringLiteral("-o")).isEmpty())
        return reportUsage(QStringLiteral("get needs -o OUT.npy"));
    const auto concurrency = concurrencyOption(args);
    if (!concurrency)
        return ExitCode::Usage;
    const QString path = args.positional[1];
    auto opened = openNode(args, path, true, *concurrency);
    if (!opened)
        return reportError(opened.error());
    const auto &meta = *opened->node.array;
    auto selection = zs::parseSelection(args.value(QStringLiteral("--select")), meta.shape);
    if (!selection)
        return reportError(selection.error());
    auto array = zs::readSelection(opened->store, path, meta, *selection, zs::ReadOptions{*concurrency});
    if (!array)
        return reportError(array.error());
    const auto written = zs::writeNpy(*array, args.value(QStringLiteral("-o")));
    if (!written)
        return reportError(written.error());
    return ExitCode::Ok;
}
