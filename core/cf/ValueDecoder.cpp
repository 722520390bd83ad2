#include "cf/ValueDecoder.h"

#include "codec/ElementCast.h"

#include <cmath>
#include <limits>

namespace zs::cf {

Result<ValueDecoder> ValueDecoder::make(const ValueConventions &conventions)
{
    if (!conventions.decodedType)
        return makeError(QStringLiteral("nothing to decode: no packing or fill value applies"));
    if (!elements::isPlainNumber(conventions.stored, true))
        return makeError(QStringLiteral("cannot decode %1 values").arg(conventions.stored.numpyTypeString()));
    ValueDecoder d;
    d.m_stored = conventions.stored;
    d.m_decoded = *conventions.decodedType;
    d.m_floatMath = d.m_decoded.size <= 4;
    d.m_missing = conventions.missing;
    for (double f : d.m_missing.fillValues)
        d.m_fillsFloat.push_back(float(f));
    d.m_scale = conventions.packing.scaleFactor;
    d.m_offset = conventions.packing.addOffset;
    return d;
}

// NumPy casts the Python scalars (fill values, scale, offset) to the array's float32 and computes
// in float32, one rounding per operation; so do we, or packed int16 decodes 1 ulp off xarray's.
float ValueDecoder::decodeInFloat(double stored) const
{
    if (m_missing.outsideValidRange(stored)) return std::numeric_limits<float>::quiet_NaN();
    float v = float(stored);
    for (float f : m_fillsFloat)
        if (v == f) return std::numeric_limits<float>::quiet_NaN();
    if (m_scale) v = v * float(*m_scale);
    if (m_offset) v = v + float(*m_offset);
    return v;
}

double ValueDecoder::decodeInDouble(double stored) const
{
    if (m_missing.outsideValidRange(stored)) return std::numeric_limits<double>::quiet_NaN();
    double v = stored;
    for (double f : m_missing.fillValues)
        if (v == f) return std::numeric_limits<double>::quiet_NaN();
    if (m_scale) v = v * *m_scale;
    if (m_offset) v = v + *m_offset;
    return v;
}

// Calls f(i, storedValueAsDouble) for each element, reading the stored type natively.
template <typename F>
static void forEachStored(const DataType &type, const char *raw, std::size_t count, F &&f)
{
    const bool swap = type.needsSwapFrom(nativeByteOrder());
    elements::withType(type, [&](auto t) {
        using T = decltype(t);
        char buf[sizeof(T)];
        for (std::size_t i = 0; i < count; ++i) {
            const char *p = raw + i * sizeof(T);
            if (swap) {
                std::memcpy(buf, p, sizeof(T));
                byteSwap(buf, sizeof(T), sizeof(T));
                p = buf;
            }
            if constexpr (std::is_same_v<T, bool>)
                f(i, *p ? 1.0 : 0.0);
            else
                f(i, elements::toDouble(elements::load<T>(p)));
        }
    });
}

double ValueDecoder::decode(const char *element) const
{
    double out = 0;
    forEachStored(m_stored, element, 1, [&](std::size_t, double v) {
        out = m_floatMath ? double(decodeInFloat(v)) : decodeInDouble(v);
    });
    return out;
}

void ValueDecoder::decode(const char *raw, std::size_t count, char *out) const
{
    if (m_decoded.size == 8) {
        forEachStored(m_stored, raw, count, [&](std::size_t i, double v) {
            elements::store<double>(out + 8 * i, decodeInDouble(v));
        });
    } else if (m_decoded.size == 4) {
        forEachStored(m_stored, raw, count, [&](std::size_t i, double v) {
            elements::store<float>(out + 4 * i, decodeInFloat(v));
        });
    } else { // float16 masked, not unpacked: the float32 result is exact in float16
        forEachStored(m_stored, raw, count, [&](std::size_t i, double v) {
            elements::store<qfloat16>(out + 2 * i, qfloat16(decodeInFloat(v)));
        });
    }
}

void ValueDecoder::decode(const char *raw, std::size_t count, double *out) const
{
    forEachStored(m_stored, raw, count, [&](std::size_t i, double v) {
        out[i] = m_floatMath ? double(decodeInFloat(v)) : decodeInDouble(v);
    });
}

} // namespace zs::cf
