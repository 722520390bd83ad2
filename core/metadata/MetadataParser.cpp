#include "metadata/MetadataParser.h"

#include "codec/CodecRegistry.h"
#include "metadata/FillValue.h"
#include "metadata/Json.h"

namespace zs {

using nlohmann::json;

QString joinKey(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + u'/' + name;
}

static Status checkGrid(const ArrayMetadata &a, const QString &where)
{
    if (a.chunks.size() != a.shape.size())
        return makeError(QStringLiteral("chunk shape has %1 dimensions, array shape has %2")
                             .arg(a.chunks.size())
                             .arg(a.shape.size()),
                         where);
    if (a.shape.size() > 32)
        return makeError(
            QStringLiteral("array has %1 dimensions, at most 32 are supported").arg(a.shape.size()), where);
    ZS_CHECK(checkedProduct(a.shape, 1, QStringLiteral("array element count")).ok()
                 ? Status(Ok{})
                 : Status(makeError(QStringLiteral("array element count overflows 64 bits"), where)));
    auto chunkBytes = checkedProduct(a.chunks, a.dtype.size, QStringLiteral("chunk size"));
    if (!chunkBytes || *chunkBytes > (std::uint64_t(1) << 40))
        return makeError(QStringLiteral("chunk shape is too large to decode"), where);
    return Ok{};
}

// Variable-length arrays keep their fill value as an item (handle 0 of every read).
static Status readFillItem(ArrayMetadata &a, const QString &where)
{
    if (!a.dtype.isVariableLength()) return Ok{};
    auto item = parseFillItem(a.fillJson, a.dtype, a.zarrFormat);
    if (!item) return item.error().at(where);
    a.fillItem = *item;
    return Ok{};
}

// ---------------------------------------------------------------- v2

Result<ArrayMetadata> parseV2Array(const json &doc, const QString &where)
{
    if (!doc.is_object()) return makeError(QStringLiteral(".zarray is not a JSON object"), where);
    if (!doc.contains("zarr_format") || doc["zarr_format"] != 2)
        return makeError(QStringLiteral("zarr_format must be 2"), where);
    ArrayMetadata a;
    a.zarrFormat = 2;
    ZS_TRY(a.shape, readShape(doc, "shape", true, where));
    ZS_TRY(a.chunks, readShape(doc, "chunks", false, where));
    if (!doc.contains("dtype")) return makeError(QStringLiteral("missing field \"dtype\""), where);
    if (!doc["dtype"].is_string())
        return makeError(QStringLiteral("unsupported data type %1 (structured types are not supported)")
                             .arg(QString::fromStdString(doc["dtype"].dump())),
                         where);
    ZS_TRY(QString dtypeName, readString(doc, "dtype", where));
    if (dtypeName == u"|O") {
        // Object arrays: the object codec in filters/compressor says what the items are.
        auto objectType = v2ObjectDataType(doc.value("compressor", json()), doc.value("filters", json()));
        if (!objectType) return objectType.error().at(where);
        a.dtype = *objectType;
    } else {
        auto dtype = parseNumpyTypeString(dtypeName);
        if (!dtype) return dtype.error().at(where);
        a.dtype = *dtype;
    }
    ZS_CHECK(checkGrid(a, where));

    const json order = doc.value("order", json("C"));
    if (order != "C" && order != "F") return makeError(QStringLiteral("order must be \"C\" or \"F\""), where);
    a.order = order.get<std::string>()[0];

    a.keyEncoding.cPrefix = false;
    if (doc.contains("dimension_separator") && !doc["dimension_separator"].is_null()) {
        const json &sep = doc["dimension_separator"];
        if (!sep.is_string() || (sep != "." && sep != "/"))
            return makeError(QStringLiteral("dimension_separator must be \".\" or \"/\""), where);
        a.keyEncoding.separator = QChar::fromLatin1(sep.get<std::string>()[0]);
    }

    if (!doc.contains("fill_value")) // zarr-python requires it too; null is how v2 says "none"
        return makeError(QStringLiteral("missing field \"fill_value\""), where);
    a.fillJson = doc["fill_value"];
    auto fill = parseFillValue(a.fillJson, a.dtype, 2);
    if (!fill) return fill.error().at(where);
    a.fill = *fill;
    ZS_CHECK(readFillItem(a, where));

    const json compressor = doc.value("compressor", json());
    const json filters = doc.value("filters", json());
    auto chain = makeV2Chain(compressor, filters, a.order, a.chunkSpec());
    if (!chain) return chain.error().at(where);
    a.codecs = std::move(*chain);
    return a;
}

Result<NodeMetadata> makeV2Node(const QString &path, const json &zarray, const json &zgroup,
                                const json &zattrs, const QString &where)
{
    NodeMetadata n;
    n.path = path;
    n.zarrFormat = 2;
    if (!zattrs.is_null()) {
        if (!zattrs.is_object())
            return makeError(QStringLiteral(".zattrs is not a JSON object"),
                             joinKey(path, QStringLiteral(".zattrs")));
        n.attributes = zattrs;
    }
    if (!zarray.is_null()) {
        ZS_TRY(ArrayMetadata a, parseV2Array(zarray, where));
        n.kind = NodeMetadata::Kind::Array;
        n.array = std::move(a);
        n.raw = zarray;
    } else {
        if (!zgroup.is_object() || !zgroup.contains("zarr_format") || zgroup["zarr_format"] != 2)
            return makeError(QStringLiteral(".zgroup must be an object with zarr_format 2"), where);
        n.kind = NodeMetadata::Kind::Group;
        n.raw = zgroup;
    }
    return n;
}

// ---------------------------------------------------------------- v3

static Result<DataType> parseV3DataType(const json &v, const QString &where)
{
    // zarr-python 3's variable-length types; zarr-python 3.1 names bytes "variable_length_bytes".
    if (v == "string") return variableLengthType(DataType::Kind::VarString);
    if (v == "bytes" || v == "variable_length_bytes") return variableLengthType(DataType::Kind::VarBytes);
    if (v.is_string()) {
        auto t = parseV3DataTypeName(QString::fromStdString(v.get<std::string>()));
        return t ? t : Result<DataType>(t.error().at(where));
    }
    // Extension types written by zarr-python 3 for NumPy's strings and datetimes.
    if (v.is_object() && v.contains("name") && v["name"].is_string()) {
        const std::string name = v["name"];
        const json config = v.value("configuration", json::object());
        DataType t;
        t.name = QString::fromStdString(name);
        if ((name == "fixed_length_utf32" || name == "null_terminated_bytes" ||
             name == "fixed_length_bytes") &&
            config.contains("length_bytes") && config["length_bytes"].is_number_unsigned() &&
            config["length_bytes"].get<std::uint64_t>() > 0 &&
            config["length_bytes"].get<std::uint64_t>() < (1u << 24)) {
            t.size = config["length_bytes"].get<std::uint64_t>();
            if (name == "fixed_length_utf32") {
                if (t.size % 4)
                    return makeError(
                        QStringLiteral("fixed_length_utf32 length_bytes must be a multiple of 4"), where);
                t.kind = DataType::Kind::Unicode;
                t.order = ByteOrder::Little;
            } else {
                t.kind = DataType::Kind::Bytes;
            }
            return t;
        }
        if ((name == "numpy.datetime64" || name == "numpy.timedelta64") && config.contains("unit") &&
            config["unit"].is_string()) {
            t.kind = name == "numpy.datetime64" ? DataType::Kind::DateTime : DataType::Kind::TimeDelta;
            t.size = 8;
            t.order = ByteOrder::Little;
            t.unit = QString::fromStdString(config["unit"].get<std::string>());
            const auto scale = config.value("scale_factor", json(1));
            if (scale != 1) t.unit = QStringLiteral("%1%2").arg(QString::fromStdString(scale.dump()), t.unit);
            return t;
        }
    }
    return makeError(QStringLiteral("unsupported data type %1").arg(QString::fromStdString(v.dump())), where);
}

static Result<ChunkKeyEncoding> parseKeyEncoding(const json &doc, const QString &where)
{
    ChunkKeyEncoding enc{true, u'/'};
    if (!doc.contains("chunk_key_encoding")) return enc;
    const json &e = doc["chunk_key_encoding"];
    if (!e.is_object() || !e.contains("name") || !e["name"].is_string())
        return makeError(QStringLiteral("chunk_key_encoding must have a name"), where);
    const std::string name = e["name"];
    if (name == "v2")
        enc = ChunkKeyEncoding{false, u'.'};
    else if (name != "default")
        return makeError(
            QStringLiteral("unknown chunk key encoding \"%1\"").arg(QString::fromStdString(name)), where);
    const json config = e.value("configuration", json::object());
    if (config.contains("separator")) {
        const json &sep = config["separator"];
        if (!sep.is_string() || (sep != "." && sep != "/"))
            return makeError(QStringLiteral("chunk key separator must be \".\" or \"/\""), where);
        enc.separator = QChar::fromLatin1(sep.get<std::string>()[0]);
    }
    return enc;
}

// Storage transformers change where chunks live: any we would have to understand is refused.
// One marked `"must_understand": false` may be ignored (v3 core spec, extension points).
static Status checkStorageTransformers(const json &doc, const QString &where)
{
    if (!doc.contains("storage_transformers") || doc["storage_transformers"].is_null()) return Ok{};
    const json &list = doc["storage_transformers"];
    if (!list.is_array()) return makeError(QStringLiteral("\"storage_transformers\" must be a list"), where);
    for (const json &t : list) {
        if (t.is_object() && t.value("must_understand", json(true)) == false) continue;
        const json name = t.is_object() ? t.value("name", json()) : t;
        return makeError(QStringLiteral("storage transformer %1 is not supported")
                             .arg(QString::fromStdString(name.dump())),
                         where);
    }
    return Ok{};
}

Result<ArrayMetadata> parseV3Array(const json &doc, const QString &where)
{
    ArrayMetadata a;
    a.zarrFormat = 3;
    ZS_TRY(a.shape, readShape(doc, "shape", true, where));
    if (!doc.contains("data_type")) return makeError(QStringLiteral("missing field \"data_type\""), where);
    ZS_TRY(a.dtype, parseV3DataType(doc["data_type"], where));

    const json grid = doc.value("chunk_grid", json());
    if (!grid.is_object() || !grid.contains("name"))
        return makeError(QStringLiteral("missing field \"chunk_grid\""), where);
    if (grid["name"] != "regular")
        return makeError(
            QStringLiteral("unknown chunk grid %1").arg(QString::fromStdString(grid["name"].dump())), where);
    ZS_TRY(a.chunks, readShape(grid.value("configuration", json::object()), "chunk_shape", false, where));
    ZS_CHECK(checkGrid(a, where));
    ZS_TRY(a.keyEncoding, parseKeyEncoding(doc, where));

    ZS_CHECK(checkStorageTransformers(doc, where));

    if (doc.contains("dimension_names") && !doc["dimension_names"].is_null()) {
        const json &names = doc["dimension_names"];
        if (!names.is_array() || names.size() != a.shape.size())
            return makeError(QStringLiteral("dimension_names must list one name (or null) per dimension"),
                             where);
        for (const json &n : names) {
            if (!n.is_null() && !n.is_string())
                return makeError(QStringLiteral("dimension_names entries must be strings or null"), where);
            a.dimensionNames << (n.is_string() ? QString::fromStdString(n.get<std::string>()) : QString());
        }
    }

    if (!doc.contains("fill_value")) return makeError(QStringLiteral("missing field \"fill_value\""), where);
    a.fillJson = doc["fill_value"];
    auto fill = parseFillValue(a.fillJson, a.dtype, 3);
    if (!fill) return fill.error().at(where);
    a.fill = *fill;
    ZS_CHECK(readFillItem(a, where));

    if (!doc.contains("codecs") || !doc["codecs"].is_array())
        return makeError(QStringLiteral("\"codecs\" must be a list"), where);
    auto chain = makeV3Chain(doc["codecs"], a.chunkSpec());
    if (!chain) return chain.error().at(where);
    a.codecs = std::move(*chain);
    for (const json &c : doc["codecs"]) {
        if (c.is_object() && c.value("name", json()) == "sharding_indexed")
            if (auto inner = readShape(c.value("configuration", json::object()), "chunk_shape", false, where))
                a.innerChunks = *inner;
    }
    return a;
}

Result<NodeMetadata> makeV3Node(const QString &path, const json &doc, const QString &where)
{
    if (!doc.is_object()) return makeError(QStringLiteral("zarr.json is not a JSON object"), where);
    if (!doc.contains("zarr_format") || doc["zarr_format"] != 3)
        return makeError(QStringLiteral("zarr_format must be 3"), where);
    NodeMetadata n;
    n.path = path;
    n.zarrFormat = 3;
    n.raw = doc;
    if (doc.contains("attributes")) {
        if (!doc["attributes"].is_object())
            return makeError(QStringLiteral("\"attributes\" must be an object"), where);
        n.attributes = doc["attributes"];
    }
    const json type = doc.value("node_type", json());
    if (type == "group") {
        n.kind = NodeMetadata::Kind::Group;
    } else if (type == "array") {
        ZS_TRY(ArrayMetadata a, parseV3Array(doc, where));
        n.kind = NodeMetadata::Kind::Array;
        n.array = std::move(a);
    } else {
        return makeError(QStringLiteral("unknown node type %1").arg(QString::fromStdString(type.dump())),
                         where);
    }
    return n;
}

} // namespace zs
