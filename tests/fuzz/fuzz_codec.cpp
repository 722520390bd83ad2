// libFuzzer harness: every bytes->bytes decoder on hostile chunk bytes.
// Input: [codec][size lo][size hi][flags] then the encoded chunk. The codec byte picks one of
// the decoders below, the size bytes the decoded size the chunk must have (in 16-byte units,
// so up to ~1 MiB) and flag bit 0 whether that size is exact or a bound. A decoder may refuse
// anything, but what it returns must respect the size it was told: never more, and exactly it
// when exact. Allocation beyond that is caught by libFuzzer's -rss_limit_mb / -malloc_limit_mb.

#include "codec/CodecRegistry.h"
#include "dtype/DataType.h"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace {

zs::ChunkSpec byteSpec(const char *numpyType)
{
    zs::ChunkSpec s;
    s.dtype = *zs::parseNumpyTypeString(QString::fromLatin1(numpyType));
    s.shape = {1};
    s.fill = QByteArray(qsizetype(s.dtype.size), 0);
    return s;
}

zs::BytesToBytesPtr v2(const nlohmann::json &compressor, const nlohmann::json &filters, const char *dtype)
{
    auto chain = zs::makeV2Chain(compressor, filters, 'C', byteSpec(dtype));
    if (!chain || chain->bytesToBytes().size() != 1)
        __builtin_trap(); // the table below is wrong, not the input
    return chain->bytesToBytes().front();
}

const std::vector<zs::BytesToBytesPtr> &decoders()
{
    using nlohmann::json;
    static const std::vector<zs::BytesToBytesPtr> list = [] {
        std::vector<zs::BytesToBytesPtr> d;
        d.push_back(
            v2(json{{"id", "blosc"}, {"cname", "lz4"}, {"clevel", 5}, {"shuffle", 1}}, nullptr, "<i4"));
        d.push_back(v2(json{{"id", "zlib"}, {"level", 1}}, nullptr, "<i4"));
        d.push_back(v2(json{{"id", "gzip"}, {"level", 1}}, nullptr, "<i4"));
        d.push_back(v2(json{{"id", "zstd"}, {"level", 1}}, nullptr, "<i4"));
        d.push_back(v2(json{{"id", "lz4"}}, nullptr, "<i4"));
        d.push_back(v2(json{{"id", "bz2"}, {"level", 1}}, nullptr, "<i4"));
        d.push_back(v2(nullptr, json::array({{{"id", "shuffle"}, {"elementsize", 4}}}), "<i4"));
        d.push_back(v2(nullptr, json::array({{{"id", "delta"}, {"dtype", "<i4"}}}), "<i4"));
        auto crc = zs::makeV3Chain(json::parse(R"(["bytes","crc32c"])"), byteSpec("|u1"));
        if (!crc || crc->bytesToBytes().size() != 1) __builtin_trap();
        d.push_back(crc->bytesToBytes().front());
        // the numcodecs filters of issue 13 (appended: existing seeds keep their codec byte)
        auto filter = [&](const char *config, const char *dtype) {
            d.push_back(v2(nullptr, json::array({json::parse(config)}), dtype));
        };
        filter(R"({"id":"fixedscaleoffset","scale":10,"offset":1000,"dtype":"<f8","astype":"|u1"})",
               "<f8");                                                                                  // 9
        filter(R"({"id":"astype","encode_dtype":"<f4","decode_dtype":"<i8"})", "<i8");                  // 10
        filter(R"({"id":"quantize","digits":3,"dtype":"<f8","astype":"<f4"})", "<f8");                  // 11
        filter(R"({"id":"bitround","keepbits":5})", "<f4");                                             // 12
        filter(R"({"id":"packbits"})", "|b1");                                                          // 13
        filter(R"({"id":"categorize","labels":["a","bb","ccc"],"dtype":"<U3","astype":"|u1"})", "<U3"); // 14
        filter(R"({"id":"crc32"})", "|u1");                                                             // 15
        filter(R"({"id":"adler32"})", "|u1");                                                           // 16
        return d;
    }();
    return list;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 4) return 0;
    const auto &list = decoders();
    const zs::BytesToBytesPtr &codec = list[data[0] % list.size()];
    const zs::SizeHint hint{(std::uint64_t(data[1]) | std::uint64_t(data[2]) << 8) * 16, (data[3] & 1) != 0};
    const QByteArray encoded(reinterpret_cast<const char *>(data + 4), qsizetype(size - 4));
    auto decoded = codec->decode(encoded, hint);
    if (decoded) {
        const std::uint64_t n = std::uint64_t(decoded->size());
        if (n > hint.bytes || (hint.exact && n != hint.bytes)) __builtin_trap();
    } else if (decoded.error().what.isEmpty()) {
        __builtin_trap(); // every refusal says why
    }
    return 0;
}
