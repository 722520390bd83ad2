#pragma once
// What the Data tab knows of an array's conventions: resolved once per array (cf::Conventions,
// through the hierarchy the browser discovered), the decoder for its values, and its coordinates'
// values once read (loadCoordinateValues, on a worker thread). With nothing to apply, the view
// behaves as it always did: raw values, index axes.

#include "AxisCoordinate.h"
#include "ValueConverter.h"
#include "cf/Conventions.h"
#include "cf/ValueDecoder.h"
#include "store/Store.h"

namespace zs {

// An auxiliary coordinate (the `coordinates` attribute, e.g. 2-D lat/lon over y, x) read whole.
struct AuxiliaryValues
{
    AxisCoordinate coordinate;  // values in C order of its own shape
    std::vector<int> arrayDims; // the array dimension of each of its dimensions
    Shape shape;
    std::size_t source = 0; // its place in conventions.auxiliaryCoordinates
};

struct ViewConventions
{
    cf::Conventions conventions;
    std::optional<cf::ValueDecoder> decoder; // when packing or missing values apply
    std::optional<cf::Flags> flags;
    std::vector<AxisCoordinate> axes; // one per array dimension; values empty until read (or none)
    std::vector<AuxiliaryValues> auxiliary;

    // Whether anything changes what the view shows: the "Decode (CF)" toggle is offered.
    bool applies() const;
    // The toggle's default: on when the array says it follows the conventions (CF value attributes,
    // time, flags or coordinates), off when only the Zarr v2 fill_value would mask (zarr-python
    // writes fill_value 0 for any array, and zeros are usually data); xarray masks it either way.
    bool decodeByDefault = false;
    bool hasCoordinates() const;
};

// No I/O: the array's own metadata and the nodes `lookup` answers from (a null lookup: none).
ViewConventions resolveViewConventions(const NodeMetadata &array, const cf::NodeLookup &lookup);

// Reads every dimension coordinate and auxiliary coordinate (those of up to kMaxAuxiliaryElements)
// and decodes them by their own conventions. Blocking: for a worker thread. Coordinates that fail
// to read stay empty; their errors are returned as notes.
constexpr std::uint64_t kMaxAuxiliaryElements = std::uint64_t(1) << 22;
QStringList loadCoordinateValues(const std::shared_ptr<Store> &store, ViewConventions &view);

// The auxiliary coordinate's value at an array index (all dimensions), NaN when not read.
double auxiliaryValueAt(const AuxiliaryValues &aux, const std::vector<std::uint64_t> &arrayIndex);

// `count` elements at `src` as the views draw them: decoded by `view`'s decoder when `view` is
// given (the "Decode (CF)" toggle on) and has one, else the stored values (`part` of a complex).
void toDisplayValues(const ViewConventions *view, const DataType &dtype, ComplexPart part, const char *src,
                     std::size_t count, double *dst);

} // namespace zs
