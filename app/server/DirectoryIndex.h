#pragma once
// An HTML directory listing in the shape of nginx autoindex: one <a href="name"> per file and
// <a href="name/"> per directory, plus "../". Hierarchy discovery over plain HTTP parses these
// links, so the server can stand in for nginx or python's http.server in tests.

#include <QByteArray>
#include <QString>

namespace zs::server {

// dirPath: the directory on disk; urlPath: the request path, ending in '/', for the title.
// Dot files (.zarray, .zgroup) are listed, as python's http.server does: discovery needs them.
QByteArray directoryIndexHtml(const QString &dirPath, const QString &urlPath);

} // namespace zs::server
