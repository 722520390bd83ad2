// libFuzzer harness: shard objects with hostile indexes. The first byte picks a sharding
// configuration (index at the end with crc32c or at the start without, inner chunks raw or
// gzip); the rest is the shard object. decodeIndex must refuse entries outside the object,
// and a whole-shard decode must refuse or produce exactly the shard's size.

#include "codec/CodecRegistry.h"
#include "codec/ShardingCodec.h"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace {

zs::ChunkSpec shardSpec()
{
    zs::ChunkSpec s;
    s.dtype = *zs::parseV3DataTypeName(QStringLiteral("int32"));
    s.shape = {8, 8};
    s.fill = QByteArray(4, 0);
    return s;
}

const std::vector<std::shared_ptr<const zs::ShardingCodec>> &codecs()
{
    static const std::vector<std::shared_ptr<const zs::ShardingCodec>> list = [] {
        const char *configs[] = {
            R"({"name":"sharding_indexed","configuration":{"chunk_shape":[4,4],
                "codecs":[{"name":"bytes","configuration":{"endian":"little"}}],
                "index_codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"crc32c"}]}})",
            R"({"name":"sharding_indexed","configuration":{"chunk_shape":[4,4],
                "codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"gzip"}],
                "index_codecs":[{"name":"bytes","configuration":{"endian":"big"}}],"index_location":"start"}})",
            R"({"name":"sharding_indexed","configuration":{"chunk_shape":[2,8],
                "codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"crc32c"}],
                "index_codecs":[{"name":"bytes","configuration":{"endian":"little"}}]}})",
        };
        std::vector<std::shared_ptr<const zs::ShardingCodec>> out;
        for (const char *c : configs) {
            auto made = zs::makeV3Codec(nlohmann::json::parse(c), shardSpec());
            if (!made) __builtin_trap();
            auto sharding =
                std::dynamic_pointer_cast<const zs::ShardingCodec>(std::get<zs::ArrayToBytesPtr>(*made));
            if (!sharding) __builtin_trap();
            out.push_back(sharding);
        }
        return out;
    }();
    return list;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1) return 0;
    const auto &list = codecs();
    const auto &codec = *list[data[0] % list.size()];
    const QByteArray object(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const auto indexBytes = qsizetype(codec.indexByteSize());
    if (object.size() >= indexBytes) {
        const QByteArray index = codec.indexLocation() == zs::ShardingCodec::IndexLocation::End
                                     ? object.right(indexBytes)
                                     : object.left(indexBytes);
        auto entries = codec.decodeIndex(index, std::uint64_t(object.size()));
        if (entries) {
            for (const auto &e : *entries) {
                if (e.empty()) continue;
                if (e.offset > std::uint64_t(object.size()) ||
                    e.nbytes > std::uint64_t(object.size()) - e.offset)
                    __builtin_trap();
            }
        }
    }
    const zs::ChunkSpec spec = shardSpec();
    auto decoded = codec.decode(object, spec);
    if (decoded && std::uint64_t(decoded->size()) != spec.byteSize()) __builtin_trap();
    return 0;
}
