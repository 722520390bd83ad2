#include "codec/Json2Codec.h"

#include "codec/CodecUtil.h"
#include "dtype/StringArena.h"
#include "metadata/Json.h"
#include "metadata/JsonNonFinite.h"

#include <nlohmann/json.hpp>

namespace zs {

using nlohmann::json;

namespace {

// The most JSON text one chunk may have. The parsed document takes up to about ten times its
// text (a node per value), so this also bounds the parser's memory; real json2 chunks are small.
constexpr std::uint64_t kMaxText = std::uint64_t(64) << 20;

struct Leaves
{
    QByteArray text;
    std::vector<StringArena::Span> spans;
};

// Collects the items of `list` nested `shape.size() - depth` more levels, in C order.
Status collect(const json &list, std::size_t first, std::size_t end, const Shape &shape, std::size_t depth,
               Leaves &out)
{
    if (end - first != shape[depth])
        return codecutil::corrupt("json2", QStringLiteral("dimension %1 has %2 items, the shape says %3")
                                               .arg(depth)
                                               .arg(end - first)
                                               .arg(shape[depth]));
    for (std::size_t i = first; i < end; ++i) {
        const json &item = list[i];
        if (depth + 1 < shape.size()) {
            if (!item.is_array())
                return codecutil::corrupt("json2",
                                          QStringLiteral("dimension %1 item is not a list").arg(depth + 1));
            ZS_CHECK(collect(item, 0, item.size(), shape, depth + 1, out));
            continue;
        }
        // Compact text with sorted keys (NaN and Infinity as Python writes them): what numcodecs
        // writes, and what `get` prints for mixed items.
        const std::string text = dumpJson(item);
        out.spans.push_back(StringArena::Span{std::uint64_t(out.text.size()), std::uint64_t(text.size())});
        out.text.append(text.data(), qsizetype(text.size()));
    }
    return Ok{};
}

} // namespace

Result<std::shared_ptr<Json2Codec>> Json2Codec::fromConfig(const json &config)
{
    if (config.contains("encoding")) {
        const json &e = config["encoding"];
        const QString enc =
            e.is_string() ? QString::fromStdString(e.get<std::string>()).toLower() : QString();
        if (enc != u"utf-8" && enc != u"utf8")
            return makeError(QStringLiteral("json2 encoding %1 is not supported (only utf-8)")
                                 .arg(QString::fromStdString(e.dump())),
                             QStringLiteral("encoding"));
    }
    return std::make_shared<Json2Codec>(config);
}

std::optional<std::uint64_t> Json2Codec::encodedSizeBound(const ChunkSpec &) const
{
    return kMaxText;
}

Result<QByteArray> Json2Codec::decode(const QByteArray &encoded, const ChunkSpec &spec) const
{
    if (!spec.arena) return makeError(QStringLiteral("json2 decodes only inside a read (no string storage)"));
    if (std::uint64_t(encoded.size()) > kMaxText)
        return codecutil::corrupt("json2",
                                  QStringLiteral("%1 bytes of JSON, more than the %2 a chunk may have")
                                      .arg(encoded.size())
                                      .arg(kMaxText));
    auto parsed = parseJsonDocument(encoded, {});
    if (!parsed) return codecutil::corrupt("json2", parsed.error().what);
    const json &doc = *parsed;
    if (!doc.is_array() || doc.size() < 2 || !doc.back().is_array() || !doc[doc.size() - 2].is_string())
        return codecutil::corrupt("json2",
                                  QStringLiteral("not a list of items followed by the dtype and the shape"));
    Shape shape;
    std::uint64_t count = 1;
    for (const json &d : doc.back()) {
        if (!d.is_number_unsigned())
            return codecutil::corrupt("json2", QStringLiteral("shape %1 is not a list of sizes")
                                                   .arg(QString::fromStdString(doc.back().dump())));
        const std::uint64_t n = d.get<std::uint64_t>();
        if (n != 0 && count > ~std::uint64_t(0) / n)
            return codecutil::corrupt("json2", QStringLiteral("shape overflows"));
        count *= n;
        shape.push_back(n);
    }
    const std::uint64_t elements = spec.elementCount();
    if (count != elements)
        return codecutil::corrupt("json2",
                                  QStringLiteral("shape %1 holds %2 items, the chunk has %3 elements")
                                      .arg(QString::fromStdString(doc.back().dump()))
                                      .arg(count)
                                      .arg(elements));
    Leaves leaves;
    leaves.spans.reserve(elements);
    const std::size_t items = doc.size() - 2;
    if (shape.empty()) { // a 0-d chunk: the list holds its one item
        if (items != 1)
            return codecutil::corrupt("json2", QStringLiteral("a 0-d chunk holds %1 items").arg(items));
        ZS_CHECK(collect(doc, 0, 1, Shape{1}, 0, leaves));
    } else {
        ZS_CHECK(collect(doc, 0, items, shape, 0, leaves));
    }
    // The items are C order over the shape as written, the order zarr-python reads them in.
    QByteArray handles(qsizetype(elements * 8), Qt::Uninitialized);
    ZS_CHECK(spec.arena->append(leaves.text.constData(), leaves.spans,
                                reinterpret_cast<std::uint64_t *>(handles.data())));
    return handles;
}

Result<QByteArray> Json2Codec::encode(const QByteArray &, const ChunkSpec &) const
{
    return makeError(QStringLiteral("writing json2 chunks is not supported"));
}

} // namespace zs
