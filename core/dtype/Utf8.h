#pragma once
// UTF-8 checks and conversions for variable-length strings: decoders validate every item
// (Python refuses to decode invalid UTF-8, so should we, rather than show replacement
// characters), and NumPy's <U{n} output is UTF-32 counted in code points.

#include <QByteArrayView>
#include <cstdint>

namespace zs::utf8 {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
// Returns the offset of the first bad byte, or -1 when the text is valid.
qsizetype firstInvalid(QByteArrayView text);
// Code points of valid UTF-8 text: the bytes that do not continue a sequence.
std::uint64_t codePointCount(QByteArrayView text);
// Writes the code points of valid UTF-8 text as little-endian UTF-32 to `out` (room for
// codePointCount(text) * 4 bytes).
void toUtf32le(QByteArrayView text, char *out);

} // namespace zs::utf8
