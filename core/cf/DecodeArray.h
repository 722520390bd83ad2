#pragma once
// A whole read result (`get --decode`) decoded by its conventions: unpacked and masked floats
// with NaN, time through TimeDecoding.h, and anything with nothing to decode as stored.

#include "array/NdArray.h"
#include "cf/ValueConventions.h"

namespace zs::cf {

struct DecodedArray
{
    NdArray values;
    bool decoded = false; // false: `values` are the stored values
    QStringList notes;    // what the user should know (e.g. time not decoded yet)
};

Result<DecodedArray> decodeArray(const NdArray &stored, const ValueConventions &conventions);

} // namespace zs::cf
