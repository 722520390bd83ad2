#pragma once
// A decoded N-dimensional result: C-order bytes in the array's in-memory data type.
// Variable-length types hold 8-byte handles into `strings`, which keeps only the items the
// result refers to (compacted at the end of the read).

#include "dtype/DataType.h"
#include "dtype/StringArena.h"

#include <QByteArray>
#include <cstring>
#include <memory>
#include <vector>

namespace zs {

struct NdArray
{
    std::vector<std::uint64_t> shape;
    DataType dtype;
    QByteArray data;
    std::shared_ptr<const StringArena> strings; // variable-length types only

    // Variable-length types: the bytes of element `i` (C order).
    QByteArrayView item(std::uint64_t i) const
    {
        std::uint64_t handle = 0;
        std::memcpy(&handle, data.constData() + i * 8, 8);
        return strings ? strings->item(handle) : QByteArrayView();
    }

    std::uint64_t elementCount() const
    {
        std::uint64_t n = 1;
        for (auto d : shape)
            n *= d;
        return n;
    }
};

} // namespace zs
