#include "codec/CodecRegistry.h"
#include "codec/AsTypeFilter.h"
#include "codec/BitRoundFilter.h"
#include "codec/BloscCodec.h"
#include "codec/BytesCodec.h"
#include "codec/Bz2Codec.h"
#include "codec/CategorizeFilter.h"
#include "codec/Checksum32Codec.h"
#include "codec/Crc32cCodec.h"
#include "codec/DeltaFilter.h"
#include "codec/FixedScaleOffsetFilter.h"
#include "codec/Json2Codec.h"
#include "codec/Lz4Codec.h"
#include "codec/ObjectCategorizeCodec.h"
#include "codec/PackBitsFilter.h"
#include "codec/QuantizeFilter.h"
#include "codec/ShardingCodec.h"
#include "codec/ShuffleFilter.h"
#include "codec/TransposeCodec.h"
#include "codec/VlenCodec.h"
#include "codec/ZlibCodec.h"
#include "codec/ZstdCodec.h"

#include <nlohmann/json.hpp>

namespace zs {

using nlohmann::json;

namespace {

// Prefixes an error's location with the place of the codec in the metadata.
Error within(const Error &e, const QString &place)
{
    return Error{e.what, e.where.isEmpty() ? place : place + u'.' + e.where};
}

// A numcodecs codec used in a v3 chain as "numcodecs.<id>": same bytes, but it describes
// itself under its v3 name with the parameters as configuration (no "id").
class NumcodecsV3Codec final : public BytesToBytesCodec
{
public:
    NumcodecsV3Codec(QString name, BytesToBytesPtr inner) : m_name(std::move(name)), m_inner(std::move(inner))
    {
    }
    QString name() const override { return m_name; }
    json configuration() const override
    {
        json c = m_inner->configuration();
        c.erase("id");
        return c;
    }
    std::optional<std::uint64_t> encodedSize(std::uint64_t n) const override
    {
        return m_inner->encodedSize(n);
    }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override
    {
        return m_inner->decode(encoded, size);
    }
    Result<QByteArray> encode(const QByteArray &decoded) const override { return m_inner->encode(decoded); }

private:
    QString m_name;
    BytesToBytesPtr m_inner;
};

template <typename T> Result<BytesToBytesPtr> upcast(Result<std::shared_ptr<T>> r)
{
    if (!r) return r.error();
    return BytesToBytesPtr(std::move(*r));
}

// ---- numcodecs element filters and checksums (issue 13, section 4) ----
// The element-wise filters by numcodecs id; nullopt for other ids. `input` is the type of the
// data the filter receives. In v3 (zarr-python 3) that type is the decoded type, whatever the
// configuration's "dtype" says; in v2 the configuration decides, as in numcodecs.
template <typename T>
Result<std::shared_ptr<const ElementFilter>> asElementFilter(Result<std::shared_ptr<T>> r)
{
    if (!r) return r.error();
    return std::shared_ptr<const ElementFilter>(std::move(*r));
}

std::optional<Result<std::shared_ptr<const ElementFilter>>>
makeElementFilter(const QString &id, const json &config, const DataType &input, bool v3)
{
    const std::optional<DataType> arrayType = v3 ? std::optional<DataType>(input) : std::nullopt;
    if (id == u"delta") return asElementFilter(DeltaFilter::fromConfig(config, arrayType));
    if (id == u"fixedscaleoffset")
        return asElementFilter(FixedScaleOffsetFilter::fromConfig(config, arrayType));
    if (id == u"astype") return asElementFilter(AsTypeFilter::fromConfig(config, arrayType));
    if (id == u"quantize") return asElementFilter(QuantizeFilter::fromConfig(config, arrayType));
    if (id == u"categorize") return asElementFilter(CategorizeFilter::fromConfig(config, arrayType));
    if (id == u"bitround") return asElementFilter(BitRoundFilter::fromConfig(config, input));
    if (id == u"packbits") {
        if (v3 && input.kind != DataType::Kind::Bool) // zarr-python 3 validates this too
            return makeError(QStringLiteral("numcodecs.packbits needs a bool array, not %1").arg(input.name),
                             QStringLiteral("name"));
        return std::shared_ptr<const ElementFilter>(std::make_shared<PackBitsFilter>());
    }
    return std::nullopt;
}

// The element type of the data a v2 byte filter hands on (the next one, e.g. blosc, shuffles
// by its size): what an element filter encodes to, bytes after shuffle, else unchanged.
ChunkSpec outputSpec(const BytesToBytesPtr &c, const ChunkSpec &in)
{
    if (auto f = std::dynamic_pointer_cast<const ElementFilter>(c))
        if (auto next = f->encodedSpec(in)) return *next;
    if (std::dynamic_pointer_cast<const ShuffleFilter>(c)) {
        ChunkSpec bytes;
        bytes.shape = {in.byteSize()};
        bytes.dtype = *parseNumpyTypeString(QStringLiteral("|u1"));
        bytes.fill = QByteArray(1, 0);
        return bytes;
    }
    return in;
}
// ---- end of the numcodecs element filters ----

// A numcodecs compressor or byte filter by id; `input` is the type of the data it receives
// (blosc shuffles by its size). nullopt when the id is not one we implement.
std::optional<Result<BytesToBytesPtr>> makeNumcodecs(const QString &id, const json &config,
                                                     const DataType &input)
{
    const std::size_t typesize = input.size;
    if (id == u"blosc")
        return upcast(BloscCodec::fromConfig(config, BloscCodec::Flavor::Numcodecs, typesize));
    if (id == u"zlib") return upcast(ZlibCodec::fromConfig(config, ZlibCodec::Format::Zlib, true));
    if (id == u"gzip") return upcast(ZlibCodec::fromConfig(config, ZlibCodec::Format::Gzip, true));
    if (id == u"zstd") return upcast(ZstdCodec::fromConfig(config, true));
    if (id == u"lz4") return upcast(Lz4Codec::fromConfig(config));
    if (id == u"bz2") return upcast(Bz2Codec::fromConfig(config));
    if (id == u"shuffle") return upcast(ShuffleFilter::fromConfig(config));
    if (id == u"crc32") return upcast(Checksum32Codec::fromConfig(config, Checksum32Codec::Kind::Crc32));
    if (id == u"adler32") return upcast(Checksum32Codec::fromConfig(config, Checksum32Codec::Kind::Adler32));
    if (auto f = makeElementFilter(id, config, input, false)) {
        if (!*f) return f->error();
        return BytesToBytesPtr(std::move(**f));
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- variable-length items
// Object codecs of v2 `|O` arrays (and categorize of object dtype) and the v3 `vlen-utf8`/`vlen-bytes` codecs
// of the `string`/`bytes` data types. They are array->bytes codecs producing StringArena handles.

struct ObjectCodecEntry
{
    const json *entry = nullptr; // the filter or compressor object
    QString place;               // where it sits in the metadata
    bool isCompressor = false;
};

// The entry holding the object codec: the first filter, or the compressor when there are no filters.
Result<ObjectCodecEntry> findObjectCodec(const json &compressor, const json &filters)
{
    const bool hasFilters = filters.is_array() && !filters.empty();
    if (!hasFilters && !compressor.is_object())
        return makeError(QStringLiteral("object array (dtype \"|O\") has no object codec: zarr-python needs "
                                        "vlen-utf8, vlen-bytes or json2 as its first filter"),
                         QStringLiteral("filters"));
    ObjectCodecEntry e;
    e.entry = hasFilters ? &filters[0] : &compressor;
    e.place = hasFilters ? QStringLiteral("filters[0]") : QStringLiteral("compressor");
    e.isCompressor = !hasFilters;
    return e;
}

Result<DataType> objectDataTypeOf(const ObjectCodecEntry &e)
{
    const json &entry = *e.entry;
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string())
        return makeError(QStringLiteral("object codec needs a string \"id\""),
                         e.place + QStringLiteral(".id"));
    const QString id = QString::fromStdString(entry["id"].get<std::string>());
    if (id == u"vlen-utf8") return variableLengthType(DataType::Kind::VarString);
    if (id == u"vlen-bytes") return variableLengthType(DataType::Kind::VarBytes);
    if (id == u"json2") return variableLengthType(DataType::Kind::JsonItem);
    const QString where = e.place + QStringLiteral(".id");
    // zarr-python also accepts a categorize filter of object dtype in place of an object codec.
    if (id == u"categorize" && entry.value("dtype", json()).is_string()) {
        const std::string dtype = entry["dtype"].get<std::string>();
        if (dtype == "|O" || dtype == "O" || dtype == "object")
            return variableLengthType(DataType::Kind::VarString);
    }
    if (id == u"vlen-array")
        return makeError(QStringLiteral("object codec \"vlen-array\" is not supported: its elements are "
                                        "variable-length numeric arrays, which have no NumPy array form"),
                         where);
    if (id == u"pickle")
        return makeError(QStringLiteral("object codec \"pickle\" is not supported: reading a pickle can run "
                                        "arbitrary code"),
                         where);
    if (id == u"msgpack2" || id == u"msgpack" || id == u"json")
        return makeError(
            QStringLiteral("object codec \"%1\" is not supported (vlen-utf8, vlen-bytes and json2 are)")
                .arg(id),
            where);
    return makeError(QStringLiteral("object array (dtype \"|O\") has no object codec: \"%1\" comes first, "
                                    "vlen-utf8, vlen-bytes or json2 must")
                         .arg(id),
                     where);
}

Result<ArrayToBytesPtr> makeObjectCodec(const ObjectCodecEntry &e, const DataType &dtype)
{
    ZS_TRY(DataType declared, objectDataTypeOf(e));
    if (declared.kind != dtype.kind)
        return makeError(QStringLiteral("object codec does not match the data type %1").arg(dtype.name),
                         e.place);
    if (dtype.kind == DataType::Kind::VarString && (*e.entry)["id"] == "categorize") {
        auto c = ObjectCategorizeCodec::fromConfig(*e.entry);
        if (!c) return within(c.error(), e.place);
        return ArrayToBytesPtr(std::move(*c));
    }
    if (dtype.kind == DataType::Kind::VarString)
        return ArrayToBytesPtr(std::make_shared<VlenCodec>(VlenCodec::Flavor::Utf8, true));
    if (dtype.kind == DataType::Kind::VarBytes)
        return ArrayToBytesPtr(std::make_shared<VlenCodec>(VlenCodec::Flavor::Bytes, true));
    auto j = Json2Codec::fromConfig(*e.entry);
    if (!j) return within(j.error(), e.place);
    return ArrayToBytesPtr(std::move(*j));
}

// v3: `vlen-utf8` for `string`, `vlen-bytes` for `bytes`; nullopt for other names.
std::optional<Result<AnyCodec>> makeV3VlenCodec(const QString &name, const ChunkSpec &decoded)
{
    const bool utf8 = name == u"vlen-utf8";
    if (!utf8 && name != u"vlen-bytes") return std::nullopt;
    const DataType::Kind wanted = utf8 ? DataType::Kind::VarString : DataType::Kind::VarBytes;
    if (decoded.dtype.kind != wanted)
        return Result<AnyCodec>(makeError(
            QStringLiteral("codec \"%1\" is for the data type \"%2\", not %3")
                .arg(name, utf8 ? QStringLiteral("string") : QStringLiteral("bytes"), decoded.dtype.name),
            QStringLiteral("name")));
    return Result<AnyCodec>(AnyCodec(ArrayToBytesPtr(
        std::make_shared<VlenCodec>(utf8 ? VlenCodec::Flavor::Utf8 : VlenCodec::Flavor::Bytes, false))));
}

// A variable-length array's chain must turn its handles into items: a `bytes` codec would
// store the handles themselves. Sharding is fine: its inner chain is checked the same way.
Status checkVariableLengthChain(const ArrayToBytesPtr &codec, const ChunkSpec &chunk)
{
    if (!chunk.dtype.isVariableLength() || std::dynamic_pointer_cast<const VlenCodec>(codec) ||
        std::dynamic_pointer_cast<const Json2Codec>(codec) ||
        std::dynamic_pointer_cast<const ShardingCodec>(codec))
        return Ok{};
    return makeError(QStringLiteral("data type %1 needs the vlen-%2 codec, not \"%3\"")
                         .arg(chunk.dtype.name,
                              chunk.dtype.kind == DataType::Kind::VarString ? "utf8" : "bytes",
                              codec->name()),
                     QStringLiteral("codecs"));
}

// ---------------------------------------------------------------- chains

Result<AnyCodec> makeV3CodecImpl(const json &codec, const ChunkSpec &decoded)
{
    QString name;
    json config = json::object();
    if (codec.is_string()) {
        name = QString::fromStdString(codec.get<std::string>());
    } else if (codec.is_object() && codec.contains("name") && codec["name"].is_string()) {
        name = QString::fromStdString(codec["name"].get<std::string>());
        if (codec.contains("configuration")) {
            config = codec["configuration"];
            if (!config.is_object())
                return makeError(QStringLiteral("codec \"%1\": configuration must be an object").arg(name),
                                 QStringLiteral("configuration"));
        }
    } else {
        return makeError(QStringLiteral("a codec must be a name or an object with a \"name\""),
                         QStringLiteral("name"));
    }

    auto a2b = [](auto r) -> Result<AnyCodec> {
        if (!r) return r.error();
        return AnyCodec(ArrayToBytesPtr(*r));
    };
    auto a2a = [](auto r) -> Result<AnyCodec> {
        if (!r) return r.error();
        return AnyCodec(ArrayToArrayPtr(*r));
    };
    auto b2b = [](auto r) -> Result<AnyCodec> {
        if (!r) return r.error();
        return AnyCodec(BytesToBytesPtr(*r));
    };

    if (name == u"bytes" || name == u"endian") // "endian" is the pre-1.0 draft name
        return a2b(BytesCodec::fromConfig(config, decoded));
    if (name == u"transpose") return a2a(TransposeCodec::fromConfig(config, decoded));
    if (name == u"sharding_indexed") return a2b(ShardingCodec::fromConfig(config, decoded));
    if (auto vlen = makeV3VlenCodec(name, decoded)) return std::move(*vlen);
    if (name == u"blosc")
        return b2b(BloscCodec::fromConfig(config, BloscCodec::Flavor::V3, decoded.dtype.size));
    if (name == u"gzip") return b2b(ZlibCodec::fromConfig(config, ZlibCodec::Format::Gzip, false));
    if (name == u"zstd") return b2b(ZstdCodec::fromConfig(config, false));
    if (name == u"crc32c") return AnyCodec(BytesToBytesPtr(std::make_shared<Crc32cCodec>()));
    if (name.startsWith(u"numcodecs.")) {
        const QString id = name.mid(10);
        if (auto f = makeElementFilter(id, config, decoded.dtype, true)) {
            if (!*f) return f->error();
            return AnyCodec(ArrayToArrayPtr(std::make_shared<ElementFilterArrayCodec>(std::move(**f))));
        }
        if (auto r = makeNumcodecs(id, config, decoded.dtype)) {
            if (!*r) return r->error();
            return AnyCodec(BytesToBytesPtr(std::make_shared<NumcodecsV3Codec>(name, std::move(**r))));
        }
    }
    return makeError(QStringLiteral("unknown codec \"%1\"").arg(name), QStringLiteral("name"));
}

Result<CodecChain> makeV3ChainImpl(const json &codecs, const ChunkSpec &chunk)
{
    if (!codecs.is_array())
        return makeError(QStringLiteral("\"codecs\" must be a list"), QStringLiteral("codecs"));
    std::vector<ArrayToArrayPtr> arrayToArray;
    ArrayToBytesPtr arrayToBytes;
    std::vector<BytesToBytesPtr> bytesToBytes;
    ChunkSpec current = chunk;
    for (std::size_t i = 0; i < codecs.size(); ++i) {
        const QString place = QStringLiteral("codecs[%1]").arg(i);
        auto made = makeV3CodecImpl(codecs[i], current);
        if (!made) return within(made.error(), place);
        if (auto *aa = std::get_if<ArrayToArrayPtr>(&*made)) {
            if (arrayToBytes)
                return makeError(
                    QStringLiteral("array-to-array codec \"%1\" comes after the array-to-bytes codec")
                        .arg((*aa)->name()),
                    place);
            auto next = (*aa)->encodedSpec(current);
            if (!next) return within(next.error(), place);
            current = *next;
            arrayToArray.push_back(*aa);
        } else if (auto *ab = std::get_if<ArrayToBytesPtr>(&*made)) {
            if (arrayToBytes)
                return makeError(QStringLiteral("more than one array-to-bytes codec (\"%1\" and \"%2\")")
                                     .arg(arrayToBytes->name(), (*ab)->name()),
                                 place);
            arrayToBytes = *ab;
        } else {
            auto bb = std::get<BytesToBytesPtr>(*made);
            if (!arrayToBytes)
                return makeError(
                    QStringLiteral("bytes-to-bytes codec \"%1\" comes before the array-to-bytes codec")
                        .arg(bb->name()),
                    place);
            bytesToBytes.push_back(bb);
        }
    }
    if (!arrayToBytes)
        return makeError(QStringLiteral("codec list has no array-to-bytes codec (bytes or sharding_indexed)"),
                         QStringLiteral("codecs"));
    ZS_CHECK(checkVariableLengthChain(arrayToBytes, chunk));
    return CodecChain(std::move(arrayToArray), std::move(arrayToBytes), std::move(bytesToBytes));
}

Result<BytesToBytesPtr> makeV2Entry(const json &entry, const QString &place, bool filter,
                                    const DataType &input)
{
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string())
        return makeError(QStringLiteral("%1 needs a string \"id\"").arg(filter ? "filter" : "compressor"),
                         place + QStringLiteral(".id"));
    const QString id = QString::fromStdString(entry["id"].get<std::string>());
    auto made = makeNumcodecs(id, entry, input);
    if (!made)
        return makeError(QStringLiteral("unknown %1 \"%2\"").arg(filter ? "filter" : "codec", id),
                         place + QStringLiteral(".id"));
    if (!*made) {
        // numcodecs keeps its parameters beside "id", not under "configuration".
        Error e = made->error();
        if (e.where.startsWith(u"configuration.")) e.where = e.where.mid(14);
        return within(e, place);
    }
    return std::move(**made);
}

Result<CodecChain> makeV2ChainImpl(const json &compressor, const json &filters, char order,
                                   const ChunkSpec &chunk)
{
    std::vector<ArrayToArrayPtr> arrayToArray;
    if (order == 'F') {
        if (chunk.shape.size() > 1) arrayToArray.push_back(TransposeCodec::reversed(chunk.shape.size()));
    } else if (order != 'C') {
        return makeError(QStringLiteral("order must be \"C\" or \"F\""), QStringLiteral("order"));
    }
    // v2 chunk bytes are already in the dtype's declared order: the bytes codec never swaps.
    ArrayToBytesPtr arrayToBytes = std::make_shared<BytesCodec>(chunk.dtype.order);

    std::vector<BytesToBytesPtr> bytesToBytes;
    ChunkSpec current = chunk;
    if (!filters.is_null() && !filters.is_array())
        return makeError(QStringLiteral("\"filters\" must be a list or null"), QStringLiteral("filters"));
    // Object arrays: the object codec (first filter, or the compressor) turns items into bytes.
    std::size_t firstFilter = 0;
    bool compressorUsed = false;
    if (chunk.dtype.isVariableLength()) {
        ZS_TRY(const ObjectCodecEntry objectCodec, findObjectCodec(compressor, filters));
        ZS_TRY(arrayToBytes, makeObjectCodec(objectCodec, chunk.dtype));
        firstFilter = objectCodec.isCompressor ? 0 : 1;
        compressorUsed = objectCodec.isCompressor;
        current.dtype = *parseNumpyTypeString(QStringLiteral("|u1")); // what follows sees a byte stream
        current.fill = QByteArray(1, 0);
    }
    if (!filters.is_null()) {
        for (std::size_t i = firstFilter; i < filters.size(); ++i) {
            ZS_TRY(BytesToBytesPtr f,
                   makeV2Entry(filters[i], QStringLiteral("filters[%1]").arg(i), true, current.dtype));
            current = outputSpec(f, current);
            bytesToBytes.push_back(std::move(f));
        }
    }
    if (!compressor.is_null() && !compressorUsed) {
        ZS_TRY(BytesToBytesPtr c,
               makeV2Entry(compressor, QStringLiteral("compressor"), false, current.dtype));
        bytesToBytes.push_back(std::move(c));
    }
    // Encoding runs filters in list order, then the compressor; CodecChain decodes backwards.
    return CodecChain(std::move(arrayToArray), std::move(arrayToBytes), std::move(bytesToBytes));
}

// nlohmann throws on type mismatches; nothing may escape the registry as an exception.
template <typename F> auto guarded(F &&f) -> decltype(f())
{
    try {
        return f();
    } catch (const std::exception &e) {
        return makeError(QStringLiteral("invalid codec metadata: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace

Result<AnyCodec> makeV3Codec(const json &codec, const ChunkSpec &decoded)
{
    return guarded([&] { return makeV3CodecImpl(codec, decoded); });
}

Result<CodecChain> makeV3Chain(const json &codecs, const ChunkSpec &chunk)
{
    return guarded([&] { return makeV3ChainImpl(codecs, chunk); });
}

Result<CodecChain> makeV2Chain(const json &compressor, const json &filters, char order,
                               const ChunkSpec &chunk)
{
    return guarded([&] { return makeV2ChainImpl(compressor, filters, order, chunk); });
}

Result<DataType> v2ObjectDataType(const json &compressor, const json &filters)
{
    return guarded([&]() -> Result<DataType> {
        ZS_TRY(const ObjectCodecEntry e, findObjectCodec(compressor, filters));
        return objectDataTypeOf(e);
    });
}

} // namespace zs
