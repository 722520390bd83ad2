#include "cf/DecodeArray.h"

#include "cf/TimeDecoding.h"
#include "cf/ValueDecoder.h"

namespace zs::cf {

static Result<NdArray> maskAndUnpack(const NdArray &stored, const ValueConventions &conventions)
{
    ZS_TRY(ValueDecoder decoder, ValueDecoder::make(conventions));
    if (!(stored.dtype == decoder.storedType()))
        return makeError(QStringLiteral("values are %1, the conventions were resolved for %2")
                             .arg(stored.dtype.numpyTypeString(), decoder.storedType().numpyTypeString()));
    NdArray out;
    out.shape = stored.shape;
    out.dtype = decoder.decodedType();
    const std::uint64_t n = stored.elementCount();
    out.data.resize(qsizetype(n) * qsizetype(out.dtype.size));
    decoder.decode(stored.data.constData(), std::size_t(n), out.data.data());
    return out;
}

Result<DecodedArray> decodeArray(const NdArray &stored, const ValueConventions &conventions)
{
    DecodedArray result;
    if (conventions.time) {
        // Times are decoded from the masked, unpacked numbers, as xarray does (mask, scale, then time).
        NdArray numbers = stored;
        if (conventions.decodes()) {
            ZS_TRY(numbers, maskAndUnpack(stored, conventions));
        }
        QString note;
        if (auto times = decodeTimeValues(numbers, *conventions.time, &note)) {
            result.values = std::move(*times);
            result.decoded = true;
        } else {
            result.values = stored;
            result.notes << note;
        }
        return result;
    }
    if (!conventions.decodes()) {
        result.values = stored;
        return result;
    }
    ZS_TRY(result.values, maskAndUnpack(stored, conventions));
    result.decoded = true;
    return result;
}

} // namespace zs::cf
