#pragma once
// Writes NumPy .npy files (format 1.0, C order). The file appears whole or not at all.
// Variable-length results (strings, bytes, json2) are written in their fixed-width form
// (see VarLengthValues.h), streamed element by element; `maxBytes` bounds that form's size,
// since one long string widens every element.

#include "array/NdArray.h"

namespace zs {

QByteArray npyHeader(const NdArray &array);
QByteArray npyHeader(const DataType &dtype, const std::vector<std::uint64_t> &shape);
Status writeNpy(const NdArray &array, const QString &path, std::uint64_t maxBytes = std::uint64_t(16) << 30);

} // namespace zs
