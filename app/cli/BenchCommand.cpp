// `bench`: the same read done one chunk after another and then concurrently, timed.
// Each mode gets a fresh store, so connection pools and counters start clean, and the
// metadata is read once beforehand so only chunk requests are counted.

#include "Commands.h"

#include "array/ArrayReader.h"

using json = nlohmann::ordered_json;

namespace {

struct ModeRun
{
    double seconds = 0;
    zs::ReadStats read;
    std::optional<zs::TransferStats> wire;
};

zs::Result<ModeRun> runMode(const CliArgs &args, const QString &path, const zs::ArrayMetadata &meta,
                            const zs::Selection &selection, int limit)
{
    ZS_TRY(auto store, zs::openStore(args.positional[0], storeOptions(args, limit)));
    ModeRun run;
    ZS_TRY(zs::NdArray ignored, zs::readSelection(store, path, meta, selection, zs::ReadOptions{limit}, &run.read));
    Q_UNUSED(ignored);
    run.seconds = run.read.seconds;
    run.wire = store->transferStats();
    return run;
}

} // namespace

int runBench(const CliArgs &args)
{
    const QString mode = args.value(QStringLiteral("--mode"), QStringLiteral("both"));
    if (mode != u"sequential" && mode != u"concurrent" && mode != u"both")
        return reportUsage(QStringLiteral("--mode must be sequential, concurrent or both"));
    const auto concurrency = concurrencyOption(args);
    if (!concurrency)
        return ExitCode::Usage;
    const QString path = args.positional[1];
    auto target = openArraySelection(args, 64); // metadata only: each mode opens its own store
    if (!target)
        return reportError(target.error());
    const auto &meta = target->meta();
    const zs::Selection &selection = target->selection;

    json out = {{"array", path.toStdString()}, {"chunks", nullptr},       {"requests", nullptr},
                {"bytes", nullptr},            {"sequential_s", nullptr}, {"concurrent_s", nullptr},
                {"speedup", nullptr},          {"concurrency", *concurrency}, {"max_in_flight", nullptr},
                {"range_requests", nullptr}};
    auto record = [&](const ModeRun &run, const char *key) {
        out[key] = run.seconds;
        out["chunks"] = run.read.chunks;
        // Remote stores count on the wire (what the server saw); local ones at the reader.
        out["requests"] = run.wire ? run.wire->requests : run.read.requests;
        out["bytes"] = run.wire ? run.wire->bytes : run.read.bytes;
        out["max_in_flight"] = run.wire ? run.wire->maxInFlight : run.read.maxInFlight;
        // Sharded arrays: shard indexes and coalesced inner chunks are read by byte range.
        out["range_requests"] = run.wire ? run.wire->rangeRequests : run.read.rangeRequests;
    };
    if (mode != u"concurrent") {
        auto run = runMode(args, path, meta, selection, 1);
        if (!run)
            return reportError(run.error());
        record(*run, "sequential_s");
    }
    if (mode != u"sequential") {
        auto run = runMode(args, path, meta, selection, *concurrency);
        if (!run)
            return reportError(run.error());
        record(*run, "concurrent_s");
    }
    if (mode == u"both" && out["concurrent_s"].get<double>() > 0)
        out["speedup"] = out["sequential_s"].get<double>() / out["concurrent_s"].get<double>();

    if (args.has(QStringLiteral("--json"))) {
        printOut(QString::fromStdString(out.dump(2)) + u'\n');
        return ExitCode::Ok;
    }
    auto secs = [&](const char *k) {
        return out[k].is_null() ? QStringLiteral("-") : QString::number(out[k].get<double>(), 'f', 3) + u's';
    };
    printOut(QStringLiteral("array %1: %2 chunks, %3 requests, %4 bytes\n")
                 .arg(path.isEmpty() ? QStringLiteral("/") : path)
                 .arg(out["chunks"].get<qulonglong>())
                 .arg(out["requests"].get<qulonglong>())
                 .arg(out["bytes"].get<qulonglong>()));
    printOut(QStringLiteral("sequential %1, concurrent %2 (concurrency %3, max in flight %4)%5\n")
                 .arg(secs("sequential_s"), secs("concurrent_s"))
                 .arg(*concurrency)
                 .arg(out["max_in_flight"].get<int>())
                 .arg(out["speedup"].is_null()
                          ? QString()
                          : QStringLiteral(", speedup %1x").arg(out["speedup"].get<double>(), 0, 'f', 1)));
    return ExitCode::Ok;
}
