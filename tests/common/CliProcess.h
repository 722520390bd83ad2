#pragma once
// Runs zarrscope-cli as a user does, as a child process with capped memory, and keeps what it
// said: exit code, whether it died of a signal, stdout and stderr.

#include <QByteArray>
#include <QProcessEnvironment>
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
// The same with the environment the CLI sees (credentials, HOME), waiting in an event loop so
// servers living in the test process (a loopback token endpoint) answer while it runs.
CliRun runCliIn(const QString &program, const QStringList &args, const QProcessEnvironment &env);
// "zarrscope-cli ARGS -> CODE" with both streams, for failure messages.
QString describeRun(const QStringList &args, const CliRun &run);

} // namespace zstest
