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
#include "codec/Lz4Codec.h"
#include "codec/PackBitsFilter.h"
#include "codec/QuantizeFilter.h"
#include "codec/ShardingCodec.h"
#include "codec/ShuffleFilter.h"
#include "codec/TransposeCodec.h"
#include "codec/ZlibCodec.h"
#include "codec/ZstdCodec.h"

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
    NumcodecsV3Codec(QString name, BytesToBytesPtr inner) : m_name(std::move(name)), m_inner(std::move(inner)) {}
    QString name() const override { return m_name; }
    json configuration() const override
    {
        json c = m_inner->configuration();
        c.erase("id");
        return c;
    }
    std::optional<std::uint64_t> encodedSize(std::uint64_t n) const override { return m_inner->encodedSize(n); }
    Result<QByteArray> decode(const QByteArray &encoded, SizeHint size) const override { return m_inner->decode(encoded, size); }
    Result<QByteArray> encode(const QByteArray &decoded) const override { return m_inner->encode(decoded); }

private:
    QString m_name;
    BytesToBytesPtr m_inner;
};

template<typename T>
Result<BytesToBytesPtr> upcast(Result<std::shared_ptr<T>> r)
{
    if (!r)
        return r.error();
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
    if (id == u"blosc") return upcast(BloscCodec::fromConfig(config, BloscCodec::Flavor::Numcodecs, typesize));
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
        return makeError(QStringLiteral("a codec must be a name or an object with a \"name\""), QStringLiteral("name"));
    }

    auto a2b = [](auto r) -> Result<AnyCodec> { if (!r) return r.error(); return AnyCodec(ArrayToBytesPtr(*r)); };
    auto a2a = [](auto r) -> Result<AnyCodec> { if (!r) return r.error(); return AnyCodec(ArrayToArrayPtr(*r)); };
    auto b2b = [](auto r) -> Result<AnyCodec> { if (!r) return r.error(); return AnyCodec(BytesToBytesPtr(*r)); };

    if (name == u"bytes" || name == u"endian") // "endian" is the pre-1.0 draft name
        return a2b(BytesCodec::fromConfig(config, decoded));
    if (name == u"transpose")
        return a2a(TransposeCodec::fromConfig(config, decoded));
    if (name == u"sharding_indexed")
        return a2b(ShardingCodec::fromConfig(config, decoded));
    if (name == u"blosc")
        return b2b(BloscCodec::fromConfig(config, BloscCodec::Flavor::V3, decoded.dtype.size));
    if (name == u"gzip")
        return b2b(ZlibCodec::fromConfig(config, ZlibCodec::Format::Gzip, false));
    if (name == u"zstd")
        return b2b(ZstdCodec::fromConfig(config, false));
    if (name == u"crc32c")
        return AnyCodec(BytesToBytesPtr(std::make_shared<Crc32cCodec>()));
    if (name.startsWith(u"numcodecs.")) {
        const QString id = name.mid(10);
        if (auto f = makeElementFilter(id, config, decoded.dtype, true)) {
            if (!*f) return f->error();
            return AnyCodec(ArrayToArrayPtr(std::make_shared<ElementFilterArrayCodec>(std::move(**f))));
        }
        if (auto r = makeNumcodecs(id, config, decoded.dtype)) {
            if (!*r)
                return r->error();
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
        if (!made)
            return within(made.error(), place);
        if (auto *aa = std::get_if<ArrayToArrayPtr>(&*made)) {
            if (arrayToBytes)
                return makeError(QStringLiteral("array-to-array codec \"%1\" comes after the array-to-bytes codec").arg((*aa)->name()), place);
            auto next = (*aa)->encodedSpec(current);
            if (!next)
                return within(next.error(), place);
            current = *next;
            arrayToArray.push_back(*aa);
        } else if (auto *ab = std::get_if<ArrayToBytesPtr>(&*made)) {
            if (arrayToBytes)
                return makeError(QStringLiteral("more than one array-to-bytes codec (\"%1\" and \"%2\")")
                                     .arg(arrayToBytes->name(), (*ab)->name()), place);
            arrayToBytes = *ab;
        } else {
            auto bb = std::get<BytesToBytesPtr>(*made);
            if (!arrayToBytes)
                return makeError(QStringLiteral("bytes-to-bytes codec \"%1\" comes before the array-to-bytes codec").arg(bb->name()), place);
            bytesToBytes.push_back(bb);
        }
    }
    if (!arrayToBytes)
        return makeError(QStringLiteral("codec list has no array-to-bytes codec (bytes or sharding_indexed)"), QStringLiteral("codecs"));
    return CodecChain(std::move(arrayToArray), std::move(arrayToBytes), std::move(bytesToBytes));
}

Result<BytesToBytesPtr> makeV2Entry(const json &entry, const QString &place, bool filter,
                                    const DataType &input)
{
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string())
        return makeError(QStringLiteral("%1 needs a string \"id\"").arg(filter ? "filter" : "compressor"), place + QStringLiteral(".id"));
    const QString id = QString::fromStdString(entry["id"].get<std::string>());
    auto made = makeNumcodecs(id, entry, input);
    if (!made)
        return makeError(QStringLiteral("unknown %1 \"%2\"").arg(filter ? "filter" : "codec", id), place + QStringLiteral(".id"));
    if (!*made) {
        // numcodecs keeps its parameters beside "id", not under "configuration".
        Error e = made->error();
        if (e.where.startsWith(u"configuration."))
            e.where = e.where.mid(14);
        return within(e, place);
    }
    return std::move(**made);
}

Result<CodecChain> makeV2ChainImpl(const json &compressor, const json &filters, char order, const ChunkSpec &chunk)
{
    std::vector<ArrayToArrayPtr> arrayToArray;
    if (order == 'F') {
        if (chunk.shape.size() > 1)
            arrayToArray.push_back(TransposeCodec::reversed(chunk.shape.size()));
    } else if (order != 'C') {
        return makeError(QStringLiteral("order must be \"C\" or \"F\""), QStringLiteral("order"));
    }
    // v2 chunk bytes are already in the dtype's declared order: the bytes codec never swaps.
    ArrayToBytesPtr arrayToBytes = std::make_shared<BytesCodec>(chunk.dtype.order);

    std::vector<BytesToBytesPtr> bytesToBytes;
    ChunkSpec current = chunk;
    if (!filters.is_null()) {
        if (!filters.is_array())
            return makeError(QStringLiteral("\"filters\" must be a list or null"), QStringLiteral("filters"));
        for (std::size_t i = 0; i < filters.size(); ++i) {
            ZS_TRY(BytesToBytesPtr f,
                   makeV2Entry(filters[i], QStringLiteral("filters[%1]").arg(i), true, current.dtype));
            current = outputSpec(f, current);
            bytesToBytes.push_back(std::move(f));
        }
    }
    if (!compressor.is_null()) {
        ZS_TRY(BytesToBytesPtr c,
               makeV2Entry(compressor, QStringLiteral("compressor"), false, current.dtype));
        bytesToBytes.push_back(std::move(c));
    }
    // Encoding runs filters in list order, then the compressor; CodecChain decodes backwards.
    return CodecChain(std::move(arrayToArray), std::move(arrayToBytes), std::move(bytesToBytes));
}

// nlohmann throws on type mismatches; nothing may escape the registry as an exception.
template<typename F>
auto guarded(F &&f) -> decltype(f())
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

Result<CodecChain> makeV2Chain(const json &compressor, const json &filters, char order, const ChunkSpec &chunk)
{
    return guarded([&] { return makeV2ChainImpl(compressor, filters, order, chunk); });
}

} // namespace zs
