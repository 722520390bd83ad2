#pragma once
// Turns a metadata `fill_value` into the bytes of one element in the decoded
// in-memory representation, refusing values of the wrong type or out of range.

#include "dtype/DataType.h"

#include <QByteArray>
#include <nlohmann/json_fwd.hpp>

namespace zs {

// Variable-length types give handle 0 (8 zero bytes): their fill is item 0 of a read's arena.
Result<QByteArray> parseFillValue(const nlohmann::json &value, const DataType &dtype, int zarrFormat);
// The fill item of a variable-length type. v2 object arrays: a string is its text, null and
// zarr-python 2's default 0 are "" (zarr-python yields None or 0 there, which no string
// array can hold), other numbers their JSON text; json2 keeps the value's JSON text.
// v3 `string`: a string; v3 `bytes`: a list of byte values or base64 text (zarr-python 3.1).
Result<QByteArray> parseFillItem(const nlohmann::json &value, const DataType &dtype, int zarrFormat);
// For display: the fill value as JSON text, as the metadata gave it.
QString describeFillValue(const nlohmann::json &value);

} // namespace zs
