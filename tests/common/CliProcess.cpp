#include "CliProcess.h"

#include <QEventLoop>
#include <QProcess>
#include <QTimer>
#include <sys/resource.h>

// Under AddressSanitizer (the asan preset) the CLI reserves terabytes of shadow address space, so
// an address-space cap would kill every run: cap single allocations and RSS through ASan instead.
#if defined(__SANITIZE_ADDRESS__)
#define ZS_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ZS_UNDER_ASAN 1
#endif
#endif

namespace zstest {

namespace {

// Hostile metadata must not make the CLI take the machine down: cap its address space (far
// above what any fixture needs), so a runaway allocation aborts instead.
// NOLINTNEXTLINE(performance-unnecessary-value-param): a copy, changed under ASan
void capMemory(QProcess &p, QProcessEnvironment env)
{
#ifdef ZS_UNDER_ASAN
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS")) +
                   QStringLiteral(":max_allocation_size_mb=3072:hard_rss_limit_mb=3072"));
#else
    p.setChildProcessModifier([] {
        const rlimit limit{rlim_t(3) << 30, rlim_t(3) << 30};
        setrlimit(RLIMIT_AS, &limit);
    });
#endif
    p.setProcessEnvironment(env);
}

CliRun collect(QProcess &p, bool finished)
{
    CliRun r;
    if (!finished) {
        p.kill();
        p.waitForFinished();
        r.crashed = true;
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

constexpr int kRunLimitMs = 60000;

} // namespace

CliRun runCli(const QString &program, const QStringList &args)
{
    QProcess p;
    capMemory(p, QProcessEnvironment::systemEnvironment());
    p.start(program, args);
    return collect(p, p.waitForFinished(kRunLimitMs));
}

CliRun runCliIn(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    capMemory(p, env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) loop.quit();
    });
    QTimer::singleShot(kRunLimitMs, &loop, &QEventLoop::quit);
    p.start(program, args);
    if (p.state() != QProcess::NotRunning) loop.exec();
    if (p.state() != QProcess::NotRunning) p.waitForFinished(1000); // a crash reported just before finished
    return collect(p, p.state() == QProcess::NotRunning && p.error() != QProcess::FailedToStart);
}

QString describeRun(const QStringList &args, const CliRun &r)
{
    return QStringLiteral("zarrscope-cli %1 -> %2%3\nstdout: %4\nstderr: %5")
        .arg(args.join(u' '))
        .arg(r.code)
        .arg(r.crashed ? QStringLiteral(" (crashed)") : QString())
        .arg(QString::fromUtf8(r.out.left(2000)), QString::fromUtf8(r.err.left(2000)));
}

} // namespace zstest
