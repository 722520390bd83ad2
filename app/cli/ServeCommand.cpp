// zarrscope-cli serve: the embedded store server as a process, for demos, benchmarks and tests
// that need a real HTTP backend with latency. Prints one line with the URL (flushed, so a parent
// process can read the port) and serves until SIGINT or SIGTERM.

#include "Commands.h"
#include "FaultRules.h"
#include "NginxFront.h"
#include "StoreServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: the event loop picks the byte up and quits.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

bool parsePort(const QString &text, quint16 *out)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < 0 || v > 65535) return false;
    *out = quint16(v);
    return true;
}

int serveError(const QString &message)
{
    std::fprintf(stderr, "error: %s (serve)\n", qPrintable(message));
    return ExitCode::DataError;
}

} // namespace

int runServe(const CliArgs &args)
{
    using namespace zs::server;
    const QString dir = args.positional.value(0);
    quint16 port = 0;
    if (args.has(QStringLiteral("--port")) && !parsePort(args.value(QStringLiteral("--port")), &port))
        return reportUsage(QStringLiteral("--port wants 0-65535"));
    bool latencyOk = true;
    const int latency = args.value(QStringLiteral("--latency-ms"), QStringLiteral("0")).toInt(&latencyOk);
    if (!latencyOk || latency < 0)
        return reportUsage(QStringLiteral("--latency-ms wants a number of milliseconds >= 0"));
    if (!QFileInfo(dir).isDir()) return serveError(QStringLiteral("%1 is not a directory").arg(dir));
    const bool http2 = args.has(QStringLiteral("--http2"));
    if (http2 && NginxFront::nginxPath().isEmpty())
        return serveError(QStringLiteral("--http2 needs nginx (apt install nginx-light)"));

    StoreServer server(dir);
    server.setLatencyMs(latency);
    server.setAutoIndex(args.has(QStringLiteral("--autoindex")));
    if (args.has(QStringLiteral("--require-header"))) {
        const QString header = args.value(QStringLiteral("--require-header"));
        const qsizetype colon = header.indexOf(u':');
        if (colon <= 0) return reportUsage(QStringLiteral("--require-header wants \"Name: value\""));
        server.setRequiredHeader(header.left(colon).trimmed().toLatin1(),
                                 header.mid(colon + 1).trimmed().toUtf8());
    }
    if (args.has(QStringLiteral("--faults"))) {
        QFile file(args.value(QStringLiteral("--faults")));
        if (!file.open(QIODevice::ReadOnly))
            return serveError(QStringLiteral("cannot read %1").arg(file.fileName()));
        QList<FaultRule> rules;
        const QString problem = FaultRules::parseJson(file.readAll(), &rules);
        if (!problem.isEmpty()) return serveError(problem);
        for (const FaultRule &r : rules)
            server.addFault(r);
    }
    // With --http2 nginx takes the asked-for port and the Qt server any free one behind it.
    if (server.listenLocal(http2 ? 0 : port) == 0)
        return serveError(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port));
    NginxFront nginx;
    quint16 publicPort = server.port();
    if (http2) {
        QString problem;
        if (!nginx.start(port, server.port(), &problem)) return serveError(problem);
        publicPort = nginx.port();
    }

    if (::pipe(g_signalPipe) != 0) return serveError(QStringLiteral("cannot create a pipe"));
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [] { QCoreApplication::quit(); });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);

    printOut(QStringLiteral("serving %1 at http://127.0.0.1:%2/\n").arg(dir).arg(publicPort));
    QCoreApplication::exec();
    nginx.stop();
    std::fprintf(stderr, "served %lld requests, %lld body bytes, at most %d pending at once\n",
                 server.totalRequests(), server.bytesSent(), server.maxPendingRequests());
    return ExitCode::Ok;
}
