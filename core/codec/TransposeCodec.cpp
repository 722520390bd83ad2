#include "codec/TransposeCodec.h"
#include "codec/CodecUtil.h"

#include <cstring>
#include <nlohmann/json.hpp>
#include <numeric>

namespace zs {

TransposeCodec::TransposeCodec(std::vector<std::size_t> order) : m_order(std::move(order)) {}

std::shared_ptr<TransposeCodec> TransposeCodec::reversed(std::size_t rank)
{
    std::vector<std::size_t> order(rank);
    for (std::size_t i = 0; i < rank; ++i)
        order[i] = rank - 1 - i;
    return std::make_shared<TransposeCodec>(std::move(order));
}

Result<std::shared_ptr<TransposeCodec>> TransposeCodec::fromConfig(const nlohmann::json &config,
                                                                   const ChunkSpec &decoded)
{
    const std::size_t rank = decoded.shape.size();
    const auto bad = [](const QString &what) {
        return makeError(what, QStringLiteral("configuration.order"));
    };
    if (!config.is_object() || !config.contains("order"))
        return bad(QStringLiteral("codec \"transpose\" needs an \"order\""));
    const auto &o = config["order"];
    // Early v3 drafts spelled the two common permutations "C" and "F".
    if (o.is_string()) {
        const std::string s = o.get<std::string>();
        if (s == "F") return reversed(rank);
        if (s == "C") {
            std::vector<std::size_t> identity(rank);
            std::iota(identity.begin(), identity.end(), 0);
            return std::make_shared<TransposeCodec>(std::move(identity));
        }
        return bad(
            QStringLiteral("transpose order \"%1\" is not a permutation").arg(QString::fromStdString(s)));
    }
    if (!o.is_array() || o.size() != rank)
        return bad(QStringLiteral("transpose order must list %1 axes").arg(rank));
    std::vector<std::size_t> order;
    std::vector<bool> seen(rank, false);
    for (const auto &v : o) {
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0 ||
            std::uint64_t(v.get<std::int64_t>()) >= rank || seen[v.get<std::size_t>()])
            return bad(
                QStringLiteral("transpose order is not a permutation of 0..%1").arg(qsizetype(rank) - 1));
        seen[v.get<std::size_t>()] = true;
        order.push_back(v.get<std::size_t>());
    }
    return std::make_shared<TransposeCodec>(std::move(order));
}

nlohmann::json TransposeCodec::configuration() const
{
    return {{"order", m_order}};
}

Result<ChunkSpec> TransposeCodec::encodedSpec(const ChunkSpec &decoded) const
{
    if (decoded.shape.size() != m_order.size())
        return makeError(QStringLiteral("transpose order has %1 axes, chunk has %2")
                             .arg(m_order.size())
                             .arg(decoded.shape.size()));
    ChunkSpec e = decoded;
    for (std::size_t i = 0; i < m_order.size(); ++i)
        e.shape[i] = decoded.shape[m_order[i]];
    return e;
}

static std::vector<std::uint64_t> cStrides(const Shape &shape)
{
    std::vector<std::uint64_t> s(shape.size(), 1);
    for (std::size_t i = shape.size(); i-- > 1;)
        s[i - 1] = s[i] * shape[i];
    return s;
}

template <std::size_t N>
static void innerRow(const char *src, char *dst, std::uint64_t n, std::uint64_t dstStride, std::size_t es)
{
    // N == 0: generic element size; otherwise a fixed-size copy the compiler can inline.
    const std::size_t size = N ? N : es;
    const std::uint64_t step = dstStride * size;
    for (std::uint64_t i = 0; i < n; ++i, src += size, dst += step)
        std::memcpy(dst, src, N ? N : size);
}

void stridedCopy(const char *src, char *dst, const Shape &shape, const std::vector<std::uint64_t> &dstStrides,
                 std::size_t es)
{
    const std::size_t rank = shape.size();
    std::uint64_t total = 1;
    for (auto d : shape)
        total *= d;
    if (total == 0) return;
    if (rank == 0) {
        std::memcpy(dst, src, es);
        return;
    }
    const std::uint64_t rowLen = shape[rank - 1];
    const std::uint64_t rowStride = dstStrides[rank - 1];
    auto row = es == 1    ? innerRow<1>
               : es == 2  ? innerRow<2>
               : es == 4  ? innerRow<4>
               : es == 8  ? innerRow<8>
               : es == 16 ? innerRow<16>
                          : innerRow<0>;
    // Odometer over all axes but the last; the destination offset is updated incrementally.
    std::vector<std::uint64_t> idx(rank, 0);
    std::uint64_t dstOff = 0;
    for (std::uint64_t done = 0; done < total; done += rowLen) {
        if (rowStride == 1)
            std::memcpy(dst + dstOff * es, src, rowLen * es);
        else
            row(src, dst + dstOff * es, rowLen, rowStride, es);
        src += rowLen * es;
        for (std::size_t k = rank - 1; k-- > 0;) {
            dstOff += dstStrides[k];
            if (++idx[k] < shape[k]) break;
            dstOff -= dstStrides[k] * shape[k];
            idx[k] = 0;
        }
    }
}

Result<QByteArray> TransposeCodec::decode(const QByteArray &encoded, const ChunkSpec &decoded) const
{
    ZS_TRY(ChunkSpec enc, encodedSpec(decoded));
    if (std::uint64_t(encoded.size()) != decoded.byteSize())
        return makeError(QStringLiteral("transpose got %1 bytes, chunk holds %2")
                             .arg(encoded.size())
                             .arg(decoded.byteSize()));
    bool identity = true;
    for (std::size_t i = 0; i < m_order.size(); ++i)
        identity &= m_order[i] == i;
    if (identity) return encoded;
    // Walk the encoded array in its (contiguous) order; encoded axis i is decoded axis order[i].
    const auto decStrides = cStrides(decoded.shape);
    std::vector<std::uint64_t> strides(m_order.size());
    for (std::size_t i = 0; i < m_order.size(); ++i)
        strides[i] = decStrides[m_order[i]];
    QByteArray out(encoded.size(), Qt::Uninitialized);
    stridedCopy(encoded.constData(), out.data(), enc.shape, strides, decoded.dtype.size);
    return out;
}

Result<QByteArray> TransposeCodec::encode(const QByteArray &decoded, const ChunkSpec &decodedSpec) const
{
    ZS_TRY(ChunkSpec enc, encodedSpec(decodedSpec));
    if (std::uint64_t(decoded.size()) != decodedSpec.byteSize())
        return makeError(QStringLiteral("transpose got %1 bytes, chunk holds %2")
                             .arg(decoded.size())
                             .arg(decodedSpec.byteSize()));
    // Decoded axis order[i] goes to encoded axis i.
    const auto encStrides = cStrides(enc.shape);
    std::vector<std::uint64_t> strides(m_order.size());
    for (std::size_t i = 0; i < m_order.size(); ++i)
        strides[m_order[i]] = encStrides[i];
    QByteArray out(decoded.size(), Qt::Uninitialized);
    stridedCopy(decoded.constData(), out.data(), decodedSpec.shape, strides, decodedSpec.dtype.size);
    return out;
}

} // namespace zs
