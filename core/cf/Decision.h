#pragma once
// One thing the conventions layer decided about an array: what it applied, or what it left alone,
// each with the reason, so the CLI and the Metadata tab can say what was done to the values.

#include <QString>
#include <vector>

namespace zs::cf {

struct Decision
{
    QString what; // e.g. "packing", "coordinate lat", "valid_range"
    QString why;  // e.g. "scale_factor 0.001, add_offset 298.15 into float32"

    QString toString() const { return what + QStringLiteral(": ") + why; }
};

using Decisions = std::vector<Decision>;

} // namespace zs::cf
