// `get`: a selection of one array, written as .npy; with --decode, CF-decoded (core/cf).

#include "Commands.h"

#include "array/ArrayReader.h"
#include "cf/DecodeArray.h"
#include "io/NpyWriter.h"

#include <cstdio>

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
    auto array = zs::readSelection(target->opened.store, target->opened.node.path, target->meta(),
                                   target->selection, options);
    if (!array) return reportError(array.error());
    if (args.has(QStringLiteral("--decode"))) {
        // CF-decoded values: the array's own attributes decide (no coordinates are needed for values).
        const auto conventions = zs::cf::resolveValueConventions(target->opened.node);
        auto decoded = zs::cf::decodeArray(*array, conventions);
        if (!decoded) return reportError(decoded.error().at(target->opened.node.path));
        for (const QString &note : decoded->notes)
            std::fprintf(stderr, "note: %s\n", qPrintable(note));
        *array = std::move(decoded->values);
    }
    const auto written = zs::writeNpy(*array, args.value(QStringLiteral("-o")));
    if (!written) return reportError(written.error());
    return ExitCode::Ok;
}
