#pragma once
// `zarrscope-cli serve DIR --autoindex --require-header "Name: value"` in a child process: the
// embedded server answering 401 to every request without that exact header, as a private HTTP
// store (or a GCS-style endpoint demanding a bearer token) for the CLI tests; with no header, a
// public HTTP store.

#include <QProcess>
#include <QString>

namespace zstest {

class ServeProcess
{
public:
    ~ServeProcess();
    // False with problem() set when the server does not say where it listens. An empty
    // `requiredHeader` serves without one.
    bool start(const QString &dir, const QString &requiredHeader);
    QString url() const { return m_url; } // http://127.0.0.1:PORT (no trailing slash)
    QString problem() const { return m_problem; }

private:
    QProcess m_process;
    QString m_url;
    QString m_problem;
};

} // namespace zstest
