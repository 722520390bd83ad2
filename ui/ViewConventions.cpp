#include "ViewConventions.h"

#include "ValueConverter.h"
#include "array/ArrayReader.h"

#include <algorithm>
#include <limits>

namespace zs {

bool ViewConventions::applies() const
{
    return decoder.has_value() || flags.has_value() || hasCoordinates() || !conventions.units.isEmpty() ||
           !conventions.longName.isEmpty();
}

bool ViewConventions::hasCoordinates() const
{
    for (const auto &d : conventions.dimensions)
        if (d.coordinate) return true;
    return !conventions.auxiliaryCoordinates.empty();
}

static AxisCoordinate describe(const cf::Coordinate &c)
{
    AxisCoordinate a;
    a.name = c.name;
    a.units = c.units;
    a.longName = c.longName;
    return a;
}

// Attributes by which an array says its values follow the conventions.
static bool hasValueAttributes(const nlohmann::json &attrs)
{
    if (!attrs.is_object()) return false;
    for (const char *key : {"_FillValue", "missing_value", "scale_factor", "add_offset", "valid_range",
                            "valid_min", "valid_max", "flag_values", "flag_masks"})
        if (attrs.contains(key)) return true;
    return false;
}

ViewConventions resolveViewConventions(const NodeMetadata &array, const cf::NodeLookup &lookup)
{
    ViewConventions v;
    v.conventions = cf::resolveConventions(array, lookup);
    if (v.conventions.values.decodes()) {
        auto decoder = cf::ValueDecoder::make(v.conventions.values);
        if (decoder) v.decoder = std::move(decoder).value();
    }
    v.flags = v.conventions.values.flags;
    v.decodeByDefault =
        hasValueAttributes(array.attributes) || v.flags || v.conventions.values.time || v.hasCoordinates();
    for (const auto &d : v.conventions.dimensions)
        v.axes.push_back(d.coordinate ? describe(*d.coordinate) : AxisCoordinate{});
    for (std::size_t i = 0; i < v.conventions.auxiliaryCoordinates.size(); ++i) {
        const cf::Coordinate &c = v.conventions.auxiliaryCoordinates[i];
        AuxiliaryValues aux;
        aux.source = i;
        aux.coordinate = describe(c);
        aux.shape = c.shape;
        for (const QString &name : c.dimensions) {
            int at = -1;
            for (std::size_t i = 0; i < v.conventions.dimensions.size(); ++i)
                if (v.conventions.dimensions[i].name == name) at = int(i);
            aux.arrayDims.push_back(at);
        }
        v.auxiliary.push_back(std::move(aux));
    }
    // Latitude before longitude ("lat 12.50° N, lon 30.25° E"), whatever order `coordinates` gives
    // (xarray writes it in a set's order, which changes from run to run).
    auto rank = [](const AuxiliaryValues &a) {
        const auto degrees = degreesText(1, a.coordinate.units);
        return !degrees ? 2 : degrees->endsWith(u'N') ? 0 : 1;
    };
    std::stable_sort(v.auxiliary.begin(), v.auxiliary.end(),
                     [&](const AuxiliaryValues &a, const AuxiliaryValues &b) { return rank(a) < rank(b); });
    return v;
}

// The whole coordinate array as doubles, decoded by its own packing and fill values, and its
// time coder when it holds CF times.
static Status readCoordinate(const std::shared_ptr<Store> &store, const cf::Coordinate &c,
                             AxisCoordinate &out)
{
    const ArrayMetadata &meta = *c.node.array;
    if (!isPlottable(meta.dtype)) return makeError(QStringLiteral("%1 values are not numbers").arg(c.name));
    ZS_TRY(NdArray values, readSelection(store, c.path, meta, Selection::all(meta.shape)));
    const std::size_t n = std::size_t(values.elementCount());
    out.values.assign(n, std::numeric_limits<double>::quiet_NaN());
    const cf::ValueConventions v = cf::resolveValueConventions(c.node);
    std::optional<cf::ValueDecoder> decoder;
    if (v.decodes()) {
        auto d = cf::ValueDecoder::make(v);
        if (d) decoder = std::move(d).value();
    }
    if (decoder)
        decoder->decode(values.data.constData(), n, out.values.data());
    else
        convertToDoubles(values.data.constData(), n, values.dtype, ComplexPart::Real, out.values.data());
    if (v.time && v.time->kind == cf::TimeEncoding::Kind::DateTime) {
        auto coder = cf::TimeCoder::create(v.time->units, v.time->calendar);
        if (coder) {
            QList<cf::DateTime> dates;
            for (double x : out.values)
                if (auto t = coder->decode(x)) dates << *t;
            out.timePrecision = cf::isoPrecisionFor(dates);
            out.time = std::move(coder).value();
        }
    }
    return Ok{};
}

QStringList loadCoordinateValues(const std::shared_ptr<Store> &store, ViewConventions &view)
{
    QStringList notes;
    const auto &dims = view.conventions.dimensions;
    for (std::size_t d = 0; d < dims.size() && d < view.axes.size(); ++d) {
        if (!dims[d].coordinate) continue;
        if (auto s = readCoordinate(store, *dims[d].coordinate, view.axes[d]); !s) {
            view.axes[d].values.clear();
            notes << s.error().toString();
        }
    }
    for (AuxiliaryValues &a : view.auxiliary) {
        const cf::Coordinate &c = view.conventions.auxiliaryCoordinates.at(a.source);
        std::uint64_t count = 1;
        for (auto s : c.shape)
            count *= s;
        if (count > kMaxAuxiliaryElements) continue;
        if (auto s = readCoordinate(store, c, a.coordinate); !s) {
            a.coordinate.values.clear();
            notes << s.error().toString();
        }
    }
    return notes;
}

double auxiliaryValueAt(const AuxiliaryValues &aux, const std::vector<std::uint64_t> &arrayIndex)
{
    const auto &values = aux.coordinate.values;
    if (values.empty() || aux.arrayDims.size() != aux.shape.size())
        return std::numeric_limits<double>::quiet_NaN();
    std::uint64_t offset = 0;
    for (std::size_t k = 0; k < aux.shape.size(); ++k) {
        const int d = aux.arrayDims[k];
        const std::uint64_t i = d >= 0 && std::size_t(d) < arrayIndex.size() ? arrayIndex[std::size_t(d)] : 0;
        offset = offset * aux.shape[k] + std::min(i, aux.shape[k] - 1);
    }
    return offset < values.size() ? values[std::size_t(offset)] : std::numeric_limits<double>::quiet_NaN();
}

void toDisplayValues(const ViewConventions *view, const DataType &dtype, ComplexPart part, const char *src,
                     std::size_t count, double *dst)
{
    if (view && view->decoder)
        view->decoder->decode(src, count, dst);
    else
        convertToDoubles(src, count, dtype, part, dst);
}

} // namespace zs
