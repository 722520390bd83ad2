#pragma once
// Store keys that may become file names under an export directory. Whatever the source's
// metadata says (a consolidated .zmetadata naming "../evil/.zarray", an absolute path, "a//b"),
// a key is refused unless every '/'-separated segment is a plain name, so nothing the exporter
// writes can land outside its target directory.

#include "util/Result.h"

namespace zs {

// Checks a key relative to the export root: non-empty segments, none "." or "..", no leading '/',
// no backslash or NUL. `allowEmpty` accepts "" (the root node's path).
Status checkSafeKey(const QString &key, bool allowEmpty = false);

} // namespace zs
