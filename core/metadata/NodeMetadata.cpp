#include "metadata/NodeMetadata.h"

namespace zs {

Shape ArrayMetadata::chunkGrid() const
{
    Shape grid(shape.size());
    for (std::size_t i = 0; i < shape.size(); ++i)
        grid[i] = (shape[i] + chunks[i] - 1) / chunks[i];
    return grid;
}

std::uint64_t ArrayMetadata::chunkCount() const
{
    std::uint64_t n = 1;
    for (auto g : chunkGrid())
        n *= g;
    return n;
}

} // namespace zs
