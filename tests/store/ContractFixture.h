#pragma once
// The objects every store of the contract suite (tst_store_contract) holds: the same keys and
// bytes in a directory, in memory, behind each server and inside a zip archive, so one set of
// expectations serves every store.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace zstest {

struct FixtureObject
{
    QString key;
    QByteArray bytes;
};

// a.bin (1000 bytes), big.bin (128 KiB that do not compress: it keeps a.bin out of the 64 KiB
// tail a zip store reads first, so reading a.bin from a zip over HTTP is a request), empty.bin, .hidden (a
// dot-file, as .zarray is), dir/b.txt, dir/sub/c.bin, dir/sub/deeper/d.bin, other/e.bin.
const QList<FixtureObject> &fixtureObjects();
QByteArray fixtureBytes(const QString &key); // the bytes of one fixture key (empty when none)

// What a one-level listing of `prefix` ("" for the top) must give: keys and prefixes, sorted.
QStringList expectedKeys(const QString &prefix, bool withDotFiles);
QStringList expectedPrefixes(const QString &prefix);

// Writes the objects as files under `dir`; false with `error` set on failure.
bool writeFixtureTree(const QString &dir, QString *error);
// Zips the tree at `dir` into `zipPath` with Python's zipfile (deflated), the writer zarr-python's
// ZipStore uses; false with `error` (and the install command) when python3 fails.
bool zipFixtureTree(const QString &dir, const QString &zipPath, QString *error);

} // namespace zstest
