#pragma once
// Reading CF attributes out of a node's JSON attributes. CF allows a number or a list of numbers
// where one value is meant (netCDF attributes are vectors), and writers use both.

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace zs::cf {

// A numeric attribute: a number or a list of numbers, as doubles (NaN tokens included). nullopt when
// it is absent or null; when it is there but not numbers, nullopt and `problem` says why.
std::optional<std::vector<double>> numbersAttribute(const nlohmann::json &attrs, const char *name,
                                                    QString *problem);
// A text attribute; nullopt when absent or not a string.
std::optional<QString> textAttribute(const nlohmann::json &attrs, const char *name);
// A text attribute as its blank-separated words (`coordinates`, `flag_meanings`).
QStringList wordsAttribute(const nlohmann::json &attrs, const char *name);
// Numbers as they print in decisions: "0.001", "-32768", "[1, 2]".
QString numbersText(const std::vector<double> &values);

} // namespace zs::cf
