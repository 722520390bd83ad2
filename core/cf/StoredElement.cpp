#include "cf/StoredElement.h"

#include "codec/ElementCast.h"

#include <cstring>

namespace zs::cf {

std::optional<double> elementAsDouble(const char *element, const DataType &dtype)
{
    if (!elements::isPlainNumber(dtype, true)) return std::nullopt;
    char buf[8];
    std::memcpy(buf, element, dtype.size);
    if (dtype.needsSwapFrom(nativeByteOrder())) byteSwap(buf, dtype.size, dtype.size);
    double out = 0;
    elements::withType(dtype, [&](auto t) {
        using T = decltype(t);
        if constexpr (std::is_same_v<T, bool>)
            out = buf[0] ? 1.0 : 0.0;
        else
            out = elements::toDouble(elements::load<T>(buf));
    });
    return out;
}

} // namespace zs::cf
