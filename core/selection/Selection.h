#pragma once
// NumPy-style basic indexing: "0:10,5,::2,..." Integers (negative count from the end)
// drop their dimension; slices take positive steps; one "..." fills the rest.

#include "util/Result.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace zs {

using Shape = std::vector<std::uint64_t>;

// One dimension of a resolved selection: indices start, start+step, ... (count of them).
struct DimSelection
{
    std::uint64_t start = 0;
    std::uint64_t step = 1;
    std::uint64_t count = 0;
    bool dropped = false; // selected by an integer

    std::uint64_t last() const { return start + (count - 1) * step; }
};

struct Selection
{
    std::vector<DimSelection> dims;

    Shape resultShape() const; // without dropped dimensions
    std::uint64_t elementCount() const;
    static Selection all(const Shape &shape);
};

// Parses SEL and resolves it against `shape`. An empty string selects everything.
Result<Selection> parseSelection(const QString &text, const Shape &shape);

} // namespace zs
