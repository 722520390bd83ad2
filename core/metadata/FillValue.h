#pragma once
// Turns a metadata `fill_value` into the bytes of one element in the decoded
// in-memory representation, refusing values of the wrong type or out of range.

#include "dtype/DataType.h"

#include <QByteArray>
#include <nlohmann/json.hpp>

namespace zs {

Result<QByteArray> parseFillValue(const nlohmann::json &value, const DataType &dtype, int zarrFormat);
// For display: the fill value as JSON text, as the metadata gave it.
QString describeFillValue(const nlohmann::json &value);

} // namespace zs
