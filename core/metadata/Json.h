#pragma once
// Reading untrusted JSON documents and fields without exceptions escaping.

#include "util/Result.h"

#include <QByteArray>
#include <nlohmann/json_fwd.hpp>

namespace zs {

using Shape = std::vector<std::uint64_t>;

// Parses a metadata document; refuses invalid JSON, nesting deeper than 512 and
// documents over 256 MiB before the parser can exhaust the stack or memory.
Result<nlohmann::json> parseJsonDocument(const QByteArray &text, const QString &where);

// A list of positive (or, with allowZero, non-negative) integers, e.g. "shape".
Result<Shape> readShape(const nlohmann::json &object, const char *field, bool allowZero,
                        const QString &where);
Result<QString> readString(const nlohmann::json &object, const char *field, const QString &where);
// Element count of a shape, or an error when it overflows 64 bits.
Result<std::uint64_t> checkedProduct(const Shape &shape, std::uint64_t factor, const QString &what);

} // namespace zs
