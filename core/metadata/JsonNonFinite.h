#pragma once
// The bare NaN, Infinity and -Infinity tokens that Python's json module (so zarr-python and
// xarray) writes for non-finite floats, e.g. `"valid_max": NaN`. They are not JSON, and
// nlohmann_json refuses them; these helpers read them as float values and write them back as
// the same tokens, so a store round-trips through us unchanged.

#include <QByteArray>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace zs {

// The text with every non-finite token outside strings replaced by a marker string, or nullopt
// when there is none (the common case: no copy).
std::optional<QByteArray> quoteNonFiniteTokens(const QByteArray &text);
// Turns the marker strings quoteNonFiniteTokens left back into NaN/Infinity/-Infinity floats.
void restoreNonFinite(nlohmann::json &doc);

// Like json::dump, but non-finite floats come out as NaN, Infinity and -Infinity (dump writes
// null, which would silently change a fill value or an attribute).
std::string dumpJson(const nlohmann::json &doc, int indent = -1);
std::string dumpJson(const nlohmann::ordered_json &doc, int indent = -1);

} // namespace zs
