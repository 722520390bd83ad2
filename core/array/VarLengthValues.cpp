#include "array/VarLengthValues.h"

#include "dtype/Utf8.h"

#include <nlohmann/json.hpp>

namespace zs {

namespace {

// A json2 item that is a JSON string, decoded; items are compact JSON texts the decoder wrote.
QByteArray jsonString(QByteArrayView item)
{
    const nlohmann::json v = nlohmann::json::parse(item.begin(), item.end(), nullptr, false);
    return v.is_string() ? QByteArray::fromStdString(v.get<std::string>()) : item.toByteArray();
}

} // namespace

VarLengthValues::VarLengthValues(const NdArray &array) : m_array(array)
{
    const std::uint64_t n = array.elementCount();
    const bool isBytes = array.dtype.kind == DataType::Kind::VarBytes;
    if (array.dtype.kind == DataType::Kind::JsonItem) {
        m_jsonStrings = n > 0;
        for (std::uint64_t i = 0; i < n && m_jsonStrings; ++i) {
            const QByteArrayView item = array.item(i);
            m_jsonStrings = !item.isEmpty() && item.front() == '"';
        }
    }
    std::uint64_t width = 1;
    for (std::uint64_t i = 0; i < n; ++i) {
        const QByteArrayView item = array.item(i);
        const QByteArray decoded = m_jsonStrings ? jsonString(item) : QByteArray();
        const QByteArrayView v = m_jsonStrings ? QByteArrayView(decoded) : item;
        width = std::max<std::uint64_t>(width, isBytes ? std::uint64_t(v.size()) : utf8::codePointCount(v));
    }
    m_fixed.kind = isBytes ? DataType::Kind::Bytes : DataType::Kind::Unicode;
    m_fixed.size = isBytes ? width : width * 4;
    m_fixed.order = isBytes ? ByteOrder::NotApplicable : ByteOrder::Little;
    m_fixed.name = m_fixed.numpyTypeString();
}

QByteArray VarLengthValues::value(std::uint64_t i) const
{
    const QByteArrayView item = m_array.item(i);
    if (m_jsonStrings) return jsonString(item);
    return item.toByteArray();
}

QString VarLengthValues::text(std::uint64_t i) const
{
    if (m_array.dtype.kind == DataType::Kind::VarBytes) return escapedBytes(m_array.item(i));
    return QString::fromUtf8(value(i));
}

QString escapedBytes(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '\\')
            out += QStringLiteral("\\\\");
        else if (u >= 0x20 && u < 0x7F)
            out += QChar(u);
        else if (u == '\n')
            out += QStringLiteral("\\n");
        else if (u == '\t')
            out += QStringLiteral("\\t");
        else if (u == '\r')
            out += QStringLiteral("\\r");
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QChar(u'0'));
    }
    return out;
}

} // namespace zs
