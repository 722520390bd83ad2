#include "dtype/DataType.h"

#include <QRegularExpression>
#include <QtEndian>
#include <algorithm>

namespace zs {

ByteOrder nativeByteOrder()
{
    return QSysInfo::ByteOrder == QSysInfo::LittleEndian ? ByteOrder::Little : ByteOrder::Big;
}

static QChar orderChar(ByteOrder o)
{
    switch (o) {
    case ByteOrder::Little:
        return u'<';
    case ByteOrder::Big:
        return u'>';
    default:
        return u'|';
    }
}

QString DataType::numpyTypeString() const
{
    switch (kind) {
    case Kind::Bool:
        return QStringLiteral("|b1");
    case Kind::Int:
        return QStringLiteral("%1i%2").arg(size == 1 ? u'|' : orderChar(order)).arg(size);
    case Kind::UInt:
        return QStringLiteral("%1u%2").arg(size == 1 ? u'|' : orderChar(order)).arg(size);
    case Kind::Float:
        return QStringLiteral("%1f%2").arg(orderChar(order)).arg(size);
    case Kind::Complex:
        return QStringLiteral("%1c%2").arg(orderChar(order)).arg(size);
    case Kind::Bytes:
        return QStringLiteral("|S%1").arg(size);
    case Kind::RawBits:
        return QStringLiteral("|V%1").arg(size);
    case Kind::Unicode:
        return QStringLiteral("%1U%2").arg(orderChar(order)).arg(size / 4);
    case Kind::DateTime:
        return QStringLiteral("%1M8[%2]").arg(orderChar(order), unit);
    case Kind::TimeDelta:
        return QStringLiteral("%1m8[%2]").arg(orderChar(order), unit);
    case Kind::VarString:
    case Kind::VarBytes:
    case Kind::JsonItem:
        return QStringLiteral("|O"); // as NumPy holds them: Python objects
    }
    return {};
}

std::size_t DataType::swapUnit() const
{
    switch (kind) {
    case Kind::Complex:
        return size / 2;
    case Kind::Unicode:
        return 4;
    case Kind::Bool:
    case Kind::Bytes:
    case Kind::RawBits:
    case Kind::VarString: // handles are native integers, never swapped
    case Kind::VarBytes:
    case Kind::JsonItem:
        return 1;
    default:
        return size;
    }
}

bool DataType::needsSwapFrom(ByteOrder other) const
{
    return swapUnit() > 1 && order != ByteOrder::NotApplicable && other != ByteOrder::NotApplicable &&
           order != other;
}

void byteSwap(char *data, std::size_t bytes, std::size_t unit)
{
    if (unit <= 1) return;
    for (std::size_t i = 0; i + unit <= bytes; i += unit)
        std::reverse(data + i, data + i + unit);
}

DataType variableLengthType(DataType::Kind kind)
{
    DataType t;
    t.kind = kind;
    t.size = 8;
    t.order = ByteOrder::NotApplicable;
    t.name = kind == DataType::Kind::VarString  ? QStringLiteral("string")
             : kind == DataType::Kind::VarBytes ? QStringLiteral("bytes")
                                                : QStringLiteral("json2");
    return t;
}

Result<DataType> parseNumpyTypeString(const QString &typestr)
{
    static const QRegularExpression re(QStringLiteral("^([<>|=]?)([biufcSUMmV])(\\d+)(?:\\[(\\w+)\\])?$"));
    const auto m = re.match(typestr);
    if (!m.hasMatch()) return makeError(QStringLiteral("unsupported data type \"%1\"").arg(typestr));
    DataType t;
    t.name = typestr;
    const QString ord = m.captured(1);
    t.order = ord == u"<"   ? ByteOrder::Little
              : ord == u">" ? ByteOrder::Big
              : ord == u"=" ? nativeByteOrder()
                            : ByteOrder::NotApplicable;
    const QChar k = m.captured(2).at(0);
    bool ok = false;
    const qulonglong n = m.captured(3).toULongLong(&ok);
    if (!ok || n == 0 || n > (1u << 24))
        return makeError(QStringLiteral("unsupported data type \"%1\"").arg(typestr));
    t.size = n;
    const bool hasUnit = m.capturedLength(4) > 0;
    auto bad = [&] { return makeError(QStringLiteral("unsupported data type \"%1\"").arg(typestr)); };
    switch (k.unicode()) {
    case 'b':
        if (n != 1) return bad();
        t.kind = DataType::Kind::Bool;
        break;
    case 'i':
    case 'u':
        if (n != 1 && n != 2 && n != 4 && n != 8) return bad();
        t.kind = k == u'i' ? DataType::Kind::Int : DataType::Kind::UInt;
        break;
    case 'f':
        if (n != 2 && n != 4 && n != 8) return bad();
        t.kind = DataType::Kind::Float;
        break;
    case 'c':
        if (n != 8 && n != 16) return bad();
        t.kind = DataType::Kind::Complex;
        break;
    case 'S':
        t.kind = DataType::Kind::Bytes;
        break;
    case 'V':
        t.kind = DataType::Kind::RawBits;
        break;
    case 'U':
        t.kind = DataType::Kind::Unicode;
        t.size = n * 4;
        break;
    case 'M':
    case 'm':
        if (n != 8 || !hasUnit) return bad();
        {
            // NumPy's units, optionally with a multiplier ("10s"); anything else NumPy refuses too.
            static const QRegularExpression unitRe(
                QStringLiteral("^(\\d*)(Y|M|W|D|h|m|s|ms|us|ns|ps|fs|as|generic)$"));
            if (!unitRe.match(m.captured(4)).hasMatch()) return bad();
            t.kind = k == u'M' ? DataType::Kind::DateTime : DataType::Kind::TimeDelta;
            t.unit = m.captured(4);
            break;
        }
    default:
        return bad();
    }
    if (hasUnit && k != u'M' && k != u'm') return bad();
    if (t.size == 1 || t.kind == DataType::Kind::Bytes || t.kind == DataType::Kind::RawBits ||
        t.kind == DataType::Kind::Bool)
        t.order = ByteOrder::NotApplicable;
    else if (t.order == ByteOrder::NotApplicable)
        return bad(); // multi-byte numbers need a byte order
    return t;
}

Result<DataType> parseNumpyDtypeName(const QString &name)
{
    const QString s = name.trimmed();
    if (s == u"?" || s == u"bool" || s == u"bool_" || s == u"b1")
        return parseNumpyTypeString(QStringLiteral("|b1"));
    if (s == u"O" || s == u"|O" || s == u"object" || s == u"object_")
        return makeError(QStringLiteral("object dtype \"%1\" is not supported here").arg(name));
    // NumPy's names are the v3 core names for every numeric type.
    if (auto named = parseV3DataTypeName(s); named && named->kind != DataType::Kind::RawBits) return named;
    // Array-protocol strings; without a byte order NumPy means native order.
    static const QRegularExpression noOrder(QStringLiteral("^[biufcUMm]\\d"));
    auto t = parseNumpyTypeString(noOrder.match(s).hasMatch() ? QStringLiteral("=") + s : s);
    if (!t) return makeError(QStringLiteral("unsupported NumPy dtype \"%1\"").arg(name));
    t->name = name;
    return t;
}

Result<DataType> parseV3DataTypeName(const QString &name)
{
    struct Entry
    {
        const char *name;
        DataType::Kind kind;
        std::size_t size;
    };
    static const Entry table[] = {
        {"bool", DataType::Kind::Bool, 1},         {"int8", DataType::Kind::Int, 1},
        {"int16", DataType::Kind::Int, 2},         {"int32", DataType::Kind::Int, 4},
        {"int64", DataType::Kind::Int, 8},         {"uint8", DataType::Kind::UInt, 1},
        {"uint16", DataType::Kind::UInt, 2},       {"uint32", DataType::Kind::UInt, 4},
        {"uint64", DataType::Kind::UInt, 8},       {"float16", DataType::Kind::Float, 2},
        {"float32", DataType::Kind::Float, 4},     {"float64", DataType::Kind::Float, 8},
        {"complex64", DataType::Kind::Complex, 8}, {"complex128", DataType::Kind::Complex, 16},
    };
    for (const auto &e : table) {
        if (name == QLatin1String(e.name)) {
            DataType t;
            t.kind = e.kind;
            t.size = e.size;
            t.order = (e.size == 1 || e.kind == DataType::Kind::Bool) ? ByteOrder::NotApplicable
                                                                      : ByteOrder::Little;
            t.name = name;
            return t;
        }
    }
    static const QRegularExpression raw(QStringLiteral("^r(\\d+)$"));
    const auto m = raw.match(name);
    if (m.hasMatch()) {
        const int bits = m.captured(1).toInt();
        if (bits > 0 && bits % 8 == 0 && bits <= (1 << 20)) {
            DataType t;
            t.kind = DataType::Kind::RawBits;
            t.size = bits / 8;
            t.name = name;
            return t;
        }
    }
    return makeError(QStringLiteral("unsupported data type \"%1\"").arg(name));
}

} // namespace zs
