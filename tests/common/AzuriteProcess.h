#pragma once
// Azurite's blob service (npm `azurite`, installed in tests/js by `npm ci`) in a child process:
// in memory, on a free loopback port, with its well-known account devstoreaccount1. For tests
// that need a real Azure Blob endpoint that checks Shared Key and SAS signatures.

#include <QProcess>
#include <QString>

namespace zstest {

class AzuriteProcess
{
public:
    ~AzuriteProcess();

    // Starts Azurite and waits until it listens. False with problem() set (saying how to
    // install it) when node or azurite is missing or the start fails.
    bool start();
    QString endpoint() const { return m_endpoint; } // http://127.0.0.1:PORT
    // The path-style blob service endpoint of the default account: endpoint()/devstoreaccount1.
    QString blobEndpoint() const { return m_endpoint + QStringLiteral("/devstoreaccount1"); }
    QString problem() const { return m_problem; }

private:
    QProcess m_process;
    QString m_endpoint;
    QString m_problem;
};

} // namespace zstest
