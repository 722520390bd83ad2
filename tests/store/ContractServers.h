#pragma once
// The signed stores of the contract suite (issue 17): the fixture objects in a private s3rver
// bucket (its gate verifies Signature V4 and refuses unsigned requests) and as blobs in an
// Azurite container, and the location and credentials each row opens them with. Kept out of
// tst_store_contract.cpp so the contract reads as cases, not server setup.

#include "AzuriteProcess.h"
#include "S3rverProcess.h"
#include "store/StoreFactory.h"

#include <QTemporaryDir>

namespace zstest {

class SignedStores
{
public:
    // The rows this class opens: "s3rver signed", "s3rver signed token" (with AWS_SESSION_TOKEN),
    // "azurite shared key" (a connection string) and "azurite sas" (a container SAS on the URL).
    static const QStringList &names();
    static bool isSigned(const QString &name) { return names().contains(name); }

    // Starts both servers: s3rver uploads the tree at `fixtureDir` (its files in `dataDir`), Azurite
    // gets the fixture objects as blobs, both under the prefix "fixture". False with `problem` set
    // (and the install command) when node, s3rver or azurite is missing or a start fails.
    bool start(const QString &fixtureDir, const QString &dataDir, QString *problem);

    enum class Secret
    {
        Right,
        Wrong, // a secret key, account key or SAS signature the server does not accept
    };
    // The location of row `name`, with its endpoint and credentials set in `options` (nothing else
    // of them changes); false for a name that is not one of names().
    bool configure(const QString &name, Secret secret, QString *location, zs::StoreOptions *options) const;

private:
    S3rverProcess m_s3;
    AzuriteProcess m_azurite;
    QTemporaryDir m_home; // an empty home: no ~/.aws or ~/.netrc of whoever runs the tests
    QString m_sasRight, m_sasWrong;

    bool uploadBlobs(QString *problem);
};

} // namespace zstest
