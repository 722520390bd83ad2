#pragma once
// nginx (Debian's nginx-light) as a child process, in the foreground as the current user from a
// config in a temporary directory. Two uses:
//  - HTTP/2 for `serve --http2`: Qt HTTP Server 6.4 speaks only HTTP/1.1, so nginx fronts it,
//    accepting cleartext h2c with prior knowledge and proxying over kept-alive HTTP/1.1
//    connections to the StoreServer on another loopback port;
//  - a plain static web server with autoindex listings, for the discovery tests.

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace zs::server {

class NginxFront
{
public:
    NginxFront() = default;
    ~NginxFront() { stop(); }

    // The nginx binary, or empty when it is not installed.
    static QString nginxPath();
    // Starts nginx on 127.0.0.1:port (0 = a free port) in front of 127.0.0.1:upstreamPort and
    // waits until it accepts connections. On failure returns false with a message.
    bool start(quint16 port, quint16 upstreamPort, QString *error);
    // Serves the files under root over HTTP/1.1 with nginx's autoindex directory listings, on a
    // free loopback port (the tests' stand-in for a plain web server hosting a store).
    bool startStatic(const QString &root, QString *error);
    // The same over TLS with HTTP/2 offered by ALPN (and HTTP/1.1 for clients that do not take
    // it), with a self-signed certificate for 127.0.0.1 made here (certificatePath(); needs openssl).
    bool startStaticTls(const QString &root, QString *error);
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    quint16 port() const { return m_port; }
    void stop();

private:
    // The whole config: optional upstream block, one server on 127.0.0.1:`listen` with `location`.
    QString configText(const QString &upstream, const QString &listen, const QString &location) const;
    bool launch(const QString &config, QString *error);

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace zs::server
