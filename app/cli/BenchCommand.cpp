// `bench`: the same read done one chunk after another and then concurrently, timed.
// The passes run through zs::BenchRunner, the engine behind the GUI's timing panel: each mode
// gets a fresh store, so connection pools and counters start clean, and the metadata is read
// once beforehand so only chunk requests are counted.

#include "Commands.h"

#include "bench/BenchRun.h"
#include "bench/Statistics.h"

using json = nlohmann::ordered_json;

int runBench(const CliArgs &args)
{
    const QString mode = args.value(QStringLiteral("--mode"), QStringLiteral("both"));
    if (mode != u"sequential" && mode != u"concurrent" && mode != u"both")
        return reportUsage(QStringLiteral("--mode must be sequential, concurrent or both"));
    const auto concurrency = concurrencyOption(args);
    if (!concurrency) return ExitCode::Usage;
    const QString path = nodePathArgument(args);
    auto target = openArraySelection(args, 64); // metadata only: each mode opens its own store
    if (!target) return reportError(target.error());
    const auto &meta = target->meta();
    const zs::Selection &selection = target->selection;

    json out = {{"array", path.toStdString()}, {"chunks", nullptr},
                {"requests", nullptr},         {"bytes", nullptr},
                {"sequential_s", nullptr},     {"concurrent_s", nullptr},
                {"speedup", nullptr},          {"concurrency", *concurrency},
                {"max_in_flight", nullptr},    {"range_requests", nullptr},
                {"managers", nullptr},         {"http2_responses", nullptr}};
    zs::BenchConfig config;
    config.location = args.positional[0];
    config.storeOptions = storeOptions(args, *concurrency);
    config.arrayPath = path;
    config.meta = meta;
    config.selection = selection;
    const auto cacheMib = cacheMibOption(args, 0);
    if (!cacheMib) return ExitCode::Usage;
    config.cacheBytes = *cacheMib << 20;
    config.passes = zs::modePasses(mode != u"concurrent", mode != u"sequential", *concurrency, 1);
    auto runs = zs::runBench(config);
    if (!runs) return reportError(runs.error());
    for (std::size_t i = 0; i < runs->size(); ++i) {
        const zs::PassResult &run = (*runs)[i];
        // The first pass is the sequential one unless only the concurrent mode was asked for.
        out[i == 0 && mode != u"concurrent" ? "sequential_s" : "concurrent_s"] = run.seconds;
        out["chunks"] = run.read.chunks;
        // Remote stores count on the wire (what the server saw); local ones at the reader.
        out["requests"] = run.wire ? run.wire->requests : run.read.requests;
        out["bytes"] = run.wire ? run.wire->bytes : run.read.bytes;
        out["max_in_flight"] = run.maxInFlight();
        // Sharded arrays: shard indexes and coalesced inner chunks are read by byte range.
        out["range_requests"] = run.wire ? run.wire->rangeRequests : run.read.rangeRequests;
        // HTTP: the QNetworkAccessManagers used (one HTTP/2 connection each, or up to six HTTP/1.1
        // ones) and how many answers came over HTTP/2.
        if (run.wire) {
            out["managers"] = run.wire->managers;
            out["http2_responses"] = run.wire->http2Responses;
        }
    }
    if (mode == u"both")
        if (auto s = zs::speedup(out["sequential_s"].get<double>(), out["concurrent_s"].get<double>()))
            out["speedup"] = *s;

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
