#include "export/CodecMapping.h"

namespace zs {

using nlohmann::json;

namespace {

// A compressor in neither format's spelling, so it can be written in either.
struct Compressor
{
    QString kind; // "blosc", "zstd" or "gzip"
    QString cname = QStringLiteral("lz4");
    int level = 5;
    int shuffle = 1; // 0 none, 1 byte, 2 bit
    int blocksize = 0;
};

int intOr(const json &o, const char *field, int fallback)
{
    return o.is_object() && o.contains(field) && o[field].is_number_integer() ? o[field].get<int>()
                                                                              : fallback;
}

QString stringOr(const json &o, const char *field, const QString &fallback)
{
    return o.is_object() && o.contains(field) && o[field].is_string()
               ? QString::fromStdString(o[field].get<std::string>())
               : fallback;
}

std::optional<Compressor> fromExportCodec(ExportCodec codec)
{
    switch (codec) {
    case ExportCodec::BloscLz4:
        return Compressor{QStringLiteral("blosc"), QStringLiteral("lz4"), 5, 1, 0};
    case ExportCodec::BloscZstd:
        return Compressor{QStringLiteral("blosc"), QStringLiteral("zstd"), 5, 1, 0};
    case ExportCodec::Zstd:
        return Compressor{QStringLiteral("zstd"), {}, 3, 0, 0};
    case ExportCodec::Gzip:
        return Compressor{QStringLiteral("gzip"), {}, 5, 0, 0};
    default:
        return std::nullopt;
    }
}

// A numcodecs compressor (v2 "compressor", or the configuration of a v3 "numcodecs.<id>").
std::optional<Compressor> fromNumcodecs(const QString &id, const json &c, std::size_t typesize,
                                        QStringList &notes)
{
    if (id == u"blosc") {
        int shuffle = intOr(c, "shuffle", 1);
        if (shuffle == -1) shuffle = typesize == 1 ? 2 : 1;
        return Compressor{id, stringOr(c, "cname", QStringLiteral("lz4")), intOr(c, "clevel", 5), shuffle,
                          intOr(c, "blocksize", 0)};
    }
    if (id == u"zstd") return Compressor{id, {}, intOr(c, "level", 1), 0, 0};
    if (id == u"gzip") return Compressor{id, {}, intOr(c, "level", 1), 0, 0};
    if (id == u"zlib") {
        notes << QStringLiteral(
            "zlib is not a Zarr v3 core codec: written with gzip (same deflate, same level)");
        return Compressor{QStringLiteral("gzip"), {}, intOr(c, "level", 1), 0, 0};
    }
    if (id == u"lz4") {
        notes << QStringLiteral("lz4 is not a Zarr v3 core codec: written with blosc lz4");
        return Compressor{QStringLiteral("blosc"), QStringLiteral("lz4"), 5, 1, 0};
    }
    notes << QStringLiteral("%1 is not a Zarr v3 core codec: written with zstd").arg(id);
    return Compressor{QStringLiteral("zstd"), {}, 3, 0, 0};
}

// A v3 bytes-to-bytes codec; crc32c and unknown ones give nullopt (with a note).
std::optional<Compressor> fromV3(const json &codec, std::size_t typesize, QStringList &notes)
{
    const QString name = stringOr(codec, "name", {});
    const json c = codec.value("configuration", json::object());
    if (name == u"blosc") {
        const QString s = stringOr(c, "shuffle", QStringLiteral("noshuffle"));
        const int shuffle = s == u"bitshuffle" ? 2 : s == u"shuffle" ? 1 : 0;
        return Compressor{name, stringOr(c, "cname", QStringLiteral("lz4")), intOr(c, "clevel", 5), shuffle,
                          intOr(c, "blocksize", 0)};
    }
    if (name == u"zstd") {
        if (c.value("checksum", false) == true)
            notes << QStringLiteral("the zstd checksum is not written in Zarr v2");
        return Compressor{name, {}, intOr(c, "level", 0), 0, 0};
    }
    if (name == u"gzip") return Compressor{name, {}, intOr(c, "level", 5), 0, 0};
    if (name.startsWith(u"numcodecs.")) return fromNumcodecs(name.mid(10), c, typesize, notes);
    notes << QStringLiteral("codec \"%1\" has no Zarr v2 equivalent: dropped").arg(name);
    return std::nullopt;
}

json toV2(const Compressor &c)
{
    if (c.kind == u"blosc")
        return {{"id", "blosc"},
                {"cname", c.cname.toStdString()},
                {"clevel", c.level},
                {"shuffle", c.shuffle},
                {"blocksize", c.blocksize}};
    return {{"id", c.kind.toStdString()}, {"level", c.level}};
}

json toV3(const Compressor &c, std::size_t typesize)
{
    if (c.kind == u"blosc") {
        static const char *shuffles[] = {"noshuffle", "shuffle", "bitshuffle"};
        return {{"name", "blosc"},
                {"configuration",
                 {{"cname", c.cname.toStdString()},
                  {"clevel", c.level},
                  {"shuffle", shuffles[std::clamp(c.shuffle, 0, 2)]},
                  {"typesize", typesize},
                  {"blocksize", c.blocksize}}}};
    }
    if (c.kind == u"zstd")
        return {{"name", "zstd"}, {"configuration", {{"level", c.level}, {"checksum", false}}}};
    return {{"name", "gzip"}, {"configuration", {{"level", c.level}}}};
}

json bytesCodec()
{
    return {{"name", "bytes"}, {"configuration", {{"endian", "little"}}}};
}

bool isReversal(const json &order, std::size_t ndim)
{
    if (!order.is_array() || order.size() != ndim) return false;
    for (std::size_t i = 0; i < ndim; ++i)
        if (!order[i].is_number_unsigned() || order[i].get<std::size_t>() != ndim - 1 - i) return false;
    return true;
}

// The v3 codec list with sharding unwrapped into its inner codecs.
json flattenSharding(const json &codecs, TargetCodecs &out)
{
    json flat = json::array();
    for (const json &c : codecs) {
        if (c.is_object() && c.value("name", json()) == "sharding_indexed") {
            out.unsharded = true;
            for (const json &inner : flattenSharding(
                     c.value("configuration", json::object()).value("codecs", json::array()), out))
                flat.push_back(inner);
        } else {
            flat.push_back(c);
        }
    }
    return flat;
}

} // namespace

json shardingCodec(const Shape &innerChunks, const json &innerCodecs)
{
    json shape = json::array();
    for (auto v : innerChunks)
        shape.push_back(v);
    // The index is checksummed (bytes + crc32c), as zarr-python writes it, and placed at the
    // end, so one suffix range request reads it.
    const json indexCodecs = json::array({bytesCodec(), json{{"name", "crc32c"}}});
    return {{"name", "sharding_indexed"},
            {"configuration",
             {{"chunk_shape", shape},
              {"codecs", innerCodecs},
              {"index_codecs", indexCodecs},
              {"index_location", "end"}}}};
}

bool keepsSharding(const NodeMetadata &source, int targetFormat, ExportCodec codec, bool layoutChanged)
{
    return source.zarrFormat == 3 && targetFormat == 3 && codec == ExportCodec::Source && !layoutChanged;
}

TargetCodecs targetCodecs(const NodeMetadata &source, int targetFormat, ExportCodec codec, bool layoutChanged,
                          std::size_t ndim)
{
    TargetCodecs out;
    const std::size_t typesize = source.array->dtype.size;
    const json &raw = source.raw;
    if (codec != ExportCodec::Source) {
        const auto c = fromExportCodec(codec);
        out.compressor = c ? toV2(*c) : json();
        out.codecs = json::array({bytesCodec()});
        if (c) out.codecs.push_back(toV3(*c, typesize));
        return out;
    }
    if (source.zarrFormat == 2 && targetFormat == 2) {
        out.compressor = raw.value("compressor", json());
        out.filters = raw.value("filters", json());
        out.order = source.array->order;
        return out;
    }
    if (source.zarrFormat == 2) { // to v3
        if (source.array->order == 'F' && ndim > 1) {
            json order = json::array();
            for (std::size_t i = 0; i < ndim; ++i)
                order.push_back(ndim - 1 - i);
            out.codecs.push_back({{"name", "transpose"}, {"configuration", {{"order", order}}}});
        }
        out.codecs.push_back(bytesCodec());
        const json filters = raw.value("filters", json());
        if (filters.is_array() && !filters.empty())
            out.notes << QStringLiteral(
                "v2 filters have no Zarr v3 core equivalent: dropped (values are unchanged)");
        const json compressor = raw.value("compressor", json());
        if (compressor.is_object())
            if (auto c = fromNumcodecs(stringOr(compressor, "id", {}), compressor, typesize, out.notes))
                out.codecs.push_back(toV3(*c, typesize));
        return out;
    }
    const json codecs = raw.value("codecs", json::array());
    if (targetFormat == 3) { // v3 to v3
        if (!layoutChanged) {
            out.codecs = codecs;
            return out;
        }
        for (const json &c : flattenSharding(codecs, out)) {
            if (c.value("name", json()) == "transpose" &&
                !c.value("configuration", json::object()).contains("order"))
                continue;
            if (c.value("name", json()) == "transpose" && c["configuration"]["order"].size() != ndim) {
                out.notes << QStringLiteral(
                    "the transpose codec does not fit the selected dimensions: dropped");
                continue;
            }
            out.codecs.push_back(c);
        }
        return out; // the caller says whether the shards were dropped or replaced
    }
    // v3 to v2
    const json flat = flattenSharding(codecs, out);
    if (out.unsharded)
        out.notes << QStringLiteral("Zarr v2 has no sharding: the inner chunks are written as chunks");
    std::optional<Compressor> chosen;
    for (const json &c : flat) {
        const json name = c.value("name", json());
        if (name == "bytes" || name == "endian") continue;
        if (name == "transpose") {
            if (isReversal(c.value("configuration", json::object()).value("order", json()), ndim) && ndim > 1)
                out.order = 'F';
            else
                out.notes << QStringLiteral("this transpose has no Zarr v2 order: written in C order");
            continue;
        }
        if (name == "crc32c") {
            out.notes << QStringLiteral("Zarr v2 has no crc32c checksum: dropped");
            continue;
        }
        if (auto comp = fromV3(c, typesize, out.notes)) {
            if (chosen)
                out.notes << QStringLiteral("Zarr v2 takes one compressor: %1 replaces %2")
                                 .arg(comp->kind, chosen->kind);
            chosen = comp;
        }
    }
    out.compressor = chosen ? toV2(*chosen) : json();
    return out;
}

} // namespace zs
