#include "export/ChunkFileWriter.h"

#include "export/SafeKey.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zs {

namespace {

QString systemError(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

Status writeAll(int fd, const QByteArray &bytes, const QString &where)
{
    const char *p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, std::size_t(left));
        if (n < 0) {
            if (errno == EINTR) continue;
            return makeError(QStringLiteral("cannot write: %1").arg(systemError(errno)), where);
        }
        p += n;
        left -= n;
    }
    return Ok{};
}

} // namespace

Status ChunkFileWriter::prepareRoot() const
{
    const QFileInfo info(m_root);
    if (info.exists() && !info.isDir())
        return makeError(QStringLiteral("the export target exists and is not a directory"), m_root);
    if (!info.exists() && !QDir().mkpath(m_root))
        return makeError(QStringLiteral("cannot create the export directory"), m_root);
    return Ok{};
}

Status ChunkFileWriter::ensureDirectory(const QString &relativeDir) const
{
    if (relativeDir.isEmpty()) return Ok{};
    QString path = m_root;
    for (const QString &segment : relativeDir.split(u'/')) {
        path += u'/' + segment;
        const QByteArray native = QFile::encodeName(path);
        struct stat st;
        if (::lstat(native.constData(), &st) == 0) {
            if (S_ISLNK(st.st_mode))
                return makeError(QStringLiteral("refusing to write through a symbolic link"), path);
            if (!S_ISDIR(st.st_mode))
                return makeError(QStringLiteral("a file is in the way of a directory"), path);
            continue;
        }
        if (::mkdir(native.constData(), 0777) != 0 && errno != EEXIST) // another thread may win the race
            return makeError(QStringLiteral("cannot create directory: %1").arg(systemError(errno)), path);
    }
    return Ok{};
}

Status ChunkFileWriter::write(const QString &key, const QByteArray &bytes) const
{
    ZS_CHECK(checkSafeKey(key));
    const qsizetype slash = key.lastIndexOf(u'/');
    ZS_CHECK(ensureDirectory(slash < 0 ? QString() : key.left(slash)));

    const QString target = filePath(key);
    const QString name = slash < 0 ? key : key.mid(slash + 1);
    const QString dir = slash < 0 ? m_root : m_root + u'/' + key.left(slash);
    const QString temp = dir + u'/' + temporaryName(name);
    const QByteArray tempNative = QFile::encodeName(temp);
    const int fd = ::open(tempNative.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) return makeError(QStringLiteral("cannot create a file: %1").arg(systemError(errno)), temp);
    Status written = writeAll(fd, bytes, target);
    // close() is where some file systems report a full disk; its error counts too.
    if (::close(fd) != 0 && written)
        written = makeError(QStringLiteral("cannot write: %1").arg(systemError(errno)), target);
    if (written && ::rename(tempNative.constData(), QFile::encodeName(target).constData()) != 0)
        written = makeError(QStringLiteral("cannot rename into place: %1").arg(systemError(errno)), target);
    if (!written) ::unlink(tempNative.constData());
    return written;
}

QString ChunkFileWriter::temporaryName(const QString &name)
{
    return QStringLiteral(".%1.%2.partial")
        .arg(name)
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

Status ChunkFileWriter::removeStrayPartials() const
{
    static const QRegularExpression ours(QStringLiteral("^\\..+\\.[0-9a-f]{16}\\.partial$"));
    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!ours.match(it.fileName()).hasMatch() || it.fileInfo().isSymLink()) continue;
        if (::unlink(QFile::encodeName(file).constData()) != 0 && errno != ENOENT)
            return makeError(
                QStringLiteral("cannot remove a stale temporary file: %1").arg(systemError(errno)), file);
    }
    return Ok{};
}

bool ChunkFileWriter::exists(const QString &key) const
{
    struct stat st;
    return checkSafeKey(key) && ::lstat(QFile::encodeName(filePath(key)).constData(), &st) == 0 &&
           S_ISREG(st.st_mode);
}

Result<std::optional<QByteArray>> ChunkFileWriter::read(const QString &key) const
{
    ZS_CHECK(checkSafeKey(key));
    QFile f(filePath(key));
    if (!f.exists()) return std::optional<QByteArray>();
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read: %1").arg(f.errorString()), f.fileName());
    return std::optional<QByteArray>(f.readAll());
}

} // namespace zs
