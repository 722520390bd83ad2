#pragma once
// Directory listings from web servers' HTML index pages (nginx autoindex, Apache,
// python -m http.server): links to "name" are objects, links to "name/" directories; an object's
// size where the page states it in exact bytes (nginx's default).

#include "store/Store.h"

namespace zs {

// Links that point into the listed directory itself; anything else (parents, sort
// links, other hosts, absolute paths elsewhere) is ignored.
Listing parseHtmlIndex(const QByteArray &html, const QString &directoryPath);

} // namespace zs
