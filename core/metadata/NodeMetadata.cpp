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

QStringList dimensionNamesOf(const NodeMetadata &node)
{
    if (!node.array) return {};
    if (!node.array->dimensionNames.isEmpty()) return node.array->dimensionNames;
    QStringList names;
    const auto &attrs = node.attributes;
    if (attrs.is_object() && attrs.contains("_ARRAY_DIMENSIONS")) {
        const auto &list = attrs["_ARRAY_DIMENSIONS"];
        if (list.is_array() && list.size() == node.array->shape.size()) {
            for (const auto &n : list)
                names << (n.is_string() ? QString::fromStdString(n.get<std::string>()) : QString());
        }
    }
    return names;
}

} // namespace zs
