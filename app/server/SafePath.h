#pragma once
// Maps a request path to a file under the served root, refusing anything that could reach
// outside it: ".." or "." segments (also percent-encoded, e.g. %2e%2e), encoded slashes,
// backslashes, NUL, empty segments ("//etc/passwd") and symlinks that resolve elsewhere.

#include <QString>

namespace zs::server {

struct ResolvedPath
{
    enum class Kind
    {
        File,
        Directory,
        Missing,
        Refused
    };
    Kind kind = Kind::Missing;
    QString key;    // path relative to the root, '/'-separated, no leading '/', decoded
    QString fsPath; // absolute file-system path (File and Directory)
    bool trailingSlash = false;
};

class SafePath
{
public:
    // root must exist; it is canonicalised once so symlink checks compare like with like.
    explicit SafePath(const QString &root);
    QString root() const { return m_root; }

    // encodedPath is the request target's path as sent (percent-encoded), e.g. "/a/c/0".
    ResolvedPath resolve(const QByteArray &encodedPath) const;

private:
    QString m_root; // canonical, no trailing '/'
};

} // namespace zs::server
