// zarrscope-cli: the headless front end to the core read engine.

#include "CliArgs.h"
#include "Commands.h"
#include "auth/http/HeaderOption.h"
#include "util/Memory.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

int main(int argc, char **argv)
{
    zs::tuneAllocatorForChunkBuffers();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("zarrscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ZARRSCOPE_VERSION));
    const QStringList args = app.arguments().mid(1);
    if (args.size() == 1 && (args[0] == u"--version" || args[0] == u"-V")) {
        printOut(QStringLiteral("zarrscope-cli %1\n").arg(QStringLiteral(ZARRSCOPE_VERSION)));
        return ExitCode::Ok;
    }
    if (args.size() == 1 && (args[0] == u"--help" || args[0] == u"-h" || args[0] == u"help")) {
        printOut(usageText());
        return ExitCode::Ok;
    }
    QString error;
    const auto parsed = parseArgs(args, &error);
    if (!parsed) return reportUsage(error);
    // A malformed --header is a usage error (exit 1), found before any store is opened; the
    // message names the option, never its value.
    if (const auto headers = zs::parseHeaderOptions(parsed->values(QStringLiteral("--header"))); !headers)
        return reportUsage(headers.error().toString());
    const QString &c = parsed->command;
    if (c == u"ls") return runLs(*parsed);
    if (c == u"info") return runInfo(*parsed);
    if (c == u"get") return runGet(*parsed);
    if (c == u"bench") return runBench(*parsed);
    if (c == u"export") return runExport(*parsed);
    if (c == u"serve") return runServe(*parsed);
    if (c == u"demo") return runDemo(*parsed);
    if (c == u"scrub") return runScrub(*parsed);
    return reportUsage(QStringLiteral("unknown command \"%1\"").arg(c));
}
