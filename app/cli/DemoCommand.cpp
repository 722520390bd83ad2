// `demo`: what `zarrscope --demo` shows, for a machine without a display. Serves the bundled demo
// store on loopback with simulated latency and runs `bench --mode both` on its 1289-chunk array.

#include "Commands.h"
#include "DemoStore.h"
#include "ServerThread.h"

#include <cstdio>

int runDemo(const CliArgs &args)
{
    using namespace zs::server;
    bool ok = true;
    const int latency =
        args.value(QStringLiteral("--latency-ms"), QString::number(kDemoLatencyMs)).toInt(&ok);
    if (!ok || latency < 0)
        return reportUsage(QStringLiteral("--latency-ms wants a number of milliseconds >= 0"));
    const QString store = demoStorePath();
    if (store.isEmpty())
        return reportError(
            zs::Error{QStringLiteral("the demo store is missing: build the project (it is written at "
                                     "build time) or set ZARRSCOPE_DEMO_STORE"),
                      QStringLiteral("share/zarrscope/demo.zarr")});

    ServerThread server(store);
    server.server()->setLatencyMs(latency);
    if (server.start() == 0)
        return reportError(
            zs::Error{QStringLiteral("cannot listen on loopback"), QStringLiteral("127.0.0.1")});
    if (!args.has(QStringLiteral("--json")))
        std::fprintf(stderr, "serving the demo store %s at %s with %d ms latency per request\n",
                     qPrintable(store), qPrintable(server.url().toString()), latency);

    CliArgs bench;
    bench.command = QStringLiteral("bench");
    bench.positional = {server.url().toString(), QString::fromLatin1(kDemoTimingArray)};
    bench.options = args.options;
    bench.options.remove(QStringLiteral("--latency-ms"));
    bench.options.insert(QStringLiteral("--mode"), QStringLiteral("both"));
    if (!bench.options.contains(QStringLiteral("--concurrency")))
        bench.options.insert(QStringLiteral("--concurrency"), QStringLiteral("256"));
    return runBench(bench);
}
