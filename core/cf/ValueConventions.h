#pragma once
// What the conventions say about one array's values, from its own metadata and attributes alone:
// packing, missing values, flags, time, and the type decoded values take. Coordinates and
// dimensions (which need the hierarchy) are in Conventions.h.

#include "cf/Decision.h"
#include "cf/Flags.h"
#include "cf/MissingValues.h"
#include "cf/Packing.h"
#include "cf/TimeEncoding.h"
#include "metadata/NodeMetadata.h"

namespace zs::cf {

struct ValueConventions
{
    DataType stored;
    Packing packing;
    MissingValues missing;
    std::optional<Flags> flags;
    std::optional<TimeEncoding> time;
    // The type of decoded values (native byte order); nullopt when the stored values are the decoded
    // ones (nothing applies, or decoding was refused).
    std::optional<DataType> decodedType;
    Decisions applied;
    Decisions refused;

    bool decodes() const { return decodedType.has_value(); }
};

ValueConventions resolveValueConventions(const NodeMetadata &array);

} // namespace zs::cf
