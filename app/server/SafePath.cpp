#include "SafePath.h"

#include <QByteArray>
#include <QDir>
#include <QFileInfo>

namespace zs::server {

SafePath::SafePath(const QString &root) : m_root(QFileInfo(root).canonicalFilePath()) {}

ResolvedPath SafePath::resolve(const QByteArray &encodedPath) const
{
    ResolvedPath out;
    if (m_root.isEmpty() || !encodedPath.startsWith('/')) {
        out.kind = ResolvedPath::Kind::Refused;
        return out;
    }
    // Split before decoding so an encoded "%2f" cannot smuggle a separator into a segment.
    QByteArray body = encodedPath.mid(1);
    out.trailingSlash = body.endsWith('/');
    if (out.trailingSlash) body.chop(1);
    QStringList segments;
    if (!body.isEmpty()) {
        for (const QByteArray &raw : body.split('/')) {
            const QByteArray seg = QByteArray::fromPercentEncoding(raw);
            if (seg.isEmpty() || seg == "." || seg == ".." || seg.contains('/') || seg.contains('\\') ||
                seg.contains('\0')) {
                out.kind = ResolvedPath::Kind::Refused;
                return out;
            }
            segments << QString::fromUtf8(seg);
        }
    }
    out.key = segments.join(u'/');
    const QString candidate = out.key.isEmpty() ? m_root : m_root + u'/' + out.key;
    const QFileInfo info(candidate);
    if (!info.exists()) return out; // Missing
    // A symlink inside the store may point anywhere; only serve what really lies below the root.
    const QString canonical = info.canonicalFilePath();
    if (canonical != m_root && !canonical.startsWith(m_root + u'/')) {
        out.kind = ResolvedPath::Kind::Refused;
        return out;
    }
    out.fsPath = canonical;
    if (info.isDir())
        out.kind = ResolvedPath::Kind::Directory;
    else if (info.isFile() && !out.trailingSlash)
        out.kind = ResolvedPath::Kind::File;
    return out; // "file/" stays Missing, like a static server
}

} // namespace zs::server
