#pragma once
// Element-wise helpers shared by the numcodecs filters that convert between element types
// (delta, fixedscaleoffset, astype, quantize): dispatch from a DataType to its C++ type,
// unaligned loads and stores, NumPy's casts, and NumPy 1.x's promotion of an array with a
// Python scalar (which decides the precision `enc / scale + offset` is computed in).

#include "dtype/DataType.h"

#include <QFloat16>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <type_traits>

namespace zs::elements {

template <typename T> constexpr bool isFloat = std::is_floating_point_v<T> || std::is_same_v<T, qfloat16>;

// bool, int/uint 1-8 bytes, float 2/4/8 bytes: the element types these filters convert.
inline bool isPlainNumber(const DataType &t, bool allowBool = false)
{
    using K = DataType::Kind;
    if (t.kind == K::Bool) return allowBool;
    if (t.kind == K::Int || t.kind == K::UInt)
        return t.size == 1 || t.size == 2 || t.size == 4 || t.size == 8;
    return t.kind == K::Float && (t.size == 2 || t.size == 4 || t.size == 8);
}

// Calls f(T{}) with the C++ type of a plain number type (see isPlainNumber).
template <typename F> void withType(const DataType &t, F &&f)
{
    using K = DataType::Kind;
    if (t.kind == K::Bool) {
        f(bool{});
        return;
    }
    if (t.kind == K::Float) {
        if (t.size == 2)
            f(qfloat16{});
        else if (t.size == 4)
            f(float{});
        else
            f(double{});
        return;
    }
    const bool s = t.kind == K::Int;
    switch (t.size) {
    case 1:
        s ? f(std::int8_t{}) : f(std::uint8_t{});
        break;
    case 2:
        s ? f(std::int16_t{}) : f(std::uint16_t{});
        break;
    case 4:
        s ? f(std::int32_t{}) : f(std::uint32_t{});
        break;
    default:
        s ? f(std::int64_t{}) : f(std::uint64_t{});
        break;
    }
}

template <typename T> T load(const char *p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

template <typename T> void store(char *p, T v)
{
    std::memcpy(p, &v, sizeof(T));
}

template <typename T> double toDouble(T v)
{
    if constexpr (std::is_same_v<T, qfloat16>)
        return double(float(v));
    else
        return double(v);
}

// A C-style cast with NumPy's results where C++ would be undefined: integers wrap,
// floats truncate toward zero, NaN and out-of-range floats become 0 / saturate.
template <typename To, typename From> To castValue(From v)
{
    if constexpr (std::is_same_v<To, bool>) {
        return toDouble(v) != 0.0;
    } else if constexpr (isFloat<To>) {
        if constexpr (std::is_same_v<To, qfloat16>)
            return qfloat16(float(toDouble(v)));
        else if constexpr (std::is_same_v<From, qfloat16>)
            return To(float(v));
        else
            return To(v);
    } else if constexpr (isFloat<From>) {
        const double d = toDouble(v);
        if (std::isnan(d)) return To(0);
        if (d >= 9.2e18) return To(std::numeric_limits<std::int64_t>::max());
        if (d <= -9.2e18) return To(std::numeric_limits<std::int64_t>::min());
        return To(std::int64_t(d)); // wraps into narrower types (C++20 modular conversion)
    } else {
        return To(v);
    }
}

// A float to an integer type by truncation, or nullopt when NumPy's result would be undefined
// (NaN, infinite or outside the type): decoders report that instead of inventing a value.
template <typename To> std::optional<To> checkedFromDouble(double d)
{
    if constexpr (std::is_same_v<To, bool>) {
        return d != 0.0;
    } else if constexpr (isFloat<To>) {
        return castValue<To>(d);
    } else {
        constexpr int bits = std::numeric_limits<To>::digits; // 63 for int64, 64 for uint64
        const double limit = std::ldexp(1.0, bits);
        const double low = std::is_signed_v<To> ? -limit : -1.0;
        if (!(d < limit && d > low - (std::is_signed_v<To> ? 1.0 : 0.0))) return std::nullopt;
        if constexpr (std::is_signed_v<To>)
            return To(std::int64_t(d));
        else
            return To(std::uint64_t(d));
    }
}

// A number from codec metadata, remembering whether JSON spelled it as an integer: NumPy
// promotes an array with a Python int differently from one with a Python float.
struct PyScalar
{
    double value = 0;
    bool isInt = false;
};

// Bytes of the float type NumPy 1.x computes `array <op> scalar` in, for an array of
// `arrayFloatBytes`-byte floats (value-based casting: the scalar's smallest type decides).
inline int promotedFloatBytes(int arrayFloatBytes, const PyScalar &s)
{
    int need;
    if (s.isInt) {
        // min_scalar_type: 1- and 2-byte ints fit f2 / f4; wider ones need f8.
        const double v = s.value;
        const bool small = v >= 0 ? v < 256 : v >= -128;
        const bool medium = v >= 0 ? v < 65536 : v >= -32768;
        need = small ? 2 : medium ? 4 : 8;
    } else {
        const double a = std::fabs(s.value);
        need = (std::isnan(a) || a < 65000.0) ? 2 : a < 3.4e38 ? 4 : 8;
    }
    return need > arrayFloatBytes ? need : arrayFloatBytes;
}

// One arithmetic step in the float type of `bytes` bytes, rounded as NumPy's loop would.
inline double inFloat(int bytes, double v)
{
    if (bytes == 2) return double(float(qfloat16(float(v))));
    if (bytes == 4) return double(float(v));
    return v;
}

} // namespace zs::elements
