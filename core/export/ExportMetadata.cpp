#include "export/ExportMetadata.h"

#include "export/CodecMapping.h"
#include "metadata/FillValue.h"
#include "metadata/MetadataParser.h"

#include <QFloat16>
#include <cmath>
#include <cstring>

namespace zs {

using nlohmann::json;

namespace {

json shapeJson(const Shape &s)
{
    json a = json::array();
    for (auto v : s)
        a.push_back(v);
    return a;
}

// The v3 spelling of an in-memory data type (always little endian there).
Result<json> v3DataType(const DataType &t)
{
    const std::size_t bits = t.size * 8;
    switch (t.kind) {
    case DataType::Kind::Bool:
        return json("bool");
    case DataType::Kind::Int:
        return json(QStringLiteral("int%1").arg(bits).toStdString());
    case DataType::Kind::UInt:
        return json(QStringLiteral("uint%1").arg(bits).toStdString());
    case DataType::Kind::Float:
        return json(QStringLiteral("float%1").arg(bits).toStdString());
    case DataType::Kind::Complex:
        return json(QStringLiteral("complex%1").arg(bits).toStdString());
    case DataType::Kind::RawBits:
        return json(QStringLiteral("r%1").arg(bits).toStdString());
    case DataType::Kind::Unicode:
        return json{{"name", "fixed_length_utf32"}, {"configuration", {{"length_bytes", t.size}}}};
    case DataType::Kind::Bytes:
        return json{{"name", "null_terminated_bytes"}, {"configuration", {{"length_bytes", t.size}}}};
    case DataType::Kind::DateTime:
    case DataType::Kind::TimeDelta:
        if (t.unit.isEmpty() || !t.unit.at(0).isLetter()) break;
        return json{{"name", t.kind == DataType::Kind::DateTime ? "numpy.datetime64" : "numpy.timedelta64"},
                    {"configuration", {{"unit", t.unit.toStdString()}, {"scale_factor", 1}}}};
    case DataType::Kind::VarString:
    case DataType::Kind::VarBytes:
    case DataType::Kind::JsonItem:
        break; // refused before export plans an array
    }
    return makeError(QStringLiteral("data type %1 cannot be written in Zarr v3").arg(t.numpyTypeString()));
}

template <typename T> T loadAs(const QByteArray &b)
{
    T v;
    std::memcpy(&v, b.constData(), sizeof v);
    return v;
}

json floatJson(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    return v;
}

// An integer of b.size() bytes, one of the four widths (signed or unsigned by the types given).
template <typename I8, typename I16, typename I32, typename I64>
std::optional<json> integerJson(const QByteArray &b)
{
    switch (b.size()) {
    case 1:
        return json(loadAs<I8>(b));
    case 2:
        return json(loadAs<I16>(b));
    case 4:
        return json(loadAs<I32>(b));
    case 8:
        return json(loadAs<I64>(b));
    }
    return std::nullopt;
}

// A fill value rebuilt from its bytes (native order), for types where JSON spellings differ.
std::optional<json> fillFromBytes(const DataType &t, const QByteArray &b)
{
    if (std::size_t(b.size()) != t.size) return std::nullopt;
    switch (t.kind) {
    case DataType::Kind::Bool:
        return json(b[0] != 0);
    case DataType::Kind::Int:
        return integerJson<qint8, qint16, qint32, qint64>(b);
    case DataType::Kind::UInt:
        return integerJson<quint8, quint16, quint32, quint64>(b);
    case DataType::Kind::Float:
        if (t.size == 2) return floatJson(float(loadAs<qfloat16>(b)));
        if (t.size == 4) return floatJson(loadAs<float>(b));
        if (t.size == 8) return floatJson(loadAs<double>(b));
        break;
    case DataType::Kind::Complex: {
        DataType half = t;
        half.kind = DataType::Kind::Float;
        half.size = t.size / 2;
        auto re = fillFromBytes(half, b.left(b.size() / 2));
        auto im = fillFromBytes(half, b.mid(b.size() / 2));
        if (re && im) return json::array({*re, *im});
        break;
    }
    default:
        break;
    }
    return std::nullopt;
}

// The source's fill value in the target's spelling, checked to decode to the same element.
Result<json> targetFill(const ArrayMetadata &src, const DataType &target, int format)
{
    QByteArray wanted = src.fill;
    if (target.needsSwapFrom(src.dtype.order))
        byteSwap(wanted.data(), std::size_t(wanted.size()), target.swapUnit());
    if (src.zarrFormat == format) return src.fillJson;
    if (!src.fillJson.is_null()) {
        auto same = parseFillValue(src.fillJson, target, format);
        if (same && *same == wanted) return src.fillJson;
    }
    QByteArray native = wanted;
    if (target.needsSwapFrom(nativeByteOrder()))
        byteSwap(native.data(), std::size_t(native.size()), target.swapUnit());
    if (auto rebuilt = fillFromBytes(target, native)) return *rebuilt;
    if (src.fillJson.is_null() && format == 2) return json();
    return makeError(QStringLiteral("fill value %1 cannot be written in Zarr v%2")
                         .arg(QString::fromStdString(src.fillJson.dump()))
                         .arg(format));
}

// Dimension names of the source: v3 dimension_names, or the _ARRAY_DIMENSIONS attribute of v2.
QStringList sourceDimensionNames(const NodeMetadata &n)
{
    if (!n.array->dimensionNames.isEmpty()) return n.array->dimensionNames;
    const json dims = n.attributes.value("_ARRAY_DIMENSIONS", json());
    QStringList names;
    if (!dims.is_array() || dims.size() != n.array->shape.size()) return {};
    for (const json &d : dims) {
        if (!d.is_string()) return {};
        names << QString::fromStdString(d.get<std::string>());
    }
    return names;
}

// Shards must hold whole inner chunks (the sharding spec's rule), in every dimension.
Status checkShardShape(const Shape &shards, const Shape &chunks, const QString &where)
{
    auto text = [](const Shape &s) {
        QStringList parts;
        for (auto v : s)
            parts << QString::number(v);
        return parts.join(u',');
    };
    if (shards.size() != chunks.size())
        return makeError(QStringLiteral("--shards gives %1 sizes, the exported array has %2 dimensions")
                             .arg(shards.size())
                             .arg(chunks.size()),
                         where);
    for (std::size_t d = 0; d < shards.size(); ++d)
        if (shards[d] % chunks[d] != 0)
            return makeError(QStringLiteral("shard shape %1 is not a multiple of the chunk shape %2")
                                 .arg(text(shards), text(chunks)),
                             where);
    return Ok{};
}

} // namespace

std::vector<MetadataDocument> groupDocuments(const NodeMetadata &source, const QString &outPath, int format)
{
    if (format == 3)
        return {{joinKey(outPath, QStringLiteral("zarr.json")),
                 json{{"zarr_format", 3}, {"node_type", "group"}, {"attributes", source.attributes}}}};
    std::vector<MetadataDocument> docs{
        {joinKey(outPath, QStringLiteral(".zgroup")), json{{"zarr_format", 2}}}};
    if (!source.attributes.empty())
        docs.push_back({joinKey(outPath, QStringLiteral(".zattrs")), source.attributes});
    return docs;
}

Result<TargetArray> planArrayMetadata(const NodeMetadata &source, const QString &outPath,
                                      const ExportOptions &options, int format)
{
    const ArrayMetadata &src = *source.array;
    const QString where = source.path.isEmpty() ? QStringLiteral("/") : source.path;
    TargetArray t;
    t.sourcePath = source.path;
    t.path = outPath;
    t.source = src;
    auto selection = parseSelection(options.selection, src.shape);
    if (!selection) return selection.error().at(where);
    t.selection = *selection;

    std::vector<std::size_t> kept;
    for (std::size_t d = 0; d < src.shape.size(); ++d)
        if (!t.selection.dims[d].dropped) kept.push_back(d);
    const Shape outShape = t.selection.resultShape();
    auto keptOf = [&](const Shape &s) {
        Shape r;
        for (auto d : kept)
            r.push_back(s[d]);
        return r;
    };
    if (!options.chunks.empty() && options.chunks.size() != outShape.size())
        return makeError(QStringLiteral("--chunks gives %1 sizes, the exported array has %2 dimensions")
                             .arg(options.chunks.size())
                             .arg(outShape.size()),
                         where);
    const bool dropped = kept.size() != src.shape.size();
    const bool reshard = !options.shards.empty();
    const bool layoutChanged =
        dropped || reshard || (!options.chunks.empty() && options.chunks != keptOf(src.chunks));
    const bool sharded = keepsSharding(source, format, options.codec, layoutChanged);
    const Shape chunks = !options.chunks.empty()              ? options.chunks
                         : sharded || src.innerChunks.empty() ? keptOf(src.chunks)
                                                              : keptOf(src.innerChunks);
    TargetCodecs codecs =
        targetCodecs(source, format, options.codec, layoutChanged || !sharded, outShape.size());
    t.notes = codecs.notes;
    if (codecs.unsharded && format == 3 && !reshard)
        t.notes << QStringLiteral("the new chunking does not keep the source's shards: written unsharded");
    // With --shards the chunk grid is the shard shape and `chunks` are the inner chunks.
    Shape gridShape = chunks;
    json v3Codecs = codecs.codecs;
    if (reshard) {
        ZS_CHECK(checkShardShape(options.shards, chunks, where));
        gridShape = options.shards;
        v3Codecs = json::array({shardingCodec(chunks, codecs.codecs)});
    }

    // Dimension names follow the kept dimensions.
    QStringList names;
    const QStringList srcNames = sourceDimensionNames(source);
    for (auto d : kept)
        if (!srcNames.isEmpty()) names << srcNames[d];
    json attributes = source.attributes;
    if (attributes.contains("_ARRAY_DIMENSIONS") || (format == 2 && !names.isEmpty())) {
        if (names.isEmpty())
            attributes.erase("_ARRAY_DIMENSIONS");
        else {
            json dims = json::array();
            for (const QString &n : names)
                dims.push_back(n.toStdString());
            attributes["_ARRAY_DIMENSIONS"] = dims;
        }
    }

    DataType dtype = src.dtype;
    if (src.zarrFormat == 3 || format == 3)
        dtype.order = dtype.order == ByteOrder::NotApplicable ? dtype.order : ByteOrder::Little;
    ZS_TRY(json fill, targetFill(src, dtype, format));
    json doc;
    if (format == 2) {
        doc = {{"zarr_format", 2},
               {"shape", shapeJson(outShape)},
               {"chunks", shapeJson(chunks)},
               {"dtype", dtype.numpyTypeString().toStdString()},
               {"fill_value", fill},
               {"order", std::string(1, codecs.order)},
               {"compressor", codecs.compressor},
               {"filters", codecs.filters},
               {"dimension_separator",
                std::string(1, options.v2Separator   ? options.v2Separator
                               : src.zarrFormat == 2 ? src.keyEncoding.separator.toLatin1()
                                                     : '.')}};
        t.documents.push_back({joinKey(outPath, QStringLiteral(".zarray")), doc});
        if (!attributes.empty())
            t.documents.push_back({joinKey(outPath, QStringLiteral(".zattrs")), attributes});
        auto parsed = parseV2Array(doc, joinKey(outPath, QStringLiteral(".zarray")));
        if (!parsed) return parsed.error();
        t.meta = std::move(*parsed);
    } else {
        auto dataType = v3DataType(dtype);
        if (!dataType) return dataType.error().at(where);
        const bool v3Source = src.zarrFormat == 3;
        const std::string separator = v3Source ? std::string(1, src.keyEncoding.separator.toLatin1()) : "/";
        json keyEncoding = {{"name", v3Source && !src.keyEncoding.cPrefix ? "v2" : "default"}};
        keyEncoding["configuration"] = {{"separator", separator}};
        doc = {
            {"zarr_format", 3},
            {"node_type", "array"},
            {"shape", shapeJson(outShape)},
            {"data_type", *dataType},
            {"chunk_grid", {{"name", "regular"}, {"configuration", {{"chunk_shape", shapeJson(gridShape)}}}}},
            {"chunk_key_encoding", keyEncoding},
            {"fill_value", fill},
            {"codecs", v3Codecs},
            {"attributes", attributes}};
        if (!names.isEmpty()) {
            json dn = json::array();
            for (const QString &n : names)
                dn.push_back(n.isEmpty() ? json() : json(n.toStdString()));
            doc["dimension_names"] = dn;
        }
        t.documents.push_back({joinKey(outPath, QStringLiteral("zarr.json")), doc});
        auto parsed = parseV3Array(doc, joinKey(outPath, QStringLiteral("zarr.json")));
        if (!parsed) return parsed.error();
        t.meta = std::move(*parsed);
    }
    if (t.meta.dtype.size != src.dtype.size)
        return makeError(QStringLiteral("the exported data type does not keep the element size"), where);
    return t;
}

} // namespace zs
