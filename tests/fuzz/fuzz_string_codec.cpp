// libFuzzer harness: the variable-length item decoders (vlen-utf8, vlen-bytes, json2, object categorize) on
// hostile chunk bytes. Input: [codec][count lo][count hi] then the encoded chunk. The codec
// byte picks vlen-utf8, vlen-bytes, json2 over a 1-D chunk, json2 over a 2-D one, or categorize
// of object dtype (labels a, bb, é; <u2 codes); the count bytes the chunk's element count. Decoding may
// refuse anything (saying why), but what it returns must be one valid handle per element, vlen-utf8 items
// must be valid UTF-8, and the items must fit the arena's limit. Allocation is also capped by libFuzzer's
// -malloc_limit_mb.

#include "codec/CodecRegistry.h"
#include "dtype/DataType.h"
#include "dtype/StringArena.h"
#include "dtype/Utf8.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

constexpr std::uint64_t kArenaLimit = std::uint64_t(4) << 20;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 3) return 0;
    static const json filters[] = {
        json::array({{{"id", "vlen-utf8"}}}),
        json::array({{{"id", "vlen-bytes"}}}),
        json::array({{{"id", "json2"}}}),
        json::array({{{"id", "json2"}}}),
        json::array(
            {{{"id", "categorize"}, {"dtype", "|O"}, {"astype", "<u2"}, {"labels", {"a", "bb", "é"}}}}),
    };
    const int which = data[0] % 5;
    const std::uint64_t count = std::uint64_t(data[1]) | std::uint64_t(data[2]) << 8;
    zs::ChunkSpec spec;
    spec.dtype = *zs::v2ObjectDataType(nullptr, filters[which]);
    if (which == 3 && count % 2 == 0 && count > 0)
        spec.shape = {2, count / 2};
    else
        spec.shape = {count};
    spec.fill = QByteArray(8, 0);
    auto chain = zs::makeV2Chain(nullptr, filters[which], 'C', spec);
    if (!chain) __builtin_trap();
    spec.arena = std::make_shared<zs::StringArena>(QByteArray(), kArenaLimit);
    const QByteArray encoded(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    auto decoded = chain->decode(encoded, spec);
    if (!decoded) {
        if (decoded.error().what.isEmpty()) __builtin_trap(); // every refusal says why
        return 0;
    }
    if (std::uint64_t(decoded->size()) != count * 8 || spec.arena->byteSize() > kArenaLimit) __builtin_trap();
    const std::uint64_t items = spec.arena->itemCount();
    for (std::uint64_t i = 0; i < count; ++i) {
        std::uint64_t h;
        std::memcpy(&h, decoded->constData() + i * 8, 8);
        if (h >= items) __builtin_trap();
        if (which == 0 && zs::utf8::firstInvalid(spec.arena->item(h)) >= 0) __builtin_trap();
    }
    return 0;
}
