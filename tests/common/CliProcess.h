#pragma once
// Runs zarrscope-cli as a user does, as a child process with capped memory, and keeps what it
// said: exit code, whether it died of a signal, stdout and stderr.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace zstest {

struct CliRun
{
    int code = -1;
    bool crashed = false; // killed by a signal or by the 60 s limit
    QByteArray out;
    QByteArray err;
};

// `program` is the CLI's path (the tests' ZS_CLI).
CliRun runCli(const QString &program, const QStringList &args);
// "zarrscope-cli ARGS -> CODE" with both streams, for failure messages.
QString describeRun(const QStringList &args, const CliRun &run);

} // namespace zstest
