// `get`: a selection of one array, written as .npy.

#include "Commands.h"

#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "io/NpyWriter.h"
#include "store/StoreFactory.h"

int runGet(const CliArgs &args)
{
    if (!args.has(QStringLiteral("-o")) || args.value(QStringLiteral("-o")).isEmpty())
        return reportUsage(QStringLiteral("get needs -o OUT.npy"));
    auto store = zs::openStore(args.positional[0]);
    if (!store)
        return reportError(store.error());
    const QString path = args.positional[1];
    auto node = zs::loadNode(**store, path);
    if (!node)
        return reportError(node.error());
    if (!node->isArray())
        return reportError(zs::makeError(QStringLiteral("not an array (a group)"), path.isEmpty() ? "/" : path));
    const auto &meta = *node->array;
    auto selection = zs::parseSelection(args.value(QStringLiteral("--select")), meta.shape);
    if (!selection)
        return reportError(selection.error());
    auto array = zs::readSelection(*store, path, meta, *selection);
    if (!array)
        return reportError(array.error());
    const auto written = zs::writeNpy(*array, args.value(QStringLiteral("-o")));
    if (!written)
        return reportError(written.error());
    return ExitCode::Ok;
}
