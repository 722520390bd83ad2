#pragma once
// A real Secret Service for the tests, as a desktop session has one: a private D-Bus session bus
// (dbus-daemon) and gnome-keyring-daemon on it, its login keyring unlocked with a password on
// stdin, its files in a temporary folder. Set DBUS_SESSION_BUS_ADDRESS before anything in the
// process talks to D-Bus (QtKeychain's libsecret connects on first use). Missing programs are a
// failure naming the packages to install, never a skip.

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

namespace zs::test {

class SecretService
{
public:
    static constexpr const char *kInstall =
        "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gnome-keyring dbus "
        "libsecret-tools dbus-x11 (scripts/setup-deps.sh)";

    ~SecretService()
    {
        for (QProcess *p : {&m_keyring, &m_bus}) {
            p->terminate();
            if (!p->waitForFinished(3000)) p->kill();
            p->waitForFinished(3000);
        }
    }

    // "" when the service answers; else what went wrong.
    QString start()
    {
        for (const char *program : {"dbus-daemon", "gnome-keyring-daemon", "secret-tool"})
            if (QStandardPaths::findExecutable(QLatin1String(program)).isEmpty())
                return QStringLiteral("%1 is missing: %2")
                    .arg(QLatin1String(program), QLatin1String(kInstall));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        QDir().mkpath(m_dir.filePath(QStringLiteral("data/keyrings"))); // where the login keyring is made
        const QString runtime = m_dir.filePath(QStringLiteral("run"));
        QDir().mkpath(runtime);
        QFile(runtime).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ExeOwner);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        m_bus.setProcessEnvironment(env);
        m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                    QStringLiteral("--print-address=1")});
        if (!m_bus.waitForReadyRead(10000)) return QStringLiteral("dbus-daemon did not start");
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
        m_env = env;
        m_keyring.setProcessEnvironment(env);
        m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                        {QStringLiteral("--unlock"), QStringLiteral("--components=secrets"),
                         QStringLiteral("--foreground")});
        if (!m_keyring.waitForStarted(10000)) return QStringLiteral("gnome-keyring-daemon did not start");
        m_keyring.write("zarrscope-test-keyring-password");
        m_keyring.waitForBytesWritten(5000); // no event loop runs here to write it later
        m_keyring.closeWriteChannel();
        // Up once an entry can be stored and found again.
        for (int i = 0; i < 100; ++i) {
            if (store(QStringLiteral("probe"), QStringLiteral("up")) &&
                lookupProbe(QStringLiteral("probe")) == "up")
                return {};
            QThread::msleep(100);
        }
        return QStringLiteral("gnome-keyring-daemon does not answer on %1 (%2): %3 %4")
            .arg(m_address,
                 m_keyring.state() == QProcess::Running ? QStringLiteral("running") : QStringLiteral("ended"),
                 QString::fromUtf8(m_keyring.readAllStandardError()), m_lastProblem);
    }

    // secret-tool's view of the entry QtKeychain's libsecret backend writes (attributes user =
    // the key, server = the service); empty when there is none.
    QByteArray lookup(const QString &key, const QString &service = QStringLiteral("Zarrscope")) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral("secret-tool"),
                {QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"), service});
        p.waitForFinished(10000);
        return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
    }

private:
    bool store(const QString &key, const QString &value) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral("secret-tool"),
                {QStringLiteral("store"), QStringLiteral("--label=probe"), QStringLiteral("user"), key,
                 QStringLiteral("server"), QStringLiteral("zarrscope-test")});
        p.write(value.toUtf8());
        p.closeWriteChannel();
        const bool stored = p.waitForFinished(5000) && p.exitCode() == 0;
        if (!stored) m_lastProblem = QString::fromUtf8(p.readAllStandardError());
        return stored;
    }
    QByteArray lookupProbe(const QString &key) const { return lookup(key, QStringLiteral("zarrscope-test")); }

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
    mutable QString m_lastProblem; // secret-tool's last complaint, for the failure message
    QProcessEnvironment m_env;
};

} // namespace zs::test
