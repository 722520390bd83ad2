#pragma once
// Reading typed fields out of OME metadata JSON, with errors that name the field the way a user
// finds it in the document: "multiscales[0].datasets[1].coordinateTransformations[0].scale".

#include "util/Result.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace zs::ome {

class Fields
{
public:
    // `object` is the JSON at `where` (a field path, "" for the block itself).
    Fields(const nlohmann::json &object, QString where) : m_object(object), m_where(std::move(where)) {}

    const QString &where() const { return m_where; }
    QString pathOf(const char *name) const;
    static QString itemPath(const QString &list, std::size_t index);

    bool has(const char *name) const;
    // nullptr when absent or null.
    const nlohmann::json *find(const char *name) const;

    // A list that must be there (and, with `nonEmpty`, hold something).
    Result<const nlohmann::json *> list(const char *name, bool nonEmpty = false) const;
    Result<QString> text(const char *name) const;         // required
    Result<QString> optionalText(const char *name) const; // "" when absent
    Result<std::optional<double>> optionalNumber(const char *name) const;
    Result<std::optional<std::int64_t>> optionalInteger(const char *name) const;
    Result<bool> optionalBool(const char *name, bool fallback) const;
    // A list of finite numbers.
    Result<std::vector<double>> numbers(const char *name) const;

    Error error(const QString &what, const char *name = nullptr) const;

private:
    const nlohmann::json &m_object;
    QString m_where;
};

// "0.4": the object at `where`, or an error naming it.
Result<Fields> objectAt(const nlohmann::json &value, const QString &where);

} // namespace zs::ome
