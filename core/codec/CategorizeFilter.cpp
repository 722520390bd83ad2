#include "codec/CategorizeFilter.h"
#include "codec/CodecUtil.h"
#include "codec/ElementCast.h"

#include <nlohmann/json.hpp>

namespace zs {

using namespace elements;

// A label as one fixed-width element of `t`; `fits` says whether it was not cut.
static QByteArray labelElement(const QString &label, const DataType &t, bool *fits)
{
    QByteArray e(qsizetype(t.size), 0);
    if (t.kind == DataType::Kind::Bytes) {
        const QByteArray utf8 = label.toUtf8();
        *fits = std::uint64_t(utf8.size()) <= t.size;
        std::memcpy(e.data(), utf8.constData(), std::min<std::size_t>(utf8.size(), t.size));
        return e;
    }
    const QList<uint> ucs4 = label.toUcs4();
    const std::size_t width = t.size / 4;
    *fits = std::size_t(ucs4.size()) <= width;
    for (std::size_t i = 0; i < std::min<std::size_t>(ucs4.size(), width); ++i) {
        const std::uint32_t c = ucs4[qsizetype(i)];
        store<std::uint32_t>(e.data() + i * 4, c);
    }
    if (t.needsSwapFrom(nativeByteOrder())) byteSwap(e.data(), e.size(), 4);
    return e;
}

CategorizeFilter::CategorizeFilter(QStringList labels, DataType dtype, DataType astype)
    : m_labels(std::move(labels)), m_dtype(std::move(dtype)), m_astype(std::move(astype))
{
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        bool fits = false;
        m_elements.push_back(labelElement(m_labels[i], m_dtype, &fits));
        if (fits) // like numcodecs, a later duplicate label wins
            m_codes.insert(m_elements.back(), std::uint64_t(i) + 1);
    }
}

Result<std::shared_ptr<CategorizeFilter>>
CategorizeFilter::fromConfig(const nlohmann::json &config, const std::optional<DataType> &arrayType)
{
    const QString codec = QStringLiteral("categorize");
    ZS_TRY(QString dtypeName,
           codecutil::stringField(config, "dtype", arrayType ? std::optional(arrayType->name) : std::nullopt,
                                  codec));
    ZS_TRY(QString astypeName, codecutil::stringField(config, "astype", QStringLiteral("|u1"), codec));
    auto dtype = arrayType ? Result<DataType>(*arrayType) : parseNumpyDtypeName(dtypeName);
    const bool object = dtypeName.endsWith(u'O') || dtypeName.startsWith(u"object");
    if (object || !dtype || (dtype->kind != DataType::Kind::Unicode && dtype->kind != DataType::Kind::Bytes))
        return makeError(
            object
                ? QStringLiteral("categorize of object dtype \"%1\" needs variable-length strings, which are "
                                 "not supported")
                      .arg(dtypeName)
                : QStringLiteral("categorize filter needs a fixed-width string dtype (<U or |S), not \"%1\"")
                      .arg(arrayType ? arrayType->name : dtypeName),
            QStringLiteral("configuration.dtype"));
    auto astype = parseNumpyDtypeName(astypeName);
    if (!astype || !isPlainNumber(*astype) || astype->kind == DataType::Kind::Float)
        return makeError(
            QStringLiteral("categorize filter needs an integer astype, not \"%1\"").arg(astypeName),
            QStringLiteral("configuration.astype"));
    if (arrayType && astype->order != ByteOrder::NotApplicable) astype->order = ByteOrder::Little;
    auto it = config.find("labels");
    if (it == config.end() || !it->is_array())
        return makeError(QStringLiteral("categorize filter needs a list of \"labels\""),
                         QStringLiteral("configuration.labels"));
    QStringList labels;
    for (std::size_t i = 0; i < it->size(); ++i) {
        if (!(*it)[i].is_string())
            return makeError(QStringLiteral("categorize labels must be strings"),
                             QStringLiteral("configuration.labels[%1]").arg(i));
        labels.push_back(QString::fromStdString((*it)[i].get<std::string>()));
    }
    return std::make_shared<CategorizeFilter>(std::move(labels), *dtype, *astype);
}

nlohmann::json CategorizeFilter::configuration() const
{
    nlohmann::json labels = nlohmann::json::array();
    for (const QString &l : m_labels)
        labels.push_back(l.toStdString());
    return {{"id", "categorize"},
            {"labels", labels},
            {"dtype", m_dtype.numpyTypeString().toStdString()},
            {"astype", m_astype.numpyTypeString().toStdString()}};
}

Result<QByteArray> CategorizeFilter::decode(const QByteArray &encoded, SizeHint size) const
{
    if (encoded.size() % m_astype.size != 0)
        return codecutil::corrupt("categorize", QStringLiteral("%1 bytes is not a whole number of %2 codes")
                                                    .arg(encoded.size())
                                                    .arg(m_astype.numpyTypeString()));
    const std::size_t n = encoded.size() / m_astype.size;
    ZS_CHECK(size.admits(std::uint64_t(n) * m_dtype.size, "categorize"));
    QByteArray in = encoded;
    if (m_astype.needsSwapFrom(nativeByteOrder())) byteSwap(in.data(), in.size(), m_astype.size);
    QByteArray out(qsizetype(n * m_dtype.size), 0);
    Status status = Ok{};
    withType(m_astype, [&](auto a) {
        using A = decltype(a);
        for (std::size_t i = 0; i < n; ++i) {
            const A code = load<A>(in.constData() + i * sizeof(A));
            if (code == 0) continue;
            bool negative = false;
            if constexpr (std::is_signed_v<A>) negative = code < 0;
            if (negative || std::uint64_t(code) > m_elements.size()) {
                status = codecutil::corrupt(
                    "categorize", QStringLiteral("code %1 of element %2 is not one of the %3 labels")
                                      .arg(qint64(code))
                                      .arg(i)
                                      .arg(m_elements.size()));
                return;
            }
            std::memcpy(out.data() + i * m_dtype.size, m_elements[std::size_t(code) - 1].constData(),
                        m_dtype.size);
        }
    });
    if (!status) return status.error();
    return out;
}

Result<QByteArray> CategorizeFilter::encode(const QByteArray &decoded) const
{
    if (decoded.size() % m_dtype.size != 0)
        return makeError(QStringLiteral("categorize: %1 bytes is not a whole number of %2 elements")
                             .arg(decoded.size())
                             .arg(m_dtype.numpyTypeString()));
    const std::size_t n = decoded.size() / m_dtype.size;
    QByteArray out(qsizetype(n * m_astype.size), Qt::Uninitialized);
    withType(m_astype, [&](auto a) {
        using A = decltype(a);
        for (std::size_t i = 0; i < n; ++i) {
            const QByteArray e =
                QByteArray::fromRawData(decoded.constData() + i * m_dtype.size, qsizetype(m_dtype.size));
            store<A>(out.data() + i * sizeof(A), castValue<A>(m_codes.value(e, 0)));
        }
    });
    if (m_astype.needsSwapFrom(nativeByteOrder())) byteSwap(out.data(), out.size(), m_astype.size);
    return out;
}

} // namespace zs
