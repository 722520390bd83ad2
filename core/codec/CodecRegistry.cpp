#include "codec/CodecRegistry.h"
#include "codec/BloscCodec.h"
#include "codec/Bz2Codec.h"
#include "codec/BytesCodec.h"
#include "codec/Crc32cCodec.h"
#include "codec/DeltaFilter.h"
#include "codec/Lz4Codec.h"
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

// numcodecs `delta` in a v3 chain is an array->array codec whose output element type is
// `astype` (zarr-python 3's numcodecs.delta); it reuses the byte-level filter.
class DeltaArrayCodec final : public ArrayToArrayCodec
{
public:
    explicit DeltaArrayCodec(std::shared_ptr<DeltaFilter> filter) : m_filter(std::move(filter)) {}
    QString name() const override { return m_name; }
    json configuration() const override
    {
        json c = m_filter->configuration();
        c.erase("id");
        return c;
    }
    Result<ChunkSpec> encodedSpec(const ChunkSpec &decoded) const override
    {
        ChunkSpec e = decoded;
        e.dtype = m_filter->astype();
        e.fill = QByteArray(qsizetype(e.dtype.size), 0);
        return e;
    }
    Result<QByteArray> decode(const QByteArray &encoded, const ChunkSpec &decoded) const override
    {
        return m_filter->decode(encoded, SizeHint{decoded.byteSize(), true});
    }
    Result<QByteArray> encode(const QByteArray &decoded, const ChunkSpec &) const override
    {
        return m_filter->encode(decoded);
    }

private:
    QString m_name = QStringLiteral("numcodecs.delta");
    std::shared_ptr<DeltaFilter> m_filter;
};

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

// A numcodecs compressor or byte filter by id; `typesize` is the element size of the data
// it receives (blosc shuffles by it). nullopt when the id is not one we implement.
std::optional<Result<BytesToBytesPtr>> makeNumcodecs(const QString &id, const json &config, std::size_t typesize)
{
    if (id == u"blosc") return upcast(BloscCodec::fromConfig(config, BloscCodec::Flavor::Numcodecs, typesize));
    if (id == u"zlib") return upcast(ZlibCodec::fromConfig(config, ZlibCodec::Format::Zlib, true));
    if (id == u"gzip") return upcast(ZlibCodec::fromConfig(config, ZlibCodec::Format::Gzip, true));
    if (id == u"zstd") return upcast(ZstdCodec::fromConfig(config, true));
    if (id == u"lz4") return upcast(Lz4Codec::fromConfig(config));
    if (id == u"bz2") return upcast(Bz2Codec::fromConfig(config));
    if (id == u"shuffle") return upcast(ShuffleFilter::fromConfig(config));
    if (id == u"delta") return upcast(DeltaFilter::fromConfig(config));
    return std::nullopt;
}

// Element size of the data a byte filter produces (delta casts to astype; shuffle outputs bytes).
std::size_t outputTypesize(const BytesToBytesPtr &c, std::size_t in)
{
    if (auto d = std::dynamic_pointer_cast<const DeltaFilter>(c))
        return d->astype().size;
    if (std::dynamic_pointer_cast<const ShuffleFilter>(c))
        return 1;
    return in;
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
        if (id == u"delta") {
            auto d = DeltaFilter::fromConfig(config);
            if (!d)
                return d.error();
            return AnyCodec(ArrayToArrayPtr(std::make_shared<DeltaArrayCodec>(*d)));
        }
        if (auto r = makeNumcodecs(id, config, decoded.dtype.size)) {
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

Result<BytesToBytesPtr> makeV2Entry(const json &entry, const QString &place, bool filter, std::size_t typesize)
{
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string())
        return makeError(QStringLiteral("%1 needs a string \"id\"").arg(filter ? "filter" : "compressor"), place + QStringLiteral(".id"));
    const QString id = QString::fromStdString(entry["id"].get<std::string>());
    auto made = makeNumcodecs(id, entry, typesize);
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
    std::size_t typesize = chunk.dtype.size;
    if (!filters.is_null()) {
        if (!filters.is_array())
            return makeError(QStringLiteral("\"filters\" must be a list or null"), QStringLiteral("filters"));
        for (std::size_t i = 0; i < filters.size(); ++i) {
            ZS_TRY(BytesToBytesPtr f, makeV2Entry(filters[i], QStringLiteral("filters[%1]").arg(i), true, typesize));
            typesize = outputTypesize(f, typesize);
            bytesToBytes.push_back(std::move(f));
        }
    }
    if (!compressor.is_null()) {
        ZS_TRY(BytesToBytesPtr c, makeV2Entry(compressor, QStringLiteral("compressor"), false, typesize));
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
