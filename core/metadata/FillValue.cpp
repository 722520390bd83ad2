#include "metadata/FillValue.h"
#include "metadata/JsonNonFinite.h"

#include "metadata/JsonNonFinite.h"

#include <QList>
#include <QString>
#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <qfloat16.h>

namespace zs {

using nlohmann::json;

namespace {

Error wrongType(const json &v, const DataType &t)
{
    return makeError(QStringLiteral("fill_value %1 is not valid for data type %2")
                         .arg(QString::fromStdString(dumpJson(v)), t.name),
                     QStringLiteral("fill_value"));
}

template <typename T> QByteArray bytesOf(T v)
{
    return QByteArray(reinterpret_cast<const char *>(&v), sizeof v);
}

Result<double> parseFloat(const json &v, const DataType &t, std::size_t width)
{
    if (v.is_number()) return v.get<double>();
    if (!v.is_string()) return wrongType(v, t);
    const std::string s = v.get<std::string>();
    if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (s == "Infinity") return std::numeric_limits<double>::infinity();
    if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
    return wrongType(v, t);
}

// v3 hex-encoded floats carry the raw bits, big-endian as written ("0x7fc00000").
std::optional<QByteArray> parseHexBits(const json &v, std::size_t width)
{
    if (!v.is_string()) return std::nullopt;
    const std::string s = v.get<std::string>();
    if (s.size() != 2 + 2 * width || s.rfind("0x", 0) != 0) return std::nullopt;
    QByteArray big = QByteArray::fromHex(QByteArray::fromStdString(s.substr(2)));
    if (std::size_t(big.size()) != width) return std::nullopt;
    if (nativeByteOrder() == ByteOrder::Little) std::reverse(big.begin(), big.end());
    return big;
}

Result<QByteArray> floatBytes(const json &v, const DataType &t, std::size_t width, int zarrFormat)
{
    if (zarrFormat == 3)
        if (auto raw = parseHexBits(v, width)) return *raw;
    ZS_TRY(double d, parseFloat(v, t, width));
    if (width == 2) return bytesOf(qfloat16(float(d)));
    if (width == 4) return bytesOf(float(d));
    return bytesOf(d);
}

Result<QByteArray> integerBytes(const json &v, const DataType &t)
{
    const bool isSigned = t.kind == DataType::Kind::Int || t.kind == DataType::Kind::DateTime ||
                          t.kind == DataType::Kind::TimeDelta;
    if (v.is_number_float()) {
        const double d = v.get<double>();
        // Whole, and within 64 bits (casting anything else, Infinity included, is undefined).
        if (d != std::floor(d) || d < -9.2e18 || d > 1.8e19 || (isSigned && d > 9.2e18) ||
            (!isSigned && d < 0))
            return wrongType(v, t);
    } else if (!v.is_number_integer()) {
        return wrongType(v, t);
    }
    const unsigned bits = unsigned(t.size) * 8;
    if (isSigned) {
        if (v.is_number_unsigned() &&
            v.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            return wrongType(v, t);
        const std::int64_t x = v.is_number_float() ? std::int64_t(v.get<double>()) : v.get<std::int64_t>();
        if (bits < 64 && (x < -(std::int64_t(1) << (bits - 1)) || x >= (std::int64_t(1) << (bits - 1))))
            return wrongType(v, t);
        QByteArray out = bytesOf(x);
        out.truncate(t.size); // little-endian host: low bytes first
        return out;
    }
    if (v.is_number_integer() && !v.is_number_unsigned() && v.get<std::int64_t>() < 0) return wrongType(v, t);
    const std::uint64_t x = v.is_number_float() ? std::uint64_t(v.get<double>()) : v.get<std::uint64_t>();
    if (bits < 64 && x >= (std::uint64_t(1) << bits)) return wrongType(v, t);
    QByteArray out = bytesOf(x);
    out.truncate(t.size);
    return out;
}

Result<QByteArray> nativeFill(const json &v, const DataType &t, int zarrFormat)
{
    using K = DataType::Kind;
    switch (t.kind) {
    case K::Bool:
        if (v.is_boolean()) return QByteArray(1, v.get<bool>() ? 1 : 0);
        // v2 writers stored bools as integers; zarr-python 2.13 reads any integer as bool(v).
        if (v.is_number_integer() &&
            (zarrFormat == 2 || v.get<std::int64_t>() == 0 || v.get<std::int64_t>() == 1))
            return QByteArray(1, v.get<std::int64_t>() != 0 ? 1 : 0);
        return wrongType(v, t);
    case K::Int:
    case K::UInt:
    case K::DateTime:
    case K::TimeDelta:
        return integerBytes(v, t);
    case K::Float:
        return floatBytes(v, t, t.size, zarrFormat);
    case K::Complex: {
        if (!v.is_array() || v.size() != 2) return wrongType(v, t);
        ZS_TRY(QByteArray re, floatBytes(v[0], t, t.size / 2, zarrFormat));
        ZS_TRY(QByteArray im, floatBytes(v[1], t, t.size / 2, zarrFormat));
        return re + im;
    }
    case K::Bytes:
    case K::RawBits: {
        QByteArray raw;
        if (v.is_string()) {
            const auto decoded = QByteArray::fromBase64Encoding(
                QByteArray::fromStdString(v.get<std::string>()), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) return wrongType(v, t);
            raw = *decoded;
        } else if (v.is_array()) { // v3 raw bits: one integer per byte
            for (const auto &b : v) {
                if (!b.is_number_integer() || b.get<std::int64_t>() < 0 || b.get<std::int64_t>() > 255)
                    return wrongType(v, t);
                raw.append(char(b.get<std::int64_t>()));
            }
        } else if (v.is_number_integer() && t.kind == K::Bytes) {
            raw = QByteArray::number(v.get<std::int64_t>()); // zarr 2 accepts numbers here, as their text
        } else {
            return wrongType(v, t);
        }
        if (std::size_t(raw.size()) > t.size) return wrongType(v, t);
        raw.append(QByteArray(qsizetype(t.size) - raw.size(), '\0'));
        return raw;
    }
    case K::VarString:
    case K::VarBytes:
    case K::JsonItem:
        return wrongType(v, t); // parseFillItem's
    case K::Unicode: {
        // Older zarr-python wrote 0 as the fill of string arrays; zarr-python 2.13 reads a number
        // there as its text ("0"), as NumPy converts it, and so do we (as for |S above).
        const bool number = zarrFormat == 2 && v.is_number_integer();
        if (!v.is_string() && !number) return wrongType(v, t);
        const QString text =
            number ? QString::fromStdString(v.dump()) : QString::fromStdString(v.get<std::string>());
        const QList<uint> ucs4 = text.toUcs4();
        if (std::size_t(ucs4.size()) * 4 > t.size) return wrongType(v, t);
        QByteArray out(qsizetype(t.size), '\0');
        if (!ucs4.isEmpty()) // "" has no buffer: memcpy from null is undefined even for 0 bytes
            std::memcpy(out.data(), ucs4.constData(), ucs4.size() * 4);
        return out;
    }
    }
    return wrongType(v, t);
}

} // namespace

Result<QByteArray> parseFillItem(const json &value, const DataType &dtype, int zarrFormat)
{
    using K = DataType::Kind;
    if (dtype.kind == K::JsonItem) return QByteArray::fromStdString(dumpJson(value));
    if (zarrFormat == 2) {
        if (value.is_null() || (value.is_number_integer() && value.get<std::int64_t>() == 0))
            return QByteArray();
        if (value.is_string()) return QByteArray::fromStdString(value.get<std::string>());
        if (value.is_number()) return QByteArray::fromStdString(value.dump());
        return wrongType(value, dtype);
    }
    if (dtype.kind == K::VarString && value.is_string())
        return QByteArray::fromStdString(value.get<std::string>());
    if (dtype.kind == K::VarBytes && value.is_string()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            QByteArray::fromStdString(value.get<std::string>()), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) return wrongType(value, dtype);
        return *decoded;
    }
    if (dtype.kind == K::VarBytes && value.is_array()) {
        QByteArray raw;
        for (const auto &b : value) {
            if (!b.is_number_integer() || b.get<std::int64_t>() < 0 || b.get<std::int64_t>() > 255)
                return wrongType(value, dtype);
            raw.append(char(b.get<std::int64_t>()));
        }
        return raw;
    }
    return wrongType(value, dtype);
}

Result<QByteArray> parseFillValue(const json &value, const DataType &dtype, int zarrFormat)
{
    if (dtype.isVariableLength()) {
        ZS_TRY(QByteArray item, parseFillItem(value, dtype, zarrFormat));
        (void)item;
        return QByteArray(8, '\0'); // handle 0
    }
    if (value.is_null()) {
        if (zarrFormat == 3) // v3 has no "no fill value": every data type names its fill
            return makeError(QStringLiteral("fill_value null is not valid for data type %1").arg(dtype.name),
                             QStringLiteral("fill_value"));
        // v2 null: zarr-python leaves such chunks uninitialised; zeros are the honest choice.
        return QByteArray(qsizetype(dtype.size), '\0');
    }
    ZS_TRY(QByteArray bytes, nativeFill(value, dtype, zarrFormat));
    if (dtype.needsSwapFrom(nativeByteOrder())) byteSwap(bytes.data(), bytes.size(), dtype.swapUnit());
    return bytes;
}

QString describeFillValue(const json &value)
{
    return QString::fromStdString(dumpJson(value));
}

} // namespace zs
