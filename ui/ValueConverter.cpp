#include "ValueConverter.h"

#include <QFloat16>
#include <QtEndian>
#include <cmath>
#include <complex>
#include <cstring>
#include <limits>

namespace zs {

namespace {

// Reads one scalar component of `size` bytes in byte order `order`, as T.
template <typename T> T load(const char *p, ByteOrder order)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    if constexpr (sizeof(T) > 1) {
        if (order != ByteOrder::NotApplicable && order != nativeByteOrder()) {
            char b[sizeof(T)];
            std::memcpy(b, p, sizeof(T));
            for (std::size_t i = 0; i < sizeof(T) / 2; ++i)
                std::swap(b[i], b[sizeof(T) - 1 - i]);
            std::memcpy(&v, b, sizeof(T));
        }
    }
    return v;
}

double floatAt(const char *p, std::size_t size, ByteOrder order)
{
    switch (size) {
    case 2:
        return double(float(load<qfloat16>(p, order)));
    case 4:
        return double(load<float>(p, order));
    case 8:
        return load<double>(p, order);
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

double intAt(const char *p, std::size_t size, ByteOrder order, bool isSigned)
{
    switch (size) {
    case 1:
        return isSigned ? double(load<qint8>(p, order)) : double(load<quint8>(p, order));
    case 2:
        return isSigned ? double(load<qint16>(p, order)) : double(load<quint16>(p, order));
    case 4:
        return isSigned ? double(load<qint32>(p, order)) : double(load<quint32>(p, order));
    case 8:
        return isSigned ? double(load<qint64>(p, order)) : double(load<quint64>(p, order));
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

} // namespace

bool isPlottable(const DataType &dtype)
{
    switch (dtype.kind) {
    case DataType::Kind::Bool:
    case DataType::Kind::Int:
    case DataType::Kind::UInt:
    case DataType::Kind::DateTime:
    case DataType::Kind::TimeDelta:
        return dtype.size <= 8;
    case DataType::Kind::Float:
        return dtype.size == 2 || dtype.size == 4 || dtype.size == 8;
    case DataType::Kind::Complex:
        return dtype.size == 8 || dtype.size == 16;
    default:
        return false;
    }
}

double elementToDouble(const char *p, const DataType &t, ComplexPart part)
{
    switch (t.kind) {
    case DataType::Kind::Bool:
        return *p ? 1.0 : 0.0;
    case DataType::Kind::Int:
    case DataType::Kind::DateTime:
    case DataType::Kind::TimeDelta:
        return intAt(p, t.size, t.order, true);
    case DataType::Kind::UInt:
        return intAt(p, t.size, t.order, false);
    case DataType::Kind::Float:
        return floatAt(p, t.size, t.order);
    case DataType::Kind::Complex: {
        const std::size_t half = t.size / 2;
        const std::complex<double> c(floatAt(p, half, t.order), floatAt(p + half, half, t.order));
        switch (part) {
        case ComplexPart::Magnitude:
            return std::abs(c);
        case ComplexPart::Phase:
            return std::arg(c);
        case ComplexPart::Real:
            return c.real();
        case ComplexPart::Imaginary:
            return c.imag();
        }
        return c.real();
    }
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

void convertToDoubles(const char *src, std::size_t count, const DataType &dtype, ComplexPart part,
                      double *dst)
{
    if (!isPlottable(dtype)) {
        std::fill(dst, dst + count, std::numeric_limits<double>::quiet_NaN());
        return;
    }
    // The common native cases without per-element dispatch: images of float32 are the bulk of it.
    if (dtype.kind == DataType::Kind::Float && dtype.size == 4 &&
        (dtype.order == nativeByteOrder() || dtype.order == ByteOrder::NotApplicable)) {
        for (std::size_t i = 0; i < count; ++i) {
            float f;
            std::memcpy(&f, src + i * 4, 4); // the buffer need not be 4-byte aligned
            dst[i] = f;
        }
        return;
    }
    for (std::size_t i = 0; i < count; ++i)
        dst[i] = elementToDouble(src + i * dtype.size, dtype, part);
}

std::vector<double> toDoubles(const NdArray &array, ComplexPart part)
{
    const std::size_t n = std::size_t(array.data.size()) / std::max<std::size_t>(1, array.dtype.size);
    std::vector<double> out(n);
    convertToDoubles(array.data.constData(), n, array.dtype, part, out.data());
    return out;
}

QString complexPartName(ComplexPart part)
{
    switch (part) {
    case ComplexPart::Magnitude:
        return QStringLiteral("magnitude");
    case ComplexPart::Phase:
        return QStringLiteral("phase");
    case ComplexPart::Real:
        return QStringLiteral("real");
    case ComplexPart::Imaginary:
        return QStringLiteral("imaginary");
    }
    return {};
}

} // namespace zs
