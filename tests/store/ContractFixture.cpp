#include "ContractFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>

namespace zstest {

namespace {

QByteArray pattern(int size, int seed)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        out[i] = char((i * 7 + seed) % 251);
    return out;
}

// The names directly under `prefix` of every fixture key below it: files when `wantFiles`, else
// the first segment of deeper keys.
QStringList namesUnder(const QString &prefix, bool wantFiles, bool withDotFiles)
{
    const QString start = prefix.isEmpty() ? QString() : prefix + u'/';
    QStringList out;
    for (const auto &o : fixtureObjects()) {
        if (!o.key.startsWith(start)) continue;
        const QString rest = o.key.mid(start.size());
        const qsizetype slash = rest.indexOf(u'/');
        if (wantFiles && slash < 0 && (withDotFiles || !rest.startsWith(u'.'))) out << rest;
        if (!wantFiles && slash >= 0 && !out.contains(rest.left(slash))) out << rest.left(slash);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Bytes that do not compress (a linear congruential generator), so a zip keeps them big.
QByteArray noise(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    quint32 x = 12345;
    for (int i = 0; i < size; ++i) {
        x = x * 1103515245u + 12345u;
        out[i] = char(x >> 24);
    }
    return out;
}

} // namespace

const QList<FixtureObject> &fixtureObjects()
{
    static const QList<FixtureObject> objects = {
        {QStringLiteral("a.bin"), pattern(1000, 1)},
        {QStringLiteral("big.bin"), noise(128 * 1024)},
        {QStringLiteral("empty.bin"), QByteArray()},
        {QStringLiteral(".hidden"), QByteArrayLiteral("{\"dot\": true}")},
        {QStringLiteral("dir/b.txt"), QByteArrayLiteral("hello, store")},
        {QStringLiteral("dir/sub/c.bin"), pattern(300, 2)},
        {QStringLiteral("dir/sub/deeper/d.bin"), pattern(40, 3)},
        {QStringLiteral("other/e.bin"), pattern(64, 4)},
    };
    return objects;
}

QByteArray fixtureBytes(const QString &key)
{
    for (const auto &o : fixtureObjects())
        if (o.key == key) return o.bytes;
    return {};
}

QStringList expectedKeys(const QString &prefix, bool withDotFiles)
{
    return namesUnder(prefix, true, withDotFiles);
}

QStringList expectedPrefixes(const QString &prefix)
{
    return namesUnder(prefix, false, true);
}

bool writeFixtureTree(const QString &dir, QString *error)
{
    for (const auto &o : fixtureObjects()) {
        const QString path = dir + u'/' + o.key;
        QFile f(path);
        if (!QDir().mkpath(QFileInfo(path).path()) || !f.open(QIODevice::WriteOnly) ||
            f.write(o.bytes) != o.bytes.size()) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
    }
    return true;
}

bool zipFixtureTree(const QString &dir, const QString &zipPath, QString *error)
{
    // Entries in sorted order, names relative to `dir`, deflated.
    static const char *script = "import os, sys, zipfile\n"
                                "root, out = sys.argv[1], sys.argv[2]\n"
                                "with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:\n"
                                "    for base, dirs, files in sorted(os.walk(root)):\n"
                                "        for f in sorted(files):\n"
                                "            p = os.path.join(base, f)\n"
                                "            z.write(p, os.path.relpath(p, root))\n";
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(ZS_DEBIAN_PYTHON),
            {QStringLiteral("-c"), QString::fromLatin1(script), dir, zipPath});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("python3 could not zip the fixture (apt install python3): %1")
                     .arg(QString::fromUtf8(p.readAll()));
        return false;
    }
    return true;
}

} // namespace zstest
