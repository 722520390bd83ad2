#pragma once
// What the private-data CLI tests (issue 17) share: the zarr-python fixture, a CLI environment
// with no credentials of the machine's own, and the five commands a user runs on a private store
// (ls, info, get, bench, export), each checked against the fixture and grepped for secrets.
// Checks return what went wrong as text (empty: all good), so a test says QVERIFY2(p.isEmpty(), p).

#include "CliProcess.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QStringList>
#include <optional>

namespace zstest {

struct PrivateFixture
{
    QString dir;       // holds private.zarr, a.npy, expected.json
    QString store;     // dir/private.zarr
    QStringList nodes; // every node path, sorted, root "" first
};

// Runs make_private_fixtures.py (zarr-python 2.13) into `dir`.
std::optional<PrivateFixture> writePrivateFixture(const QString &dir, QString *error);

// The CLI's environment: this process's without any AWS_*, AZURE_*, GOOGLE_*, NETRC, and HOME
// set to `home` (an empty temporary folder unless a test writes ~/.aws or ~/.netrc there).
QProcessEnvironment environmentWithoutCredentials(const QString &home);
// Writes `text` to `path`, creating folders; false on failure.
bool writeTextFile(const QString &path, const QByteArray &text);

// One way of reaching the private store.
struct PrivateTarget
{
    QString store;       // STORE as the user types it
    QStringList options; // store options after the command's own (--s3-endpoint URL, --header ...)
    QProcessEnvironment env;
    QStringList secrets; // none may appear in any output
};

CliRun runOn(const PrivateTarget &target, const QString &command, const QStringList &args);
// The first secret found in either stream, else empty.
QString leakedSecret(const CliRun &run, const QStringList &secrets);
// `ls --json`, `info a --json` (whose "credentials" must contain `credentialWords`), `get a -o`
// (equal to zarr-python's), `bench a --mode both --json` and `export a -o` (read back by
// zarr-python), each exit 0 and no secret in its output. `work` is a scratch folder.
QString readsEverything(const PrivateTarget &target, const PrivateFixture &fixture,
                        const QString &credentialWords, const QString &work);
// `get a` fails with exit 2 and one "error: " line on stderr that contains `words`, with no secret.
// The stderr line is left in `line`.
QString failsClearly(const PrivateTarget &target, const QString &words, QString *line = nullptr);

} // namespace zstest
