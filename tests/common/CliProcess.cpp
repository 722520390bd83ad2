#include "CliProcess.h"

#include <QProcess>
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

CliRun runCli(const QString &program, const QStringList &args)
{
    QProcess p;
    // Hostile metadata must not make the CLI take the machine down: cap its address space
    // (far above what any fixture needs), so a runaway allocation aborts instead.
#ifdef ZS_UNDER_ASAN
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS")) +
                   QStringLiteral(":max_allocation_size_mb=3072:hard_rss_limit_mb=3072"));
    p.setProcessEnvironment(env);
#else
    p.setChildProcessModifier([] {
        const rlimit limit{rlim_t(3) << 30, rlim_t(3) << 30};
        setrlimit(RLIMIT_AS, &limit);
    });
#endif
    p.start(program, args);
    CliRun r;
    if (!p.waitForFinished(60000)) {
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

QString describeRun(const QStringList &args, const CliRun &r)
{
    return QStringLiteral("zarrscope-cli %1 -> %2%3\nstdout: %4\nstderr: %5")
        .arg(args.join(u' '))
        .arg(r.code)
        .arg(r.crashed ? QStringLiteral(" (crashed)") : QString())
        .arg(QString::fromUtf8(r.out.left(2000)), QString::fromUtf8(r.err.left(2000)));
}

} // namespace zstest
