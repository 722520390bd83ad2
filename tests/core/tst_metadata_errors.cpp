// Every metadata rule that can be broken gets a row: a hand-written bad .zarray /
// .zgroup / .zattrs / zarr.json in a temporary store must make loadNode fail with an
// error that says what is wrong (a specific phrase) and names the file. Corrupt chunks
// must make readSelection fail with an error naming the chunk key.
//
// Each row starts from a valid document (checked to load in validDocumentsLoad) and
// breaks exactly one rule, so a row fails only if that rule is not enforced.

#include "array/ArrayReader.h"
#include "hierarchy/Hierarchy.h"
#include "metadata/Json.h"
#include "selection/Selection.h"
#include "store/StoreFactory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

// QVERIFY2 evaluates its message even when the check passes: never call error() on a good Result there.
template <typename T> QByteArray why(const zs::Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toLocal8Bit();
}

json v2Array()
{
    return json{{"zarr_format", 2},      {"shape", {10, 8}}, {"chunks", {5, 4}}, {"dtype", "<i4"},
                {"compressor", nullptr}, {"fill_value", 0},  {"order", "C"},     {"filters", nullptr}};
}

json v3Array()
{
    return json{{"zarr_format", 3},
                {"node_type", "array"},
                {"shape", {10, 8}},
                {"data_type", "int32"},
                {"chunk_grid", {{"name", "regular"}, {"configuration", {{"chunk_shape", {5, 4}}}}}},
                {"chunk_key_encoding", {{"name", "default"}, {"configuration", {{"separator", "/"}}}}},
                {"fill_value", 0},
                {"codecs", json::array({{{"name", "bytes"}, {"configuration", {{"endian", "little"}}}}})},
                {"attributes", json::object()}};
}

json v3Group()
{
    return json{{"zarr_format", 3}, {"node_type", "group"}, {"attributes", json::object()}};
}

QByteArray text(const json &j)
{
    return QByteArray::fromStdString(j.dump());
}

json codec(const char *name, json config = json())
{
    json c{{"name", name}};
    if (!config.is_null()) c["configuration"] = std::move(config);
    return c;
}

const json kBytesLE = codec("bytes", {{"endian", "little"}});

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

} // namespace

class TstMetadataErrors : public QObject
{
    Q_OBJECT

private:
    // Rows: the metadata file (relative to the node "arr"), its bytes, an optional second file, and the
    // phrase.
    using Mutate = std::function<void(json &)>;

    static void addV2(const char *name, const Mutate &m, const QString &phrase)
    {
        json d = v2Array();
        m(d);
        QTest::addRow("v2 %s", name) << QStringLiteral(".zarray") << text(d) << QString() << QByteArray()
                                     << phrase;
    }
    static void addV3(const char *name, const Mutate &m, const QString &phrase)
    {
        json d = v3Array();
        m(d);
        QTest::addRow("v3 %s", name) << QStringLiteral("zarr.json") << text(d) << QString() << QByteArray()
                                     << phrase;
    }
    static void addV3Codecs(const char *name, const json &codecs, const QString &phrase)
    {
        addV3(
            name, [&](json &d) { d["codecs"] = codecs; }, phrase);
    }

private Q_SLOTS:
    void validDocumentsLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a2/.zarray")), text(v2Array())));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a3/zarr.json")), text(v3Array())));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("g3/zarr.json")), text(v3Group())));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("g2/.zgroup")), R"({"zarr_format": 2})"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("g2/.zattrs")), R"({"a": 1})"));
        auto store = zs::openStore(dir.path());
        QVERIFY2(store, why(store).constData());
        for (const char *p : {"a2", "a3", "g3", "g2"}) {
            auto n = zs::loadNode(**store, QLatin1String(p));
            QVERIFY2(n, (QByteArray(p) + ": " + why(n)).constData());
        }
    }

    void loadNodeErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("file2");
        QTest::addColumn<QByteArray>("content2");
        QTest::addColumn<QString>("phrase");

        // ---- documents that are not JSON, or not the right JSON
        QTest::addRow("v2 invalid JSON")
            << QStringLiteral(".zarray") << QByteArray(R"({"zarr_format": 2, "shape": [)") << QString()
            << QByteArray() << QStringLiteral("invalid JSON");
        // Python's json writes Infinity as a bare token; no integer holds it (the cast would be undefined).
        QTest::addRow("v2 fill Infinity for int")
            << QStringLiteral(".zarray")
            << QByteArray(
                   R"({"zarr_format": 2, "shape": [4], "chunks": [2], "dtype": "<i4", "compressor": null,
                              "fill_value": Infinity, "order": "C", "filters": null})")
            << QString() << QByteArray()
            << QStringLiteral("fill_value Infinity is not valid for data type <i4");
        QTest::addRow("v3 invalid JSON") << QStringLiteral("zarr.json") << QByteArray("{\"zarr_format\": 3,}")
                                         << QString() << QByteArray() << QStringLiteral("invalid JSON");
        QTest::addRow("v3 deeply nested")
            << QStringLiteral("zarr.json") << QByteArray(100000, '[') << QString() << QByteArray()
            << QStringLiteral("nested deeper than");
        QTest::addRow("v2 deeply nested attrs")
            << QStringLiteral(".zgroup") << QByteArray(R"({"zarr_format": 2})") << QStringLiteral(".zattrs")
            << QByteArray(100000, '{') << QStringLiteral("nested deeper than");
        QTest::addRow("v2 not an object") << QStringLiteral(".zarray") << QByteArray("[1, 2]") << QString()
                                          << QByteArray() << QStringLiteral(".zarray is not a JSON object");
        QTest::addRow("v3 not an object")
            << QStringLiteral("zarr.json") << QByteArray("\"array\"") << QString() << QByteArray()
            << QStringLiteral("zarr.json is not a JSON object");
        QTest::addRow("v2 attrs not an object")
            << QStringLiteral(".zgroup") << QByteArray(R"({"zarr_format": 2})") << QStringLiteral(".zattrs")
            << QByteArray("[1]") << QStringLiteral(".zattrs is not a JSON object");
        QTest::addRow("v2 group wrong format")
            << QStringLiteral(".zgroup") << QByteArray(R"({"zarr_format": 3})") << QString() << QByteArray()
            << QStringLiteral("zarr_format 2");

        // ---- v2 .zarray
        addV2(
            "wrong zarr_format", [](json &d) { d["zarr_format"] = 3; },
            QStringLiteral("zarr_format must be 2"));
        addV2(
            "missing zarr_format", [](json &d) { d.erase("zarr_format"); },
            QStringLiteral("zarr_format must be 2"));
        addV2(
            "missing shape", [](json &d) { d.erase("shape"); }, QStringLiteral("missing field \"shape\""));
        addV2(
            "missing chunks", [](json &d) { d.erase("chunks"); }, QStringLiteral("missing field \"chunks\""));
        addV2(
            "missing dtype", [](json &d) { d.erase("dtype"); }, QStringLiteral("missing field \"dtype\""));
        addV2(
            "missing fill_value", [](json &d) { d.erase("fill_value"); },
            QStringLiteral("missing field \"fill_value\""));
        addV2(
            "shape not a list", [](json &d) { d["shape"] = 10; },
            QStringLiteral("\"shape\" must be a list of integers"));
        addV2(
            "negative shape",
            [](json &d) {
                d["shape"] = {-10, 8};
            },
            QStringLiteral("\"shape\" has a negative entry"));
        addV2(
            "non-integer shape",
            [](json &d) {
                d["shape"] = {10.5, 8};
            },
            QStringLiteral("\"shape\" must be a list of integers"));
        addV2(
            "string shape",
            [](json &d) {
                d["shape"] = {"10", 8};
            },
            QStringLiteral("\"shape\" must be a list of integers"));
        addV2(
            "zero chunk",
            [](json &d) {
                d["chunks"] = {0, 4};
            },
            QStringLiteral("\"chunks\" has a zero entry"));
        addV2(
            "negative chunk",
            [](json &d) {
                d["chunks"] = {5, -4};
            },
            QStringLiteral("\"chunks\" has a negative entry"));
        addV2(
            "non-integer chunk",
            [](json &d) {
                d["chunks"] = {5, 4.5};
            },
            QStringLiteral("\"chunks\" must be a list of integers"));
        addV2(
            "chunks wrong rank", [](json &d) { d["chunks"] = {5}; },
            QStringLiteral("chunk shape has 1 dimensions, array shape has 2"));
        addV2(
            "element count overflow",
            [](json &d) {
                d["shape"] = {4294967296ull, 4294967296ull, 2};
                d["chunks"] = {1, 1, 1};
            },
            QStringLiteral("element count overflows 64 bits"));
        addV2(
            "chunk too large",
            [](json &d) {
                d["shape"] = {10, 8};
                d["chunks"] = {4294967296ull, 4294967296ull};
            },
            QStringLiteral("chunk shape is too large"));
        addV2(
            "unknown dtype", [](json &d) { d["dtype"] = "<x4"; },
            QStringLiteral("unsupported data type \"<x4\""));
        addV2(
            "zero-size dtype", [](json &d) { d["dtype"] = "<i0"; },
            QStringLiteral("unsupported data type \"<i0\""));
        addV2(
            "structured dtype",
            [](json &d) {
                d["dtype"] = json::array({json::array({"a", "<i4"})});
            },
            QStringLiteral("unsupported data type"));
        addV2(
            "object dtype without an object codec", [](json &d) { d["dtype"] = "|O"; },
            QStringLiteral("has no object codec"));
        addV2(
            "object dtype with pickle",
            [](json &d) {
                d["dtype"] = "|O";
                d["filters"] = json::array({{{"id", "pickle"}}});
            },
            QStringLiteral("object codec \"pickle\" is not supported"));
        addV2(
            "bad order", [](json &d) { d["order"] = "K"; }, QStringLiteral("order must be \"C\" or \"F\""));
        addV2(
            "bad separator", [](json &d) { d["dimension_separator"] = "-"; },
            QStringLiteral("dimension_separator must be \".\" or \"/\""));
        addV2(
            "unknown codec",
            [](json &d) {
                d["compressor"] = {{"id", "lzma"}};
            },
            QStringLiteral("unknown codec \"lzma\""));
        addV2(
            "compressor without id",
            [](json &d) {
                d["compressor"] = {{"level", 1}};
            },
            QStringLiteral("compressor needs a string \"id\""));
        addV2(
            "unknown filter",
            [](json &d) {
                d["filters"] = json::array({{{"id", "zfpy"}}});
            },
            QStringLiteral("unknown filter \"zfpy\""));
        addV2(
            "filters not a list",
            [](json &d) {
                d["filters"] = {{"id", "delta"}};
            },
            QStringLiteral("\"filters\" must be a list or null"));
        addV2(
            "bad blosc cname",
            [](json &d) {
                d["compressor"] = {{"id", "blosc"}, {"cname", "lzma"}, {"clevel", 5}, {"shuffle", 1}};
            },
            QStringLiteral("blosc compressor \"lzma\" is not available"));
        addV2(
            "bad zlib level",
            [](json &d) {
                d["compressor"] = {{"id", "zlib"}, {"level", 12}};
            },
            QStringLiteral("level 12 is outside 0..9"));
        // Floats that no int64 holds: casting them would be undefined (found by fuzz_metadata).
        addV2(
            "fill 1e30 for int", [](json &d) { d["fill_value"] = 1e30; },
            QStringLiteral("is not valid for data type <i4"));
        addV2(
            "blosc shuffle 3e53",
            [](json &d) {
                d["compressor"] = {{"id", "blosc"}, {"cname", "lz4"}, {"clevel", 5}, {"shuffle", 3.3e53}};
            },
            QStringLiteral("shuffle"));
        addV2(
            "fill wrong type", [](json &d) { d["fill_value"] = "abc"; },
            QStringLiteral("fill_value \"abc\" is not valid for data type <i4"));
        addV2(
            "fill out of range int",
            [](json &d) {
                d["dtype"] = "|u1";
                d["fill_value"] = 256;
            },
            QStringLiteral("fill_value 256 is not valid for data type |u1"));
        addV2(
            "fill negative for unsigned",
            [](json &d) {
                d["dtype"] = "<u4";
                d["fill_value"] = -1;
            },
            QStringLiteral("fill_value -1 is not valid for data type <u4"));
        addV2(
            "fill fractional for int", [](json &d) { d["fill_value"] = 1.5; },
            QStringLiteral("fill_value 1.5 is not valid for data type <i4"));
        addV2(
            "fill bad float string",
            [](json &d) {
                d["dtype"] = "<f8";
                d["fill_value"] = "nan";
            },
            QStringLiteral("fill_value \"nan\" is not valid for data type <f8"));
        addV2(
            "fill bad base64 bytes",
            [](json &d) {
                d["dtype"] = "|S4";
                d["fill_value"] = "!!!";
            },
            QStringLiteral("fill_value \"!!!\" is not valid for data type |S4"));

        // ---- v3 zarr.json
        addV3(
            "wrong zarr_format", [](json &d) { d["zarr_format"] = 2; },
            QStringLiteral("zarr_format must be 3"));
        addV3(
            "unknown node type", [](json &d) { d["node_type"] = "dataset"; },
            QStringLiteral("unknown node type \"dataset\""));
        addV3(
            "missing node type", [](json &d) { d.erase("node_type"); },
            QStringLiteral("unknown node type null"));
        addV3(
            "attributes not an object", [](json &d) { d["attributes"] = json::array(); },
            QStringLiteral("\"attributes\" must be an object"));
        addV3(
            "missing shape", [](json &d) { d.erase("shape"); }, QStringLiteral("missing field \"shape\""));
        addV3(
            "negative shape",
            [](json &d) {
                d["shape"] = {10, -8};
            },
            QStringLiteral("\"shape\" has a negative entry"));
        addV3(
            "non-integer shape",
            [](json &d) {
                d["shape"] = {10, 8.25};
            },
            QStringLiteral("\"shape\" must be a list of integers"));
        addV3(
            "missing data_type", [](json &d) { d.erase("data_type"); },
            QStringLiteral("missing field \"data_type\""));
        addV3(
            "unknown data_type", [](json &d) { d["data_type"] = "int128"; },
            QStringLiteral("unsupported data type \"int128\""));
        addV3(
            "structured data_type",
            [](json &d) {
                d["data_type"] = {
                    {"name", "structured"},
                    {"configuration", {{"fields", json::array({json::array({"a", "int32"})})}}}};
            },
            QStringLiteral("unsupported data type"));
        addV3(
            "numpy-style data_type", [](json &d) { d["data_type"] = "<i4"; },
            QStringLiteral("unsupported data type \"<i4\""));
        addV3(
            "missing chunk_grid", [](json &d) { d.erase("chunk_grid"); },
            QStringLiteral("missing field \"chunk_grid\""));
        addV3(
            "unknown chunk grid", [](json &d) { d["chunk_grid"]["name"] = "rectilinear"; },
            QStringLiteral("unknown chunk grid \"rectilinear\""));
        addV3(
            "missing chunk_shape", [](json &d) { d["chunk_grid"]["configuration"].erase("chunk_shape"); },
            QStringLiteral("missing field \"chunk_shape\""));
        addV3(
            "zero chunk",
            [](json &d) {
                d["chunk_grid"]["configuration"]["chunk_shape"] = {0, 4};
            },
            QStringLiteral("\"chunk_shape\" has a zero entry"));
        addV3(
            "negative chunk",
            [](json &d) {
                d["chunk_grid"]["configuration"]["chunk_shape"] = {5, -1};
            },
            QStringLiteral("\"chunk_shape\" has a negative entry"));
        addV3(
            "non-integer chunk",
            [](json &d) {
                d["chunk_grid"]["configuration"]["chunk_shape"] = {5, true};
            },
            QStringLiteral("\"chunk_shape\" must be a list of integers"));
        addV3(
            "chunks wrong rank",
            [](json &d) {
                d["chunk_grid"]["configuration"]["chunk_shape"] = {5, 4, 1};
            },
            QStringLiteral("chunk shape has 3 dimensions, array shape has 2"));
        addV3(
            "element count overflow",
            [](json &d) {
                d["shape"] = {4294967296ull, 4294967296ull, 2};
                d["chunk_grid"]["configuration"]["chunk_shape"] = {1, 1, 1};
            },
            QStringLiteral("element count overflows 64 bits"));
        addV3(
            "too many dimensions",
            [](json &d) {
                d["shape"] = json(std::vector<int>(33, 1));
                d["chunk_grid"]["configuration"]["chunk_shape"] = json(std::vector<int>(33, 1));
            },
            QStringLiteral("at most 32 are supported"));
        addV3(
            "unknown key encoding",
            [](json &d) {
                d["chunk_key_encoding"] = {{"name", "v4"}};
            },
            QStringLiteral("unknown chunk key encoding \"v4\""));
        addV3(
            "key encoding without name", [](json &d) { d["chunk_key_encoding"] = json::object(); },
            QStringLiteral("chunk_key_encoding must have a name"));
        addV3(
            "bad separator", [](json &d) { d["chunk_key_encoding"]["configuration"]["separator"] = "-"; },
            QStringLiteral("chunk key separator must be \".\" or \"/\""));
        addV3(
            "storage transformers",
            [](json &d) {
                d["storage_transformers"] = json::array({{{"name", "x"}}});
            },
            QStringLiteral("storage transformer \"x\" is not supported"));
        addV3(
            "dimension_names wrong length", [](json &d) { d["dimension_names"] = {"y"}; },
            QStringLiteral("dimension_names must list one name"));
        addV3(
            "dimension_names not strings",
            [](json &d) {
                d["dimension_names"] = {"y", 3};
            },
            QStringLiteral("dimension_names entries must be strings or null"));
        addV3(
            "missing fill_value", [](json &d) { d.erase("fill_value"); },
            QStringLiteral("missing field \"fill_value\""));
        addV3(
            "fill wrong type", [](json &d) { d["fill_value"] = "zero"; },
            QStringLiteral("fill_value \"zero\" is not valid for data type int32"));
        addV3(
            "fill out of range int8",
            [](json &d) {
                d["data_type"] = "int8";
                d["fill_value"] = 128;
            },
            QStringLiteral("fill_value 128 is not valid for data type int8"));
        addV3(
            "fill out of range uint64",
            [](json &d) {
                d["data_type"] = "uint64";
                d["fill_value"] = -1;
            },
            QStringLiteral("fill_value -1 is not valid for data type uint64"));
        addV3(
            "fill out of range int64",
            [](json &d) {
                d["data_type"] = "int64";
                d["fill_value"] = 9223372036854775808ull;
            },
            QStringLiteral("fill_value 9223372036854775808 is not valid for data type int64"));
        addV3(
            "fill bool not boolean",
            [](json &d) {
                d["data_type"] = "bool";
                d["fill_value"] = 2;
            },
            QStringLiteral("fill_value 2 is not valid for data type bool"));
        addV3(
            "fill float lowercase nan",
            [](json &d) {
                d["data_type"] = "float32";
                d["fill_value"] = "nan";
            },
            QStringLiteral("fill_value \"nan\" is not valid for data type float32"));
        addV3(
            "fill hex wrong width",
            [](json &d) {
                d["data_type"] = "float32";
                d["fill_value"] = "0x7ff8000000000000";
            },
            QStringLiteral("fill_value \"0x7ff8000000000000\" is not valid for data type float32"));
        addV3(
            "fill complex not a pair",
            [](json &d) {
                d["data_type"] = "complex64";
                d["fill_value"] = 1.0;
            },
            QStringLiteral("fill_value 1.0 is not valid for data type complex64"));
        addV3(
            "fill complex bad part",
            [](json &d) {
                d["data_type"] = "complex128";
                d["fill_value"] = {1.0, "i"};
            },
            QStringLiteral("is not valid for data type complex128"));
        addV3(
            "fill null", [](json &d) { d["fill_value"] = nullptr; },
            QStringLiteral("fill_value null is not valid for data type int32"));

        // ---- v3 codecs
        addV3(
            "missing codecs", [](json &d) { d.erase("codecs"); },
            QStringLiteral("\"codecs\" must be a list"));
        addV3Codecs("codecs not a list", json{{"name", "bytes"}},
                    QStringLiteral("\"codecs\" must be a list"));
        addV3Codecs("unknown codec", json::array({kBytesLE, codec("lzma")}),
                    QStringLiteral("unknown codec \"lzma\""));
        addV3Codecs("unknown array codec", json::array({codec("bitround", {{"keepbits", 3}}), kBytesLE}),
                    QStringLiteral("unknown codec \"bitround\""));
        addV3Codecs("empty codec list", json::array(),
                    QStringLiteral("codec list has no array-to-bytes codec"));
        addV3Codecs("codec without name", json::array({json{{"configuration", json::object()}}}),
                    QStringLiteral("a codec must be a name or an object with a \"name\""));
        addV3Codecs("bytes-to-bytes first", json::array({codec("gzip", {{"level", 1}}), kBytesLE}),
                    QStringLiteral("bytes-to-bytes codec \"gzip\" comes before the array-to-bytes codec"));
        addV3Codecs(
            "transpose after bytes", json::array({kBytesLE, codec("transpose", {{"order", {1, 0}}})}),
            QStringLiteral("array-to-array codec \"transpose\" comes after the array-to-bytes codec"));
        addV3Codecs("two array-to-bytes", json::array({kBytesLE, kBytesLE}),
                    QStringLiteral("more than one array-to-bytes codec"));
        addV3Codecs("bytes without endian", json::array({codec("bytes")}),
                    QStringLiteral("codec \"bytes\" needs an \"endian\""));
        addV3Codecs("bytes bad endian", json::array({codec("bytes", {{"endian", "middle"}})}),
                    QStringLiteral("bytes endian \"middle\" is not little or big"));
        addV3Codecs("transpose not a permutation",
                    json::array({codec("transpose", {{"order", {0, 0}}}), kBytesLE}),
                    QStringLiteral("transpose order is not a permutation"));
        addV3Codecs("transpose wrong rank",
                    json::array({codec("transpose", {{"order", {0, 1, 2}}}), kBytesLE}),
                    QStringLiteral("transpose order must list 2 axes"));
        addV3Codecs("blosc bad shuffle",
                    json::array({kBytesLE, codec("blosc", {{"cname", "lz4"},
                                                           {"clevel", 5},
                                                           {"shuffle", "byteshuffle"},
                                                           {"typesize", 4},
                                                           {"blocksize", 0}})}),
                    QStringLiteral("blosc shuffle \"byteshuffle\" is not noshuffle, shuffle or bitshuffle"));
        addV3Codecs("blosc bad clevel",
                    json::array({kBytesLE, codec("blosc", {{"cname", "lz4"},
                                                           {"clevel", 11},
                                                           {"shuffle", "shuffle"},
                                                           {"typesize", 4},
                                                           {"blocksize", 0}})}),
                    QStringLiteral("blosc clevel 11 is outside 0..9"));
        addV3Codecs("gzip bad level", json::array({kBytesLE, codec("gzip", {{"level", -3}})}),
                    QStringLiteral("level -3 is outside 0..9"));
        addV3Codecs("configuration not an object", json::array({kBytesLE, codec("gzip", 5)}),
                    QStringLiteral("configuration must be an object"));
        const json inner = json::array({kBytesLE});
        const json index = json::array({kBytesLE, codec("crc32c")});
        addV3Codecs(
            "sharding inner not dividing",
            json::array({codec("sharding_indexed",
                               {{"chunk_shape", {2, 3}}, {"codecs", inner}, {"index_codecs", index}})}),
            QStringLiteral("sharding chunk_shape must be positive integers dividing the shard shape"));
        addV3Codecs("sharding bad index location",
                    json::array({codec("sharding_indexed", {{"chunk_shape", {5, 2}},
                                                            {"codecs", inner},
                                                            {"index_codecs", index},
                                                            {"index_location", "middle"}})}),
                    QStringLiteral("sharding index_location \"middle\" is not start or end"));
        addV3Codecs(
            "sharding variable-size index",
            json::array({codec("sharding_indexed",
                               {{"chunk_shape", {5, 2}},
                                {"codecs", inner},
                                {"index_codecs", json::array({kBytesLE, codec("gzip", {{"level", 1}})})}})}),
            QStringLiteral("sharding index_codecs must have a fixed encoded size"));
        addV3Codecs(
            "sharding unknown inner codec",
            json::array({codec("sharding_indexed", {{"chunk_shape", {5, 2}},
                                                    {"codecs", json::array({kBytesLE, codec("lzma")})},
                                                    {"index_codecs", index}})}),
            QStringLiteral("unknown codec \"lzma\""));
    }

    void loadNodeErrors()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, file2);
        QFETCH(QByteArray, content2);
        QFETCH(QString, phrase);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/") + file), content));
        if (!file2.isEmpty()) QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/") + file2), content2));
        auto store = zs::openStore(dir.path());
        QVERIFY2(store, why(store).constData());
        auto node = zs::loadNode(**store, QStringLiteral("arr"));
        QVERIFY2(!node, "loadNode accepted a broken document");
        const QString message = node.error().toString();
        QVERIFY2(message.contains(phrase),
                 qPrintable(QStringLiteral("error \"%1\" does not say \"%2\"").arg(message, phrase)));
        // It names the broken file (the second one when that is the broken one).
        const QString named = QStringLiteral("arr/") + (file2.isEmpty() ? file : file2);
        QVERIFY2(message.contains(named),
                 qPrintable(QStringLiteral("error \"%1\" does not name %2").arg(message, named)));
        QVERIFY2(message.size() < 400,
                 qPrintable(QStringLiteral("error is %1 characters long").arg(message.size())));
    }

    // listNodes reports a broken node in a walked hierarchy with its file, too.
    void listNodesReportsBrokenChild()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("zarr.json")), text(v3Group())));
        json bad = v3Array();
        bad["codecs"] = json::array({kBytesLE, codec("lzma")});
        QVERIFY(writeFile(dir.filePath(QStringLiteral("g/x/zarr.json")), text(bad)));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("g/zarr.json")), text(v3Group())));
        auto store = zs::openStore(dir.path());
        QVERIFY(store);
        auto nodes = zs::listNodes(**store);
        QVERIFY2(!nodes, "listNodes accepted a broken array");
        QVERIFY2(nodes.error().toString().contains(QStringLiteral("unknown codec \"lzma\"")),
                 why(nodes).constData());
        QVERIFY2(nodes.error().toString().contains(QStringLiteral("g/x/zarr.json")), why(nodes).constData());
    }

    // A 4e6 x 4e6 float64 array (128 TB) is fine to open and to read through a small selection;
    // reading all of it is refused before anything is planned or allocated, with its size.
    void hugeArrayReadsThroughSmallSelections()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        json doc = v3Array();
        doc["shape"] = {4000000, 4000000};
        doc["data_type"] = "float64";
        doc["fill_value"] = -2.5;
        doc["chunk_grid"]["configuration"]["chunk_shape"] = {100, 100};
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/zarr.json")), text(doc)));
        QByteArray chunk(100 * 100 * 8, Qt::Uninitialized);
        for (int i = 0; i < 100 * 100; ++i) {
            const double v = i * 0.5;
            std::memcpy(chunk.data() + 8 * i, &v, 8);
        }
        // Only the last chunk of the array exists.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/c/39999/39999")), chunk));
        auto store = zs::openStore(dir.path());
        QVERIFY(store);
        auto node = zs::loadNode(**store, QStringLiteral("arr"));
        QVERIFY2(node, why(node).constData());
        const zs::ArrayMetadata &meta = *node->array;

        auto corner = zs::parseSelection(QStringLiteral("-2:,-3:"), meta.shape);
        QVERIFY(corner);
        auto got = zs::readSelection(*store, QStringLiteral("arr"), meta, *corner);
        QVERIFY2(got, why(got).constData());
        QCOMPARE(got->data.size(), 2 * 3 * 8);
        const auto *v = reinterpret_cast<const double *>(got->data.constData());
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 3; ++c)
                QCOMPARE(v[r * 3 + c], ((98 + r) * 100 + 97 + c) * 0.5);

        auto strided = zs::parseSelection(QStringLiteral("::1000000,5"), meta.shape);
        QVERIFY(strided);
        auto fill = zs::readSelection(*store, QStringLiteral("arr"), meta, *strided);
        QVERIFY2(fill, why(fill).constData());
        QCOMPARE(fill->data.size(), 4 * 8);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(reinterpret_cast<const double *>(fill->data.constData())[i], -2.5);

        auto all = zs::readSelection(*store, QStringLiteral("arr"), meta, zs::Selection::all(meta.shape));
        QVERIFY2(!all, "a 128 TB selection was not refused");
        QVERIFY2(all.error().toString().contains(
                     QStringLiteral("16000000000000 elements (128000000000000 bytes)")),
                 why(all).constData());
        QVERIFY2(all.error().toString().contains(QStringLiteral("arr")), why(all).constData());
    }

    // Metadata may declare a 90 GB chunk: the array opens, but reading even 4 elements is refused
    // before a chunk (or its fill) is allocated.
    void hugeChunkIsRefusedBeforeAllocating()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        json doc = v2Array();
        doc["shape"] = {300000, 300000};
        doc["chunks"] = {300000, 300000};
        doc["dtype"] = "|u1";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/.zarray")), text(doc)));
        auto store = zs::openStore(dir.path());
        QVERIFY(store);
        auto node = zs::loadNode(**store, QStringLiteral("arr"));
        QVERIFY2(node, why(node).constData());
        auto sel = zs::parseSelection(QStringLiteral("0:2,0:2"), node->array->shape);
        QVERIFY(sel);
        auto r = zs::readSelection(*store, QStringLiteral("arr"), *node->array, *sel);
        QVERIFY2(!r, "a 90 GB chunk was read");
        QVERIFY2(r.error().toString().contains(QStringLiteral("chunks of 90000000000 bytes are larger than")),
                 why(r).constData());
        QVERIFY2(r.error().toString().contains(QStringLiteral("arr")), why(r).constData());
    }

    // Big but legal documents load; past the parser's limits they are refused by size or depth.
    void bigDocuments()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        json doc = v3Array();
        json attrs = json::object();
        for (int i = 0; i < 200000; ++i)
            attrs["key" + std::to_string(i)] = json::array({i, "value", 0.5});
        doc["attributes"] = attrs;
        const QByteArray big = text(doc);
        QVERIFY(big.size() > (4 << 20));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/zarr.json")), big));
        auto store = zs::openStore(dir.path());
        QVERIFY(store);
        auto node = zs::loadNode(**store, QStringLiteral("arr"));
        QVERIFY2(node, why(node).constData());
        QCOMPARE(node->attributes.size(), std::size_t(200000));

        const QByteArray nested = QByteArray(500, '[') + QByteArray(500, ']');
        QVERIFY(zs::parseJsonDocument(nested, QStringLiteral("x")));
        const QByteArray tooDeep = QByteArray(513, '[') + QByteArray(513, ']');
        auto deep = zs::parseJsonDocument(tooDeep, QStringLiteral("x/zarr.json"));
        QVERIFY(!deep);
        QVERIFY2(deep.error().toString().contains(QStringLiteral("deeper than 512")), why(deep).constData());
        // Brackets inside strings are not nesting.
        QVERIFY(zs::parseJsonDocument("{\"a\": \"" + QByteArray(2000, '[') + "\"}", QStringLiteral("x")));
        const QByteArray huge((qsizetype(256) << 20) + 1, ' ');
        auto tooBig = zs::parseJsonDocument(huge, QStringLiteral("x/zarr.json"));
        QVERIFY(!tooBig);
        QVERIFY2(tooBig.error().toString().contains(QStringLiteral("too large (268435457 bytes)")),
                 why(tooBig).constData());
    }

    // ------------------------------------------------------------ corrupt chunks

    void corruptChunk_data()
    {
        QTest::addColumn<QByteArray>("codecs"); // v3 codec list (JSON)
        QTest::addColumn<QString>("damage");    // how the encoded chunk is damaged
        QTest::addColumn<QString>("phrase");

        const json blosc = codec(
            "blosc",
            {{"cname", "lz4"}, {"clevel", 5}, {"shuffle", "shuffle"}, {"typesize", 4}, {"blocksize", 0}});
        const json gz = codec("gzip", {{"level", 5}});
        const json zst = codec("zstd", {{"level", 3}, {"checksum", false}});
        const json crc = codec("crc32c");
        auto list = [](std::initializer_list<json> c) {
            json a = json::array();
            for (const json &x : c)
                a.push_back(x);
            return text(a);
        };
        QTest::addRow("blosc truncated") << list({kBytesLE, blosc}) << QStringLiteral("truncate-half")
                                         << QStringLiteral("blosc data is truncated or corrupt");
        QTest::addRow("blosc header only") << list({kBytesLE, blosc}) << QStringLiteral("truncate-16")
                                           << QStringLiteral("blosc data is truncated or corrupt");
        QTest::addRow("blosc garbage") << list({kBytesLE, blosc}) << QStringLiteral("garbage")
                                       << QStringLiteral("blosc data is truncated or corrupt");
        QTest::addRow("blosc wrong size")
            << list({kBytesLE, blosc}) << QStringLiteral("short-payload")
            << QStringLiteral("blosc data declares 316 decoded bytes, chunk holds 320");
        QTest::addRow("gzip truncated") << list({kBytesLE, gz}) << QStringLiteral("truncate-half")
                                        << QStringLiteral("gzip data is truncated or corrupt");
        QTest::addRow("gzip wrong size") << list({kBytesLE, gz}) << QStringLiteral("short-payload")
                                         << QStringLiteral("gzip data decodes to 316 bytes, chunk holds 320");
        QTest::addRow("zstd truncated") << list({kBytesLE, zst}) << QStringLiteral("truncate-half")
                                        << QStringLiteral("zstd data is truncated or corrupt");
        QTest::addRow("zstd wrong size")
            << list({kBytesLE, zst}) << QStringLiteral("short-payload") << QStringLiteral("320");
        // The numcodecs compressors through their v3 names, damaged the same ways.
        const json zl = codec("numcodecs.zlib", {{"level", 1}});
        const json lz = codec("numcodecs.lz4", {{"acceleration", 1}});
        const json bz = codec("numcodecs.bz2", {{"level", 1}});
        for (const auto &[name, c] : {std::pair{"zlib", zl}, std::pair{"lz4", lz}, std::pair{"bz2", bz}}) {
            QTest::addRow("%s truncated", name)
                << list({kBytesLE, c}) << QStringLiteral("truncate-half")
                << QStringLiteral("%1 data is truncated or corrupt").arg(QLatin1String(name));
            QTest::addRow("%s garbage", name) << list({kBytesLE, c}) << QStringLiteral("garbage")
                                              << QStringLiteral("%1 data").arg(QLatin1String(name));
            QTest::addRow("%s wrong size", name)
                << list({kBytesLE, c}) << QStringLiteral("short-payload") << QStringLiteral("316");
        }
        QTest::addRow("gzip garbage")
            << list({kBytesLE, gz}) << QStringLiteral("garbage") << QStringLiteral("gzip data");
        QTest::addRow("zstd garbage")
            << list({kBytesLE, zst}) << QStringLiteral("garbage") << QStringLiteral("zstd data");
        // Decompression bombs: 64 MiB of zeros for a 320-byte chunk. Codecs whose header declares
        // the size refuse it before allocating; streams stop at the chunk's size.
        QTest::addRow("blosc bomb") << list({kBytesLE, blosc}) << QStringLiteral("bomb")
                                    << QStringLiteral(
                                           "blosc data declares 67108864 decoded bytes, chunk holds 320");
        QTest::addRow("blosc header lies")
            << list({kBytesLE, blosc}) << QStringLiteral("blosc-nbytes-1GiB")
            << QStringLiteral("blosc data declares 1073741824 decoded bytes, chunk holds 320");
        QTest::addRow("zstd bomb") << list({kBytesLE, zst}) << QStringLiteral("bomb")
                                   << QStringLiteral(
                                          "zstd data declares 67108864 decoded bytes, chunk holds 320");
        QTest::addRow("lz4 bomb") << list({kBytesLE, lz}) << QStringLiteral("bomb")
                                  << QStringLiteral(
                                         "lz4 data declares 67108864 decoded bytes, chunk holds 320");
        QTest::addRow("gzip bomb") << list({kBytesLE, gz}) << QStringLiteral("bomb")
                                   << QStringLiteral("gzip data decodes to more than the 320 bytes");
        QTest::addRow("zlib bomb") << list({kBytesLE, zl}) << QStringLiteral("bomb")
                                   << QStringLiteral("zlib data decodes to more than the 320 bytes");
        QTest::addRow("bz2 bomb") << list({kBytesLE, bz}) << QStringLiteral("bomb")
                                  << QStringLiteral("bz2 data decodes to more than the 320 bytes");
        QTest::addRow("uncompressed too short")
            << list({kBytesLE}) << QStringLiteral("truncate-4")
            << QStringLiteral("bytes codec got 316 bytes, chunk holds 320");
        QTest::addRow("uncompressed too long")
            << list({kBytesLE}) << QStringLiteral("append-4")
            << QStringLiteral("bytes codec got 324 bytes, chunk holds 320");
        QTest::addRow("crc32c mismatch") << list({kBytesLE, crc}) << QStringLiteral("flip-first")
                                         << QStringLiteral("crc32c checksum mismatch");
        QTest::addRow("crc32c checksum damaged") << list({kBytesLE, crc}) << QStringLiteral("flip-last")
                                                 << QStringLiteral("crc32c checksum mismatch");
        QTest::addRow("crc32c too short") << list({kBytesLE, crc}) << QStringLiteral("truncate-all-but-2")
                                          << QStringLiteral("crc32c data is truncated or corrupt");
        QTest::addRow("gzip then crc32c mismatch")
            << list({kBytesLE, gz, crc}) << QStringLiteral("flip-first")
            << QStringLiteral("crc32c checksum mismatch");
        const json shard = codec("sharding_indexed", {{"chunk_shape", {4, 5}},
                                                      {"codecs", json::array({kBytesLE})},
                                                      {"index_codecs", json::array({kBytesLE, crc})}});
        QTest::addRow("shard index crc mismatch")
            << list({shard}) << QStringLiteral("flip-last") << QStringLiteral("crc32c checksum mismatch");
        QTest::addRow("shard truncated")
            << list({shard}) << QStringLiteral("truncate-4") << QStringLiteral("shard");
        const json shardNoCrc = codec("sharding_indexed", {{"chunk_shape", {4, 5}},
                                                           {"codecs", json::array({kBytesLE})},
                                                           {"index_codecs", json::array({kBytesLE})}});
        // Read by range, so the reader learns it when the store has no such bytes.
        QTest::addRow("shard index entry outside")
            << list({shardNoCrc}) << QStringLiteral("index0-offset-huge")
            << QStringLiteral("is outside the object");
    }

    void corruptChunk()
    {
        QFETCH(QByteArray, codecs);
        QFETCH(QString, damage);
        QFETCH(QString, phrase);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        json doc = v3Array(); // int32, shape 10x8, chunks 5x4 -> 80-byte chunks; make them 320 bytes:
        doc["shape"] = {16, 10};
        doc["chunk_grid"]["configuration"]["chunk_shape"] = {8, 10};
        doc["codecs"] = json::parse(codecs.toStdString());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/zarr.json")), text(doc)));
        auto store = zs::openStore(dir.path());
        QVERIFY(store);
        auto node = zs::loadNode(**store, QStringLiteral("arr"));
        QVERIFY2(node, why(node).constData());
        const zs::ArrayMetadata &meta = *node->array;
        QCOMPARE(meta.chunkSpec().byteSize(), std::uint64_t(320));

        QByteArray plain(320, Qt::Uninitialized);
        for (int i = 0; i < 80; ++i) {
            const qint32 v = i * 7 - 100;
            std::memcpy(plain.data() + 4 * i, &v, 4);
        }
        auto encoded = meta.codecs.encode(plain, meta.chunkSpec());
        QVERIFY2(encoded, why(encoded).constData());
        // The intact chunk reads back (chunk c/0/0); the damaged one is c/1/0.
        QByteArray bad = *encoded;
        if (damage == u"truncate-half")
            bad.truncate(bad.size() / 2);
        else if (damage == u"truncate-16")
            bad.truncate(16);
        else if (damage == u"truncate-4")
            bad.chop(4);
        else if (damage == u"truncate-all-but-2")
            bad.truncate(2);
        else if (damage == u"append-4")
            bad.append(4, '\0');
        else if (damage == u"garbage")
            bad = QByteArray(bad.size(), '\x5a');
        else if (damage == u"flip-first")
            bad[0] = char(bad[0] ^ 0x01);
        else if (damage == u"flip-last")
            bad[bad.size() - 1] = char(bad[bad.size() - 1] ^ 0x80);
        else if (damage == u"short-payload") {
            // A well-formed stream of the last codec that decodes to 4 bytes too few.
            const auto &b2b = meta.codecs.bytesToBytes();
            QVERIFY(!b2b.empty());
            auto shorter = b2b.back()->encode(plain.left(316));
            QVERIFY2(shorter, why(shorter).constData());
            bad = *shorter;
        } else if (damage == u"bomb") {
            const auto &b2b = meta.codecs.bytesToBytes();
            QVERIFY(!b2b.empty());
            auto bomb = b2b.back()->encode(QByteArray(qsizetype(64) << 20, '\0'));
            QVERIFY2(bomb, why(bomb).constData());
            QVERIFY(bomb->size() < (1 << 20));
            bad = *bomb;
        } else if (damage == u"blosc-nbytes-1GiB") {
            const quint32 n = 1u << 30; // blosc header: nbytes, little-endian, at offset 4
            std::memcpy(bad.data() + 4, &n, 4);
        } else if (damage == u"index0-offset-huge") {
            // Index at the end, no checksum: 2x2 entries of 16 bytes; entry 0's offset comes first.
            const qsizetype at = bad.size() - 64;
            const quint64 huge = quint64(1) << 40;
            std::memcpy(bad.data() + at, &huge, 8);
        } else {
            QFAIL("unknown damage");
        }
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/c/0/0")), *encoded));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/c/1/0")), bad));

        auto sel = zs::parseSelection(QStringLiteral("0:8"), meta.shape);
        QVERIFY(sel);
        auto good = zs::readSelection(*store, QStringLiteral("arr"), meta, *sel);
        QVERIFY2(good, why(good).constData());
        QCOMPARE(good->data, plain);

        for (int concurrency : {1, 8}) {
            auto limited = zs::openStore((*store)->location(), zs::StoreOptions::limitedTo(concurrency));
            QVERIFY(limited);
            auto result =
                zs::readSelection(*limited, QStringLiteral("arr"), meta, zs::Selection::all(meta.shape));
            QVERIFY2(!result, "a damaged chunk was read without an error");
            const QString message = result.error().toString();
            QVERIFY2(message.contains(phrase),
                     qPrintable(QStringLiteral("error \"%1\" does not say \"%2\"").arg(message, phrase)));
            QVERIFY2(
                message.contains(QStringLiteral("arr/c/1/0")),
                qPrintable(QStringLiteral("error \"%1\" does not name the chunk arr/c/1/0").arg(message)));
        }
    }

    // A v2 chunk of the wrong size (no compressor) is an error naming the chunk, not a silent misread.
    void corruptV2Chunk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        json doc = v2Array(); // <i4, chunks 5x4 -> 80 bytes
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/.zarray")), text(doc)));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("arr/1.1")), QByteArray(76, '\1')));
        auto store = zs::openStore(dir.path());
        QVERIFY(store);
        auto node = zs::loadNode(**store, QStringLiteral("arr"));
        QVERIFY2(node, why(node).constData());
        auto result = zs::readSelection(*store, QStringLiteral("arr"), *node->array,
                                        zs::Selection::all(node->array->shape));
        QVERIFY2(!result, "a short v2 chunk was read without an error");
        QVERIFY2(result.error().toString().contains(QStringLiteral("arr/1.1")), why(result).constData());
        QVERIFY2(result.error().toString().contains(QStringLiteral("76")), why(result).constData());
    }
};

QTEST_GUILESS_MAIN(TstMetadataErrors)
#include "tst_metadata_errors.moc"
