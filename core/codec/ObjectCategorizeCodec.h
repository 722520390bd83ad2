#pragma once
// numcodecs `categorize` as the object codec of a v2 `|O` string array (zarr-python accepts
// `filters=[Categorize(labels, dtype=object)]` without an object_codec): the chunk is integer
// codes (`astype`), code k standing for labels[k - 1] and 0 for "" (not a label). An array->
// bytes codec producing StringArena handles; each chunk adds "" and the labels to the arena
// once, its elements point at them. A code beyond the labels cannot come from the encoder, so
// it is reported as corrupt data (numcodecs would decode it as "").

#include "codec/Codec.h"

#include <QByteArrayList>
#include <nlohmann/json.hpp>

namespace zs {

class ObjectCategorizeCodec final : public ArrayToBytesCodec
{
public:
    ObjectCategorizeCodec(QByteArrayList labels, DataType astype, nlohmann::json config);
    // `config` is the filter entry as stored (with "id", "labels", "dtype", "astype").
    static Result<std::shared_ptr<ObjectCategorizeCodec>> fromConfig(const nlohmann::json &config);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override { return m_config; }
    std::optional<std::uint64_t> encodedSize(const ChunkSpec &spec) const override
    {
        return spec.elementCount() * m_astype.size;
    }
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &spec) const override;
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &spec) const override;

private:
    QString m_name = QStringLiteral("categorize");
    QByteArrayList m_labels; // UTF-8
    DataType m_astype;
    nlohmann::json m_config;
};

} // namespace zs
