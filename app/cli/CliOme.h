#pragma once
// What the CLI says about OME-Zarr nodes: the "ome" object of `info --json` and its text lines,
// the "ome" mark of `ls --json` rows, and the array behind `get --level N`.

#include "metadata/NodeMetadata.h"
#include "ome/OmeImage.h"

#include <nlohmann/json.hpp>

struct CliOme
{
    std::optional<zs::ome::OmeGroup> group; // nullopt: not an OME node
    std::optional<zs::ome::OmeImage> image; // multiscale images, opened against the store
};

// The node's OME metadata, with a multiscale image's levels opened (an error names the field).
zs::Result<CliOme> resolveCliOme(zs::Store &store, const zs::NodeMetadata &node);
// `info --json`'s "ome": the object, or null for a node without OME metadata.
nlohmann::ordered_json cliOmeJson(const CliOme &ome);
QString cliOmeText(const CliOme &ome);

// `ls --json`: "ome": "multiscales" (or "plate", "well", "labels") on OME groups, and
// "ome_error" when their metadata cannot be read; nothing on other nodes.
void addOmeMark(nlohmann::ordered_json &row, const zs::NodeMetadata &node);

// Level `level` of the multiscale image at `node`: its array, opened when the image was checked.
zs::Result<zs::NodeMetadata> omeLevel(zs::Store &store, const zs::NodeMetadata &node, int level);
