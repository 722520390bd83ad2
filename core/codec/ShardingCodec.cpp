#include "codec/ShardingCodec.h"
#include "codec/CodecRegistry.h"
#include "codec/CodecUtil.h"

#include <QtEndian>
#include <cstring>
#include <nlohmann/json.hpp>

namespace zs {

using nlohmann::json;

ShardingCodec::ShardingCodec(Shape shardShape, Shape chunkShape, CodecChain inner, CodecChain index,
                             IndexLocation location, std::uint64_t indexBytes)
    : m_shardShape(std::move(shardShape)), m_chunkShape(std::move(chunkShape)), m_inner(std::move(inner)),
      m_index(std::move(index)), m_location(location), m_indexBytes(indexBytes)
{
}

Shape ShardingCodec::innerGrid() const
{
    Shape g(m_chunkShape.size());
    for (std::size_t i = 0; i < g.size(); ++i)
        g[i] = m_shardShape[i] / m_chunkShape[i];
    return g;
}

ChunkSpec ShardingCodec::innerSpec(const ChunkSpec &shard) const
{
    ChunkSpec s = shard;
    s.shape = m_chunkShape;
    return s;
}

ChunkSpec ShardingCodec::indexSpec() const
{
    ChunkSpec s;
    s.shape = innerGrid();
    s.shape.push_back(2);
    s.dtype = *parseV3DataTypeName(QStringLiteral("uint64"));
    s.fill = QByteArray(8, char(0xFF));
    return s;
}

Result<std::shared_ptr<ShardingCodec>> ShardingCodec::fromConfig(const json &config, const ChunkSpec &shard)
{
    const auto where = [](const char *f) { return QStringLiteral("configuration.%1").arg(QLatin1String(f)); };
    if (!config.is_object() || !config.contains("chunk_shape") || !config["chunk_shape"].is_array())
        return makeError(QStringLiteral("codec \"sharding_indexed\" needs a \"chunk_shape\" list"),
                         where("chunk_shape"));
    const json &cs = config["chunk_shape"];
    if (cs.size() != shard.shape.size())
        return makeError(QStringLiteral("sharding chunk_shape has %1 axes, the shard has %2")
                             .arg(cs.size())
                             .arg(shard.shape.size()),
                         where("chunk_shape"));
    Shape chunk;
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (!cs[i].is_number_unsigned() || cs[i].get<std::uint64_t>() == 0 ||
            shard.shape[i] % cs[i].get<std::uint64_t>() != 0)
            return makeError(
                QStringLiteral("sharding chunk_shape must be positive integers dividing the shard shape"),
                where("chunk_shape"));
        chunk.push_back(cs[i].get<std::uint64_t>());
    }

    ZS_TRY(QString loc, codecutil::stringField(config, "index_location", QStringLiteral("end"),
                                               QStringLiteral("sharding_indexed")));
    if (loc != u"start" && loc != u"end")
        return makeError(QStringLiteral("sharding index_location \"%1\" is not start or end").arg(loc),
                         where("index_location"));
    const IndexLocation location = loc == u"start" ? IndexLocation::Start : IndexLocation::End;

    ChunkSpec innerSpec = shard;
    innerSpec.shape = chunk;
    if (!config.contains("codecs"))
        return makeError(QStringLiteral("codec \"sharding_indexed\" needs \"codecs\""), where("codecs"));
    auto inner = makeV3Chain(config["codecs"], innerSpec);
    if (!inner) return Error{inner.error().what, QStringLiteral("configuration.") + inner.error().where};

    ShardingCodec probe(shard.shape, chunk, {}, {}, location, 0);
    const ChunkSpec idxSpec = probe.indexSpec();
    const json defaultIndex =
        json::array({{{"name", "bytes"}, {"configuration", {{"endian", "little"}}}}, {{"name", "crc32c"}}});
    auto index =
        makeV3Chain(config.contains("index_codecs") ? config["index_codecs"] : defaultIndex, idxSpec);
    if (!index)
        return Error{index.error().what, QStringLiteral("configuration.index_") + index.error().where};

    // The index must have a fixed encoded size, or a reader could not find it. Array->array
    // codecs keep the element count, so they do not change it.
    std::optional<std::uint64_t> size = index->arrayToBytes()->encodedSize(idxSpec);
    for (const auto &c : index->bytesToBytes())
        size = size ? c->encodedSize(*size) : std::nullopt;
    if (!size)
        return makeError(
            QStringLiteral("sharding index_codecs must have a fixed encoded size (bytes, crc32c)"),
            where("index_codecs"));
    return std::make_shared<ShardingCodec>(shard.shape, chunk, std::move(*inner), std::move(*index), location,
                                           *size);
}

json ShardingCodec::configuration() const
{
    return {{"chunk_shape", m_chunkShape},
            {"codecs", m_inner.describe()},
            {"index_codecs", m_index.describe()},
            {"index_location", m_location == IndexLocation::Start ? "start" : "end"}};
}

Result<std::vector<ShardingCodec::IndexEntry>> ShardingCodec::decodeIndex(const QByteArray &indexBytes,
                                                                          std::uint64_t objectSize) const
{
    const ChunkSpec spec = indexSpec();
    auto decoded = m_index.decode(indexBytes, spec);
    if (!decoded) return Error{QStringLiteral("shard index: ") + decoded.error().what, decoded.error().where};
    // v3 uint64 decodes to little endian in memory.
    const char *p = decoded->constData();
    const std::size_t n = spec.elementCount() / 2;
    std::vector<IndexEntry> entries(n);
    // With the object's size known, the data lies between the index and the far end; range reads
    // pass ~0 (size unknown) and learn of a bad entry from the server's answer instead.
    const bool sized = objectSize != ~std::uint64_t(0) && objectSize >= m_indexBytes;
    const std::uint64_t dataBegin = sized && m_location == IndexLocation::Start ? m_indexBytes : 0;
    const std::uint64_t dataEnd =
        sized && m_location == IndexLocation::End ? objectSize - m_indexBytes : objectSize;
    for (std::size_t i = 0; i < n; ++i) {
        IndexEntry &e = entries[i];
        e.offset = qFromLittleEndian<std::uint64_t>(p + 16 * i);
        e.nbytes = qFromLittleEndian<std::uint64_t>(p + 16 * i + 8);
        if (!e.empty() && (e.offset > objectSize || e.nbytes > objectSize - e.offset))
            return makeError(
                QStringLiteral("shard index entry %1 (offset %2, %3 bytes) lies outside the %4-byte shard")
                    .arg(i)
                    .arg(e.offset)
                    .arg(e.nbytes)
                    .arg(objectSize));
        if (!e.empty() && (e.offset < dataBegin || e.offset + e.nbytes > dataEnd))
            return makeError(
                QStringLiteral("shard index entry %1 (offset %2, %3 bytes) overlaps the shard's own index")
                    .arg(i)
                    .arg(e.offset)
                    .arg(e.nbytes));
    }
    return entries;
}

// Copies an inner chunk between its own C-order buffer and its place in the shard;
// rows along the last axis are contiguous in both, so each row is one memcpy.
static void copyBlock(char *shard, char *chunk, const Shape &shardShape, const Shape &chunkShape,
                      const Shape &origin, std::size_t es, bool intoShard)
{
    const std::size_t rank = chunkShape.size();
    if (rank == 0) {
        intoShard ? std::memcpy(shard, chunk, es) : std::memcpy(chunk, shard, es);
        return;
    }
    std::vector<std::uint64_t> strides(rank, 1);
    for (std::size_t i = rank; i-- > 1;)
        strides[i - 1] = strides[i] * shardShape[i];
    const std::uint64_t rowBytes = chunkShape[rank - 1] * es;
    std::uint64_t rows = 1;
    for (std::size_t i = 0; i + 1 < rank; ++i)
        rows *= chunkShape[i];
    std::vector<std::uint64_t> idx(rank, 0);
    for (std::uint64_t r = 0; r < rows; ++r) {
        std::uint64_t off = 0;
        for (std::size_t k = 0; k < rank; ++k)
            off += (origin[k] + idx[k]) * strides[k];
        char *s = shard + off * es;
        char *c = chunk + r * rowBytes;
        intoShard ? std::memcpy(s, c, rowBytes) : std::memcpy(c, s, rowBytes);
        for (std::size_t k = rank - 1; k-- > 0;) {
            if (++idx[k] < chunkShape[k]) break;
            idx[k] = 0;
        }
    }
}

// Visits inner chunks in C order over the grid with their index and origin in the shard.
template <typename F> static Status forEachInner(const Shape &grid, const Shape &chunk, F &&f)
{
    std::uint64_t n = 1;
    for (auto g : grid)
        n *= g;
    Shape gi(grid.size(), 0), origin(grid.size(), 0);
    for (std::uint64_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < grid.size(); ++k)
            origin[k] = gi[k] * chunk[k];
        ZS_CHECK(f(i, origin));
        for (std::size_t k = grid.size(); k-- > 0;) {
            if (++gi[k] < grid[k]) break;
            gi[k] = 0;
        }
    }
    return Ok{};
}

static QByteArray fillChunk(const ChunkSpec &spec)
{
    QByteArray out(qsizetype(spec.byteSize()), Qt::Uninitialized);
    const std::size_t es = spec.dtype.size;
    if (std::size_t(spec.fill.size()) != es) {
        out.fill(0);
        return out;
    }
    for (qsizetype i = 0; i < out.size(); i += es)
        std::memcpy(out.data() + i, spec.fill.constData(), es);
    return out;
}

Result<QByteArray> ShardingCodec::decode(const QByteArray &encoded, const ChunkSpec &spec) const
{
    if (spec.shape != m_shardShape)
        return makeError(QStringLiteral("sharding codec was set up for another shard shape"));
    const std::uint64_t size = encoded.size();
    if (size < m_indexBytes)
        return codecutil::corrupt("sharding_indexed",
                                  QStringLiteral("shard of %1 bytes is smaller than its %2-byte index")
                                      .arg(size)
                                      .arg(m_indexBytes));
    const QByteArray indexBytes = m_location == IndexLocation::End ? encoded.last(qsizetype(m_indexBytes))
                                                                   : encoded.first(qsizetype(m_indexBytes));
    ZS_TRY(const std::vector<IndexEntry> entries, decodeIndex(indexBytes, size));

    const ChunkSpec inner = innerSpec(spec);
    const std::size_t es = spec.dtype.size;
    QByteArray out(qsizetype(spec.byteSize()), Qt::Uninitialized);
    QByteArray fill;
    ZS_CHECK(forEachInner(innerGrid(), m_chunkShape, [&](std::uint64_t i, const Shape &origin) -> Status {
        const IndexEntry &e = entries[i];
        QByteArray chunk;
        if (e.empty()) {
            if (fill.isEmpty()) fill = fillChunk(inner);
            chunk = fill;
        } else {
            // A view into the shard, not a copy; it only lives while `encoded` does.
            const QByteArray view =
                QByteArray::fromRawData(encoded.constData() + e.offset, qsizetype(e.nbytes));
            auto decoded = m_inner.decode(view, inner);
            if (!decoded)
                return Error{QStringLiteral("inner chunk %1: %2").arg(i).arg(decoded.error().what),
                             decoded.error().where};
            chunk = std::move(*decoded);
        }
        copyBlock(out.data(), const_cast<char *>(chunk.constData()), m_shardShape, m_chunkShape, origin, es,
                  true);
        return Ok{};
    }));
    return out;
}

Result<QByteArray> ShardingCodec::encode(const QByteArray &decoded, const ChunkSpec &spec) const
{
    if (spec.shape != m_shardShape || std::uint64_t(decoded.size()) != spec.byteSize())
        return makeError(QStringLiteral("sharding codec got data that is not one shard"));
    const ChunkSpec inner = innerSpec(spec);
    const QByteArray fill = fillChunk(inner);
    const Shape grid = innerGrid();
    std::vector<IndexEntry> entries;
    QByteArray body;
    QByteArray chunk(qsizetype(inner.byteSize()), Qt::Uninitialized);
    const std::uint64_t base = m_location == IndexLocation::Start ? m_indexBytes : 0;
    ZS_CHECK(forEachInner(grid, m_chunkShape, [&](std::uint64_t, const Shape &origin) -> Status {
        copyBlock(const_cast<char *>(decoded.constData()), chunk.data(), m_shardShape, m_chunkShape, origin,
                  spec.dtype.size, false);
        // Inner chunks that are all fill value are left out, as zarr-python does.
        if (chunk == fill) {
            entries.push_back({});
            return Ok{};
        }
        ZS_TRY(QByteArray enc, m_inner.encode(chunk, inner));
        entries.push_back({base + std::uint64_t(body.size()), std::uint64_t(enc.size())});
        body += enc;
        return Ok{};
    }));
    QByteArray index(qsizetype(entries.size() * 16), Qt::Uninitialized);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        qToLittleEndian(entries[i].offset, index.data() + 16 * i);
        qToLittleEndian(entries[i].nbytes, index.data() + 16 * i + 8);
    }
    ZS_TRY(QByteArray encodedIndex, m_index.encode(index, indexSpec()));
    return m_location == IndexLocation::Start ? encodedIndex + body : body + encodedIndex;
}

} // namespace zs
