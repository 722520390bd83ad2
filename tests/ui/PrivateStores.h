#pragma once
// The private stores tst_private_browser opens (issue 17): the store make_private_fixtures.py
// writes with zarr-python, behind s3rver in private mode (Signature V4 verified), Azurite (Shared
// Key and SAS verified) and `zarrscope-cli serve` demanding a GCS bearer token; and each way a
// user reaches them, with the right secret or a wrong one. Starting fails (never skips) when a
// writer or server is missing, saying how to install it.

#include "AzuriteProcess.h"
#include "ConnectionSettings.h"
#include "S3rverProcess.h"
#include "ServeProcess.h"

#include <QStringList>
#include <QTemporaryDir>
#include <vector>

namespace zstest {

class PrivateStores
{
public:
    enum class Secret
    {
        Right,
        Wrong
    };

    // One way of opening the store: what the user types, the Connection settings they fill in
    // (default: none), the environment the credential chains read (NAME=VALUE), and what the
    // window should say: the credential source when right, the failure's words when wrong.
    struct Way
    {
        QString name;
        QString location;
        zs::ConnectionSettings settings;
        QStringList env;
        QString source;
    };

    // "" when the fixture is written and every server holds it, else what went wrong.
    QString start();
    QList<Way> ways(Secret secret) const;
    // Every secret a run could leak, in each form it could take (a SAS signature encoded or not).
    QStringList secrets() const;

    QStringList nodes() const { return m_nodes; } // sorted, root "" first
    std::vector<double> valuesOfA() const { return m_valuesOfA; }
    // "" when zarr-python reads the export at `dir` equal to the fixture's "a".
    QString checkExport(const QString &dir) const;
    QString home() const { return m_dir.filePath(QStringLiteral("home")); } // holds .aws/credentials
    QString workDir(int run) const;

    // No AWS_*, AZURE_*, GOOGLE_* in this process's environment: only a row's own choices count.
    static void clearCredentialEnvironment();
    static void setEnvironment(const QStringList &nameValues);

private:
    QString writeFixture();
    QString uploadToAzurite();
    QString connectionString(const QString &key) const;

    QTemporaryDir m_dir;
    QStringList m_nodes;
    std::vector<double> m_valuesOfA;
    S3rverProcess m_s3;
    AzuriteProcess m_azurite;
    ServeProcess m_gcs;
    QString m_sas;
};

} // namespace zstest
