#pragma once
// The one place where array elements of any numeric dtype become doubles for plotting:
// bool, ints, float16 (qfloat16), float32/64, complex (a chosen part), both byte orders.

#include "array/NdArray.h"

#include <QString>
#include <vector>

namespace zs {

enum class ComplexPart
{
    Magnitude,
    Phase,
    Real,
    Imaginary
};

// Whether elements of this type can be plotted (numeric, datetime/timedelta as their integers).
bool isPlottable(const DataType &dtype);

// Converts `count` elements at `src` into `dst`. Unplottable types become NaN.
void convertToDoubles(const char *src, std::size_t count, const DataType &dtype, ComplexPart part,
                      double *dst);
double elementToDouble(const char *src, const DataType &dtype, ComplexPart part = ComplexPart::Magnitude);
std::vector<double> toDoubles(const NdArray &array, ComplexPart part = ComplexPart::Magnitude);

QString complexPartName(ComplexPart part);

} // namespace zs
