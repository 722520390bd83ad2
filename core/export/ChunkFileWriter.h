#pragma once
// Writes objects of a local directory store so that a reader never sees half a file: each
// object goes to a temporary file in its own directory and is renamed over the key. An export
// stopped at any moment leaves whole chunks (or none), plus at most a stray ".*.partial" file.
//
// Keys are checked with checkSafeKey, directories are created one segment at a time and a
// symlink on the way is refused, so a pre-existing link cannot redirect a write outside the root.

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace zs {

class ChunkFileWriter
{
public:
    explicit ChunkFileWriter(QString root) : m_root(std::move(root)) {}
    const QString &root() const { return m_root; }

    // Creates the root directory itself (and its parents) when missing; a file there is an error.
    Status prepareRoot() const;
    // Writes `bytes` as `key` (relative to the root). Safe to call from several threads.
    Status write(const QString &key, const QByteArray &bytes) const;
    bool exists(const QString &key) const;
    // Deletes the temporary files a killed export left behind (only names this writer makes:
    // ".<name>.<16 hex digits>.partial"), without following symlinks. For a resumed export.
    Status removeStrayPartials() const;
    // The object at `key`, or nullopt when absent.
    Result<std::optional<QByteArray>> read(const QString &key) const;
    QString filePath(const QString &key) const { return m_root + u'/' + key; }

private:
    Status ensureDirectory(const QString &relativeDir) const;
    static QString temporaryName(const QString &name);

    QString m_root;
};

} // namespace zs
