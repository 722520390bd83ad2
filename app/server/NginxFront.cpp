#include "NginxFront.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace zs::server {

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

QString NginxFront::nginxPath()
{
    QString inPath = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (!inPath.isEmpty()) return inPath;
    // /usr/sbin is often missing from a normal user's PATH.
    return QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
}

QString NginxFront::configText(const QString &upstream, const QString &listen, const QString &location) const
{
    const QString d = m_dir.path();
    // As root, nginx would hand its workers to "nobody"; keep them as the current user.
    QString user;
    if (geteuid() == 0) {
        passwd entry{};
        passwd *pw = nullptr;
        char buffer[4096];
        getpwuid_r(geteuid(), &entry, buffer, sizeof buffer, &pw);
        user = QStringLiteral("user %1;\n").arg(QString::fromLocal8Bit(pw ? pw->pw_name : "root"));
    }
    return user + QStringLiteral("daemon off;\n"
                                 "worker_processes 1;\n"
                                 "pid %1/nginx.pid;\n"
                                 "error_log %1/error.log warn;\n"
                                 "events { worker_connections 4096; }\n"
                                 "http {\n"
                                 "  access_log off;\n"
                                 "  client_body_temp_path %1/body;\n"
                                 "  proxy_temp_path %1/proxy;\n"
                                 "  fastcgi_temp_path %1/fastcgi;\n"
                                 "  uwsgi_temp_path %1/uwsgi;\n"
                                 "  scgi_temp_path %1/scgi;\n"
                                 "%2"
                                 "  server {\n"
                                 "    listen 127.0.0.1:%3;\n"
                                 "    keepalive_requests 1000000;\n"
                                 "%4"
                                 "  }\n"
                                 "}\n")
                      .arg(d, upstream, listen, location);
}

bool NginxFront::start(quint16 port, quint16 upstreamPort, QString *error)
{
    m_port = port ? port : freeLoopbackPort();
    const QString location = QStringLiteral("    http2_max_concurrent_streams 512;\n"
                                            "    location / {\n"
                                            "      proxy_pass http://zarrscope;\n"
                                            "      proxy_http_version 1.1;\n"
                                            "      proxy_set_header Connection \"\";\n"
                                            "      proxy_max_temp_file_size 0;\n"
                                            "      proxy_read_timeout 600s;\n"
                                            "    }\n");
    const QString upstream =
        QStringLiteral("  upstream zarrscope { server 127.0.0.1:%1; keepalive 512; }\n").arg(upstreamPort);
    return launch(configText(upstream, QStringLiteral("%1 http2").arg(m_port), location), error);
}

bool NginxFront::startStatic(const QString &root, QString *error)
{
    m_port = freeLoopbackPort();
    // nginx's own directory listing, as a user's web server would produce it.
    const QString location = QStringLiteral("    root \"%1\";\n    autoindex on;\n").arg(root);
    return launch(configText(QString(), QString::number(m_port), location), error);
}

bool NginxFront::startStaticTls(const QString &root, QString *error)
{
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificatePath()});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl could not make a test certificate (apt install openssl): %1")
                     .arg(QString::fromLocal8Bit(openssl.readAll()).trimmed());
        return false;
    }
    m_port = freeLoopbackPort();
    const QString location = QStringLiteral("    ssl_certificate \"%1\";\n    ssl_certificate_key \"%2\";\n"
                                            "    http2_max_concurrent_streams 512;\n"
                                            "    root \"%3\";\n    autoindex on;\n")
                                 .arg(certificatePath(), key, root);
    return launch(configText(QString(), QStringLiteral("%1 ssl http2").arg(m_port), location), error);
}

bool NginxFront::launch(const QString &config, QString *error)
{
    const QString nginx = nginxPath();
    if (nginx.isEmpty()) {
        *error = QStringLiteral("nginx is not installed (apt install nginx-light)");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory for nginx");
        return false;
    }
    const QString confPath = m_dir.filePath(QStringLiteral("nginx.conf"));
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly) || conf.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(confPath);
        return false;
    }
    conf.close();
    // -p: prefix for relative paths; -e: the startup error log, before the config is read.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // If we die without stopping it (SIGKILL), nginx must not outlive us holding the port.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(nginx, {QStringLiteral("-p"), m_dir.path(), QStringLiteral("-e"),
                            m_dir.filePath(QStringLiteral("error.log")), QStringLiteral("-c"), confPath});
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1").arg(nginx);
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            QFile log(m_dir.filePath(QStringLiteral("error.log")));
            log.open(QIODevice::ReadOnly);
            *error = QStringLiteral("nginx exited: %1").arg(QString::fromUtf8(log.readAll()).trimmed());
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200)) return true;
        QThread::msleep(50);
        m_process.waitForFinished(0);
    }
    *error = QStringLiteral("nginx did not start listening on port %1").arg(m_port);
    stop();
    return false;
}

void NginxFront::stop()
{
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate(); // SIGTERM: nginx's fast shutdown
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

} // namespace zs::server
