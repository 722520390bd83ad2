#pragma once
// One stored element as a number, whatever its numeric dtype and byte order: fill values,
// coordinate ends and flag values are compared and shown as doubles.

#include "dtype/DataType.h"

#include <optional>

namespace zs::cf {

// `element` in `dtype`'s memory byte order; nullopt for dtypes that are not plain numbers.
std::optional<double> elementAsDouble(const char *element, const DataType &dtype);

} // namespace zs::cf
