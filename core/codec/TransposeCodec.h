#pragma once
// v3 `transpose`: the encoded array is the decoded one with its axes permuted,
// encoded.shape[i] = decoded.shape[order[i]]. v2 order "F" is the reversed permutation.

#include "codec/Codec.h"

namespace zs {

class TransposeCodec final : public ArrayToArrayCodec
{
public:
    explicit TransposeCodec(std::vector<std::size_t> order);
    static Result<std::shared_ptr<TransposeCodec>> fromConfig(const nlohmann::json &config,
                                                              const ChunkSpec &decoded);
    static std::shared_ptr<TransposeCodec> reversed(std::size_t rank);

    QString name() const override { return m_name; }
    nlohmann::json configuration() const override;
    Result<ChunkSpec> encodedSpec(const ChunkSpec &decoded) const override;
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &decoded) const override;
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &decodedSpec) const override;

private:
    QString m_name = QStringLiteral("transpose");
    std::vector<std::size_t> m_order;
};

// Copies a C-order array of `shape` into `dst`, where the element at multi-index idx lands at
// sum(idx[k] * dstStrides[k]) elements. The innermost loop is specialised per element size.
void stridedCopy(const char *src, char *dst, const Shape &shape, const std::vector<std::uint64_t> &dstStrides,
                 std::size_t elementSize);

} // namespace zs
