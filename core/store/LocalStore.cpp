#include "store/LocalStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent>

namespace zs {

LocalStore::LocalStore(QString root) : m_root(QDir::cleanPath(std::move(root)))
{
    // Reads are short and mostly from the page cache; a few threads overlap them with decoding.
    m_pool.setMaxThreadCount(4);
}

QString LocalStore::locate(const QString &key) const
{
    return key.isEmpty() ? m_root : m_root + u'/' + key;
}

// Keys come from metadata we do not trust: refuse anything that could leave the root.
Result<QString> LocalStore::filePath(const QString &key) const
{
    const QStringList parts = key.split(u'/');
    for (const QString &p : parts) {
        if (p.isEmpty() || p == u"." || p == u".." || p.contains(u'\\'))
            return makeError(QStringLiteral("invalid key"), key);
    }
    return m_root + u'/' + key;
}

GetResult LocalStore::readKey(const QString &key, std::optional<ByteRange> range) const
{
    ZS_TRY(const QString path, filePath(key));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!QFileInfo::exists(path)) return MaybeBytes{};
        if (QFileInfo(path).isDir()) return MaybeBytes{};
        return makeError(QStringLiteral("cannot read: %1").arg(file.errorString()), locate(key));
    }
    const qint64 size = file.size();
    qint64 offset = 0, length = size;
    if (range) {
        if (range->suffix) {
            length = std::min<qint64>(qint64(range->length), size);
            offset = size - length;
        } else {
            if (range->offset > std::uint64_t(size) || range->length > std::uint64_t(size) - range->offset)
                return makeError(QStringLiteral("byte range %1-%2 is outside the object of %3 bytes")
                                     .arg(range->offset)
                                     .arg(range->offset + range->length)
                                     .arg(size),
                                 locate(key));
            offset = qint64(range->offset);
            length = qint64(range->length);
        }
    }
    QByteArray data(length, Qt::Uninitialized);
    if (!file.seek(offset))
        return makeError(QStringLiteral("cannot seek: %1").arg(file.errorString()), locate(key));
    qint64 done = 0;
    while (done < length) {
        const qint64 n = file.read(data.data() + done, length - done);
        if (n <= 0)
            return makeError(QStringLiteral("short read (%1 of %2 bytes)").arg(done).arg(length),
                             locate(key));
        done += n;
    }
    return MaybeBytes{std::move(data)};
}

ListResult LocalStore::listDir(const QString &prefix) const
{
    QString path = m_root;
    if (!prefix.isEmpty()) {
        ZS_TRY(path, filePath(prefix));
    }
    QDir dir(path);
    if (!dir.exists()) return Listing{};
    Listing out;
    const auto entries =
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo &e : entries)
        (e.isDir() ? out.prefixes : out.keys) << e.fileName();
    return out;
}

QFuture<GetResult> LocalStore::get(const QString &key)
{
    return QtConcurrent::run(&m_pool, [this, key] { return readKey(key, std::nullopt); });
}

QFuture<GetResult> LocalStore::getRange(const QString &key, ByteRange range)
{
    return QtConcurrent::run(&m_pool, [this, key, range] { return readKey(key, range); });
}

QFuture<ListResult> LocalStore::list(const QString &prefix)
{
    return QtConcurrent::run(&m_pool, [this, prefix] { return listDir(prefix); });
}

QFuture<StoredSizeResult> LocalStore::storedSize(const QString &prefix)
{
    QString path = m_root;
    if (!prefix.isEmpty()) {
        auto p = filePath(prefix);
        if (!p) return QtFuture::makeReadyFuture(StoredSizeResult(p.error()));
        path = *p;
    }
    return QtConcurrent::run(&m_pool, [path]() -> StoredSizeResult {
        static const QStringList metadataNames = {QStringLiteral(".zarray"), QStringLiteral(".zattrs"),
                                                  QStringLiteral(".zgroup"), QStringLiteral(".zmetadata"),
                                                  QStringLiteral("zarr.json")};
        StoredSize size;
        // Symlinks are not followed: a loop must not make this walk forever.
        QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            if (metadataNames.contains(it.fileName())) continue;
            size.bytes += std::uint64_t(it.fileInfo().size());
            ++size.objects;
        }
        return std::optional<StoredSize>(size);
    });
}

} // namespace zs
