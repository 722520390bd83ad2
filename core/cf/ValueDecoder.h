#pragma once
// Turns stored values into decoded ones: stored elements (their dtype, memory byte order, as
// ArrayReader delivers them) are masked (NaN where they equal a fill value, compared in the type
// masking promotes to, as xarray compares, or lie outside the valid range) and then unpacked
// (`* scale_factor + add_offset`, in the decoded type's precision, as NumPy computes it). Used by
// `get --decode` and by the viewer.

#include "cf/ValueConventions.h"

#include <cstddef>

namespace zs::cf {

class ValueDecoder
{
public:
    // Refuses what has nothing to decode (conventions.decodes() false) and non-numeric dtypes.
    static Result<ValueDecoder> make(const ValueConventions &conventions);

    const DataType &storedType() const { return m_stored; }
    const DataType &decodedType() const { return m_decoded; }

    // One stored element, decoded (NaN when masked).
    double decode(const char *element) const;
    // `count` stored elements from `raw` (contiguous) into `out`, `count` elements of decodedType().
    void decode(const char *raw, std::size_t count, char *out) const;
    // Into doubles, whatever decodedType() is (a viewer's colour scale wants one type).
    void decode(const char *raw, std::size_t count, double *out) const;

private:
    double decodeInDouble(double stored) const;
    float decodeInFloat(double stored) const;

    DataType m_stored;
    DataType m_decoded;
    MissingValues m_missing;         // fill values and the valid range, in packed units
    std::vector<float> m_fillsFloat; // the fill values as the float32 comparison sees them
    bool m_floatMath = false;        // masking and unpacking in float32 (decoded float16/32)
    std::optional<double> m_scale;
    std::optional<double> m_offset;
};

} // namespace zs::cf
