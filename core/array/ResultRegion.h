#pragma once
// A box of a read's result, in result coordinates (dimensions the selection dropped are not in
// it): what one chunk filled in, so a viewer can draw it while the rest is still on its way.

#include <QMetaType>
#include <cstdint>
#include <vector>

namespace zs {

struct ResultRegion
{
    std::vector<std::uint64_t> start; // per result dimension
    std::vector<std::uint64_t> count;
};

} // namespace zs

Q_DECLARE_METATYPE(zs::ResultRegion)
