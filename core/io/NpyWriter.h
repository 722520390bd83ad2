#pragma once
// Writes NumPy .npy files (format 1.0, C order). The file appears whole or not at all.

#include "array/NdArray.h"

namespace zs {

QByteArray npyHeader(const NdArray &array);
Status writeNpy(const NdArray &array, const QString &path);

} // namespace zs
