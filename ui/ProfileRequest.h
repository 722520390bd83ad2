#pragma once
// What a click on the Data tab's image hands to the profile plot: the array (with the store and
// chunk cache the view reads through, so the profile reads through the same engine and cache),
// the cell picked, and how the view shows values (decoded or stored, which complex part).

#include "ValueConverter.h"
#include "ViewConventions.h"
#include "array/ChunkCache.h"
#include "metadata/NodeMetadata.h"
#include "store/Store.h"

#include <QMetaType>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace zs {

struct ProfileRequest
{
    std::shared_ptr<Store> store;
    std::shared_ptr<ChunkCache> cache; // the view's: chunks it read cost no request here
    QString path;
    ArrayMetadata meta;               // dimensionNames filled in as the view labels them
    std::vector<std::uint64_t> index; // the picked cell, one index per dimension
    // The view's conventions when it decodes (values unpacked and masked, coordinate axes).
    std::optional<ViewConventions> conventions;
    ComplexPart part = ComplexPart::Magnitude;
    int alongDim = 0; // the dimension the profile runs along
};

} // namespace zs

Q_DECLARE_METATYPE(zs::ProfileRequest)
