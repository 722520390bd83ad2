#pragma once
// numcodecs `json2` for v2 object arrays, as an array->bytes codec: the chunk is the UTF-8
// JSON text of a list holding the chunk's items (NumPy's tolist(): nested one level per
// dimension), then the dtype string ("|O"), then the shape. Each element keeps its item as
// compact JSON text in the read's StringArena (ChunkSpec::arena); consumers decide how to
// show it (strings as text when every item is one, else the JSON).
// The shape must hold exactly the chunk's element count and the nesting must match it.

#include "codec/Codec.h"

#include <nlohmann/json.hpp>

namespace zs {

class Json2Codec final : public ArrayToBytesCodec
{
public:
    // `config` is the filter entry as stored (with "id"); only UTF-8 encodings are accepted.
    static Result<std::shared_ptr<Json2Codec>> fromConfig(const nlohmann::json &config);
    explicit Json2Codec(nlohmann::json config) : m_config(std::move(config)) {}

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override { return m_config; }
    std::optional<std::uint64_t> encodedSize(const ChunkSpec &) const override { return std::nullopt; }
    std::optional<std::uint64_t> encodedSizeBound(const ChunkSpec &spec) const override;
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &spec) const override;
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &spec) const override;

private:
    QString m_name = QStringLiteral("json2");
    nlohmann::json m_config;
};

} // namespace zs
