// libFuzzer harness: the --select parser. The first byte gives the rank (0-4) and the
// next 8 bytes per dimension its extent (any uint64, so huge shapes too); the rest is the
// selection text. A parsed selection must lie inside the shape.

#include "selection/Selection.h"

#include <QString>
#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1) return 0;
    const std::size_t rank = data[0] % 5;
    std::size_t at = 1;
    if (size < at + 8 * rank) return 0;
    zs::Shape shape(rank);
    for (std::size_t d = 0; d < rank; ++d, at += 8)
        std::memcpy(&shape[d], data + at, 8);
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + at), qsizetype(size - at));
    auto sel = zs::parseSelection(text, shape);
    if (!sel) return 0;
    if (sel->dims.size() != rank) __builtin_trap();
    for (std::size_t d = 0; d < rank; ++d) {
        const zs::DimSelection &s = sel->dims[d];
        if (s.step == 0) __builtin_trap();
        if (s.count > 0 && (s.start >= shape[d] || (s.count - 1) > (shape[d] - 1 - s.start) / s.step))
            __builtin_trap(); // a selected index outside the array
    }
    (void)sel->resultShape();
    (void)sel->elementCount();
    return 0;
}
