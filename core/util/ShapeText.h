#pragma once
// An array shape (or chunk shape, or index) as the messages and the CLI show it: "(300, 200)".

#include <QString>
#include <cstdint>
#include <vector>

namespace zs {

QString shapeText(const std::vector<std::uint64_t> &shape);

} // namespace zs
