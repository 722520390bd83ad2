#pragma once
// HTTP/2 for `serve --http2`: Qt HTTP Server 6.4 speaks only HTTP/1.1, so nginx (Debian's
// nginx-light) fronts it, accepting cleartext h2c with prior knowledge and proxying over
// kept-alive HTTP/1.1 connections to the StoreServer on another loopback port. nginx runs in
// the foreground as the current user from a config in a temporary directory.

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
    quint16 port() const { return m_port; }
    void stop();

private:
    QString configText(quint16 upstreamPort) const;

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace zs::server
