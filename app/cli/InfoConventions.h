#pragma once
// `info` of an array: its CF/xarray conventions (core/cf) resolved against the store, with each
// dimension coordinate's first and last values read, as JSON and as a few lines of text.

#include "Commands.h"
#include "cf/Conventions.h"
#include "cf/CoordinateEnds.h"

#include <nlohmann/json.hpp>

struct InfoConventions
{
    zs::cf::Conventions conventions;
    std::vector<zs::cf::CoordinateEnds> ends; // one per dimension
};

InfoConventions resolveInfoConventions(const OpenedNode &opened);
// Adds "dimensions" and "cf" to `info --json`'s object.
void addConventionsJson(nlohmann::ordered_json &details, const InfoConventions &info);
QString conventionsText(const InfoConventions &info);
