#pragma once
// The parsers of each OME metadata block, used by parseOmeGroup (OmeParse.cpp). Each takes the
// block's JSON and its field path for errors, and the metadata version where the rules differ.

#include "ome/OmeMetadata.h"
#include "util/Result.h"

#include <nlohmann/json.hpp>

namespace zs::ome {

// Version strings compared as numbers: "0.4" -> 4, "0.5" -> 5, "0.1" -> 1.
int minorVersion(const QString &version);

Result<std::vector<Multiscale>> parseMultiscales(const nlohmann::json &list, const QString &where,
                                                 const QString &version);
Result<Omero> parseOmero(const nlohmann::json &block, const QString &where);
Result<ImageLabel> parseImageLabel(const nlohmann::json &block, const QString &where);
Result<QStringList> parseLabelsList(const nlohmann::json &list, const QString &where);
Result<Plate> parsePlate(const nlohmann::json &block, const QString &where);
Result<Well> parseWell(const nlohmann::json &block, const QString &where);

} // namespace zs::ome
