#include "store/LocalStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QtConcurrent>

#include "store/FileIoPool.h"

namespace zs {

LocalStore::LocalStore(const QString &root, int concurrency)
    : m_root(QDir::cleanPath(root)),
      m_limiter(std::make_shared<RequestLimiter>(QStringLiteral("file requests"), concurrency))
{
}

// Runs `read` (a copyable function returning R) on the I/O pool once the limiter has a slot.
template <typename R, typename F> QFuture<R> LocalStore::limited(F read)
{
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> future = promise->future();
    RequestLimiter::Work work;
    work.run = [promise, read, limiter = m_limiter] {
        fileIoPool()->start([promise, read, limiter] {
            promise->addResult(read());
            promise->finish();
            limiter->release();
        });
    };
    work.isCancelled = [promise] { return promise->isCanceled(); };
    work.drop = [promise] { promise->finish(); };
    m_limiter->submit(std::move(work));
    return future;
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
    // Unbuffered: QIODevice would read files under its 16 KiB chunk size into its own buffer
    // first and copy them out; this way every read goes straight into `data`.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
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
    // Also for a whole file: the seek is what refuses a pipe or other sequential file.
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

// The reads copy the store (a root path and a limiter pointer): they outlive nothing they use.
QFuture<GetResult> LocalStore::get(const QString &key)
{
    return limited<GetResult>([self = *this, key] { return self.readKey(key, std::nullopt); });
}

QFuture<GetResult> LocalStore::getRange(const QString &key, ByteRange range)
{
    return limited<GetResult>([self = *this, key, range] { return self.readKey(key, range); });
}

QFuture<ListResult> LocalStore::list(const QString &prefix)
{
    return limited<ListResult>([self = *this, prefix] { return self.listDir(prefix); });
}

QFuture<StoredSizeResult> LocalStore::storedSize(const QString &prefix)
{
    QString path = m_root;
    if (!prefix.isEmpty()) {
        auto p = filePath(prefix);
        if (!p) return QtFuture::makeReadyFuture(StoredSizeResult(p.error()));
        path = *p;
    }
    return QtConcurrent::run(fileIoPool(), [path]() -> StoredSizeResult {
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
