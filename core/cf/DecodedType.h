#pragma once
// The float type decoded values take, by xarray 2023.01's rules (coding/variables.py), applied in
// its order: masking first promotes the stored type so it can hold NaN (floats stay as they are,
// integers of 1-2 bytes become float32, wider ones float64), then unpacking picks a float type that
// holds the (masked) values without loss: float32 for floats up to 4 bytes, and for integers up to
// 2 bytes when there is no add_offset; float64 otherwise. With neither, values stay as stored.

#include "dtype/DataType.h"

#include <QStringList>

#include <optional>

namespace zs::cf {

// nullopt: nothing to decode. `why` says how the type was chosen (or why decoding is refused,
// together with nullopt: a bool array with a fill value, which xarray turns into objects).
std::optional<DataType> decodedTypeOf(const DataType &stored, bool masks, bool unpacks, bool hasOffset,
                                      QString *why);

DataType floatType(std::size_t bytes);

} // namespace zs::cf
