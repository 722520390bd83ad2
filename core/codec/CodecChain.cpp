#include "codec/CodecChain.h"

#include <nlohmann/json.hpp>

namespace zs {

Status SizeHint::admits(std::uint64_t declared, const char *codec) const
{
    if (exact ? declared != bytes : declared > bytes)
        return makeError(QStringLiteral("%1 data declares %2 decoded bytes, chunk holds %3%4")
                             .arg(QLatin1String(codec))
                             .arg(declared)
                             .arg(exact ? "" : "at most ")
                             .arg(bytes));
    return Ok{};
}

std::uint64_t ChunkSpec::elementCount() const
{
    std::uint64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

CodecChain::CodecChain(std::vector<ArrayToArrayPtr> arrayToArray, ArrayToBytesPtr arrayToBytes,
                       std::vector<BytesToBytesPtr> bytesToBytes)
    : m_arrayToArray(std::move(arrayToArray)), m_arrayToBytes(std::move(arrayToBytes)),
      m_bytesToBytes(std::move(bytesToBytes))
{
}

// A bound for a stage whose size is not fixed (a compressed stream feeding another
// compressor, or a shard): generous enough for any real compressor's worst case.
static std::uint64_t unknownSizeBound(std::uint64_t inner)
{
    return inner + inner / 2 + (1u << 16);
}

Result<QByteArray> CodecChain::decode(const QByteArray &encoded, const ChunkSpec &spec) const
{
    if (!m_arrayToBytes) return makeError(QStringLiteral("codec chain has no array-to-bytes codec"));

    std::vector<ChunkSpec> specs{spec};
    for (const auto &c : m_arrayToArray) {
        ZS_TRY(ChunkSpec next, c->encodedSpec(specs.back()));
        specs.push_back(std::move(next));
    }

    // Sizes the output of each bytes->bytes decoder must have, from the array->bytes end outwards.
    std::vector<SizeHint> sizes;
    std::optional<std::uint64_t> size = m_arrayToBytes->encodedSize(specs.back());
    std::uint64_t bound = size ? *size
                               : m_arrayToBytes->encodedSizeBound(specs.back())
                                     .value_or(unknownSizeBound(specs.back().byteSize()));
    for (const auto &c : m_bytesToBytes) {
        sizes.push_back(size ? SizeHint{*size, true} : SizeHint{bound, false});
        size = size ? c->encodedSize(*size) : std::nullopt;
        bound = size ? *size : unknownSizeBound(bound);
    }

    // Variable-length items bound the stage before them by what the read may still hold.
    const bool itemBound = !size && m_arrayToBytes->encodedSizeBound(specs.back()).has_value();
    QByteArray data = encoded;
    for (std::size_t i = m_bytesToBytes.size(); i-- > 0;) {
        auto decoded = m_bytesToBytes[i]->decode(data, sizes[i]);
        if (!decoded && itemBound && i == 0)
            return makeError(
                decoded.error().what +
                    QStringLiteral(
                        " (the most the read's result and chunk limits let one chunk's items take)"),
                decoded.error().where);
        ZS_TRY(data, std::move(decoded));
    }
    ZS_TRY(data, m_arrayToBytes->decode(data, specs.back()));
    for (std::size_t i = m_arrayToArray.size(); i-- > 0;) {
        ZS_TRY(data, m_arrayToArray[i]->decode(data, specs[i]));
    }
    if (std::uint64_t(data.size()) != spec.byteSize())
        return makeError(
            QStringLiteral("decoded chunk is %1 bytes, expected %2").arg(data.size()).arg(spec.byteSize()));
    return data;
}

Result<QByteArray> CodecChain::encode(const QByteArray &decoded, const ChunkSpec &spec) const
{
    if (!m_arrayToBytes) return makeError(QStringLiteral("codec chain has no array-to-bytes codec"));
    QByteArray data = decoded;
    ChunkSpec current = spec;
    for (const auto &c : m_arrayToArray) {
        ZS_TRY(data, c->encode(data, current));
        ZS_TRY(current, c->encodedSpec(current));
    }
    ZS_TRY(data, m_arrayToBytes->encode(data, current));
    for (const auto &c : m_bytesToBytes) {
        ZS_TRY(data, c->encode(data));
    }
    return data;
}

nlohmann::json CodecChain::describe() const
{
    nlohmann::json out = nlohmann::json::array();
    auto add = [&](const QString &name, const nlohmann::json &config) {
        out.push_back({{"name", name.toStdString()}, {"configuration", config}});
    };
    for (const auto &c : m_arrayToArray)
        add(c->name(), c->configuration());
    if (m_arrayToBytes) add(m_arrayToBytes->name(), m_arrayToBytes->configuration());
    for (const auto &c : m_bytesToBytes)
        add(c->name(), c->configuration());
    return out;
}

} // namespace zs
