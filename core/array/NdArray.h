#pragma once
// A decoded N-dimensional result: C-order bytes in the array's in-memory data type.

#include "dtype/DataType.h"

#include <QByteArray>
#include <vector>

namespace zs {

struct NdArray
{
    std::vector<std::uint64_t> shape;
    DataType dtype;
    QByteArray data;

    std::uint64_t elementCount() const
    {
        std::uint64_t n = 1;
        for (auto d : shape)
            n *= d;
        return n;
    }
};

} // namespace zs
