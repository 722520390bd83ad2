#include "cf/CoordinateEnds.h"

#include "array/ArrayReader.h"
#include "cf/StoredElement.h"
#include "cf/TimeDecoding.h"
#include "cf/ValueDecoder.h"

#include <cmath>

namespace zs::cf {

// Element `i` of a read as JSON: decoded when the conventions decode, else as stored.
static nlohmann::ordered_json elementJson(const NdArray &a, std::uint64_t i, const ValueConventions &v,
                                          const std::optional<ValueDecoder> &decoder)
{
    using K = DataType::Kind;
    const char *p = a.data.constData() + i * a.dtype.size;
    if (a.dtype.kind == K::VarString) {
        const QByteArrayView item = a.item(i);
        return std::string(item.data(), std::size_t(item.size()));
    }
    std::optional<double> number = decoder ? std::optional(decoder->decode(p)) : elementAsDouble(p, a.dtype);
    if (!number) return nullptr;
    if (v.time) return timeValueJson(*number, *v.time);
    if (!std::isfinite(*number)) return nullptr; // NaN (masked) has no JSON; null says "no value"
    if (!decoder && a.dtype.kind == K::Int) return std::int64_t(*number);
    if (!decoder && (a.dtype.kind == K::UInt || a.dtype.kind == K::Bool)) return std::uint64_t(*number);
    return *number;
}

Result<CoordinateEnds> readCoordinateEnds(std::shared_ptr<Store> store, const Coordinate &coordinate)
{
    CoordinateEnds ends{nullptr, nullptr};
    const ArrayMetadata &meta = *coordinate.node.array;
    if (meta.shape.size() != 1 || meta.shape[0] == 0) return ends;
    const std::uint64_t n = meta.shape[0];
    Selection both;
    both.dims.push_back(
        DimSelection{0, n > 1 ? n - 1 : 1, n > 1 ? std::uint64_t(2) : std::uint64_t(1), false});
    ZS_TRY(NdArray values, readSelection(std::move(store), coordinate.path, meta, both));
    const ValueConventions v = resolveValueConventions(coordinate.node);
    std::optional<ValueDecoder> decoder;
    if (v.decodes()) {
        ZS_TRY(ValueDecoder d, ValueDecoder::make(v));
        decoder = d;
    }
    ends.first = elementJson(values, 0, v, decoder);
    ends.last = elementJson(values, values.elementCount() - 1, v, decoder);
    return ends;
}

} // namespace zs::cf
