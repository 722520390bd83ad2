#include "codec/ObjectCategorizeCodec.h"

#include "codec/CodecUtil.h"
#include "dtype/StringArena.h"

#include <QtEndian>
#include <nlohmann/json.hpp>

namespace zs {

using nlohmann::json;

ObjectCategorizeCodec::ObjectCategorizeCodec(QByteArrayList labels, DataType astype, json config)
    : m_labels(std::move(labels)), m_astype(std::move(astype)), m_config(std::move(config))
{
}

Result<std::shared_ptr<ObjectCategorizeCodec>> ObjectCategorizeCodec::fromConfig(const json &config)
{
    const QString codec = QStringLiteral("categorize");
    ZS_TRY(QString astypeName, codecutil::stringField(config, "astype", QStringLiteral("|u1"), codec));
    auto astype = parseNumpyDtypeName(astypeName);
    if (!astype || (astype->kind != DataType::Kind::Int && astype->kind != DataType::Kind::UInt))
        return makeError(
            QStringLiteral("categorize filter needs an integer astype, not \"%1\"").arg(astypeName),
            QStringLiteral("astype"));
    auto it = config.find("labels");
    if (it == config.end() || !it->is_array())
        return makeError(QStringLiteral("categorize filter needs a list of \"labels\""),
                         QStringLiteral("labels"));
    QByteArrayList labels;
    for (std::size_t i = 0; i < it->size(); ++i) {
        if (!(*it)[i].is_string())
            return makeError(QStringLiteral("categorize labels must be strings"),
                             QStringLiteral("labels[%1]").arg(i));
        labels.push_back(QByteArray::fromStdString((*it)[i].get<std::string>()));
    }
    return std::make_shared<ObjectCategorizeCodec>(std::move(labels), *astype, config);
}

// One code of `size` bytes in `order`, widened; negative codes come back as ~0 (no label).
static std::uint64_t codeAt(const char *p, const DataType &t)
{
    const bool big = t.order == ByteOrder::Big;
    std::int64_t v = 0;
    switch (t.size) {
    case 1:
        v = t.kind == DataType::Kind::Int ? std::int64_t(qint8(*p)) : std::int64_t(quint8(*p));
        break;
    case 2: {
        const quint16 u = big ? qFromBigEndian<quint16>(p) : qFromLittleEndian<quint16>(p);
        v = t.kind == DataType::Kind::Int ? std::int64_t(qint16(u)) : std::int64_t(u);
        break;
    }
    case 4: {
        const quint32 u = big ? qFromBigEndian<quint32>(p) : qFromLittleEndian<quint32>(p);
        v = t.kind == DataType::Kind::Int ? std::int64_t(qint32(u)) : std::int64_t(u);
        break;
    }
    default: {
        const quint64 u = big ? qFromBigEndian<quint64>(p) : qFromLittleEndian<quint64>(p);
        if (t.kind == DataType::Kind::UInt) return u;
        v = std::int64_t(u);
    }
    }
    return v < 0 ? ~std::uint64_t(0) : std::uint64_t(v);
}

Result<QByteArray> ObjectCategorizeCodec::decode(const QByteArray &encoded, const ChunkSpec &spec) const
{
    if (!spec.arena)
        return makeError(
            QStringLiteral("categorize decodes object arrays only inside a read (no string storage)"));
    const std::uint64_t n = spec.elementCount();
    if (std::uint64_t(encoded.size()) != n * m_astype.size)
        return codecutil::corrupt("categorize",
                                  QStringLiteral("%1 bytes of codes, the chunk has %2 elements of %3 bytes")
                                      .arg(encoded.size())
                                      .arg(n)
                                      .arg(m_astype.size));
    // "" then the labels, once per chunk; code k is the k-th of them.
    QByteArray text;
    std::vector<StringArena::Span> spans{{0, 0}};
    for (const QByteArray &l : m_labels) {
        spans.push_back(StringArena::Span{std::uint64_t(text.size()), std::uint64_t(l.size())});
        text += l;
    }
    std::vector<std::uint64_t> labelHandles(spans.size());
    ZS_CHECK(spec.arena->append(text.constData(), spans, labelHandles.data()));
    QByteArray handles(qsizetype(n * 8), Qt::Uninitialized);
    auto *out = reinterpret_cast<std::uint64_t *>(handles.data());
    for (std::uint64_t i = 0; i < n; ++i) {
        const std::uint64_t code = codeAt(encoded.constData() + i * m_astype.size, m_astype);
        if (code >= labelHandles.size())
            return codecutil::corrupt(
                "categorize",
                QStringLiteral("element %1 has code %2, there are %3 labels")
                    .arg(i)
                    .arg(code == ~std::uint64_t(0) ? QStringLiteral("< 0") : QString::number(code))
                    .arg(m_labels.size()));
        out[i] = labelHandles[code];
    }
    return handles;
}

Result<QByteArray> ObjectCategorizeCodec::encode(const QByteArray &, const ChunkSpec &) const
{
    return makeError(QStringLiteral("writing categorize object chunks is not supported"));
}

} // namespace zs
