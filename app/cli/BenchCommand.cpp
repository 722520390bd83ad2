// `bench`: the same read done one chunk after another and then concurrently, timed.

#include "Commands.h"

#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "store/StoreFactory.h"

using json = nlohmann::ordered_json;

int runBench(const CliArgs &args)
{
    const QString mode = args.value(QStringLiteral("--mode"), QStringLiteral("both"));
    if (mode != u"sequential" && mode != u"concurrent" && mode != u"both")
        return reportUsage(QStringLiteral("--mode must be sequential, concurrent or both"));
    bool ok = true;
    const int concurrency = args.value(QStringLiteral("--concurrency"), QStringLiteral("64")).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 512)
        return reportUsage(QStringLiteral("--concurrency must be an integer from 1 to 512"));

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

    json out = {{"array", path.toStdString()}, {"chunks", nullptr},       {"requests", nullptr},
                {"bytes", nullptr},            {"sequential_s", nullptr}, {"concurrent_s", nullptr},
                {"speedup", nullptr},          {"concurrency", concurrency}, {"max_in_flight", nullptr}};
    auto runOnce = [&](int limit, const char *key) -> std::optional<zs::Error> {
        zs::ReadStats stats;
        auto r = zs::readSelection(*store, path, meta, *selection, zs::ReadOptions{limit}, &stats);
        if (!r)
            return r.error();
        out[key] = stats.seconds;
        out["chunks"] = stats.chunks;
        out["requests"] = stats.requests;
        out["bytes"] = stats.bytes;
        out["max_in_flight"] = stats.maxInFlight;
        return std::nullopt;
    };
    if (mode != u"concurrent")
        if (auto e = runOnce(1, "sequential_s"))
            return reportError(*e);
    if (mode != u"sequential")
        if (auto e = runOnce(concurrency, "concurrent_s"))
            return reportError(*e);
    if (mode == u"both" && out["concurrent_s"].get<double>() > 0)
        out["speedup"] = out["sequential_s"].get<double>() / out["concurrent_s"].get<double>();

    if (args.has(QStringLiteral("--json"))) {
        printOut(QString::fromStdString(out.dump(2)) + u'\n');
        return ExitCode::Ok;
    }
    auto secs = [&](const char *k) { return out[k].is_null() ? QStringLiteral("-") : QString::number(out[k].get<double>(), 'f', 3) + u's'; };
    printOut(QStringLiteral("array %1: %2 chunks, %3 requests, %4 bytes\n")
                 .arg(path.isEmpty() ? QStringLiteral("/") : path)
                 .arg(out["chunks"].get<qulonglong>())
                 .arg(out["requests"].get<qulonglong>())
                 .arg(out["bytes"].get<qulonglong>()));
    printOut(QStringLiteral("sequential %1, concurrent %2 (concurrency %3, max in flight %4)%5\n")
                 .arg(secs("sequential_s"), secs("concurrent_s"))
                 .arg(concurrency)
                 .arg(out["max_in_flight"].get<int>())
                 .arg(out["speedup"].is_null() ? QString()
                                               : QStringLiteral(", speedup %1x").arg(out["speedup"].get<double>(), 0, 'f', 1)));
    return ExitCode::Ok;
}
