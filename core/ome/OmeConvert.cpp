#include "ome/OmeConvert.h"

#include "ome/OmeParse.h"

#include <algorithm>

namespace zs::ome {

using nlohmann::json;

namespace {

// The OME blocks of a group's attributes: top-level keys in 0.4, keys of `ome` in 0.5.
const char *const kBlocks[] = {"multiscales",          "omero", "labels", "image-label", "plate", "well",
                               "bioformats2raw.layout"};
// The blocks that carry their own `version` in 0.4 (and must not in 0.5, where `ome` has it).
const char *const kVersioned[] = {"multiscales", "omero", "image-label", "plate", "well"};

// Sets `version` in an object, or removes it when `version` is null.
void setVersion(json &block, const char *version)
{
    if (!block.is_object()) return; // parseOmeGroup accepted it, so only in unusual places
    if (version)
        block["version"] = version;
    else
        block.erase("version");
}

void setBlockVersions(json &holder, const char *version)
{
    for (const char *key : kVersioned) {
        auto it = holder.find(key);
        if (it == holder.end()) continue;
        if (it->is_array()) // multiscales: one entry per multiscale
            for (json &entry : *it)
                setVersion(entry, version);
        else
            setVersion(*it, version);
    }
}

json to05(const json &attributes)
{
    json out = json::object();
    json ome = {{"version", "0.5"}};
    for (const auto &[key, value] : attributes.items()) {
        bool isBlock = false;
        for (const char *b : kBlocks)
            isBlock = isBlock || key == b;
        (isBlock ? ome : out)[key] = value;
    }
    setBlockVersions(ome, nullptr);
    out["ome"] = std::move(ome);
    return out;
}

json to04(const json &attributes)
{
    json out = attributes;
    const json ome = out["ome"];
    out.erase("ome");
    for (const auto &[key, value] : ome.items())
        if (key != "version") out[key] = value;
    setBlockVersions(out, "0.4");
    return out;
}

bool hasBlock(const json &attributes)
{
    for (const char *b : kBlocks)
        if (attributes.contains(b)) return true;
    return false;
}

Error cannotConvert(const QString &version, int format, const char *field)
{
    return makeError(QStringLiteral("OME-NGFF %1 cannot be converted to Zarr v%2: only 0.4 (v2) and 0.5 (v3) "
                                    "convert into each other; export it in its own format")
                         .arg(version.isEmpty() ? QStringLiteral("(no version)") : version)
                         .arg(format),
                     QLatin1String(field));
}

json *multiscalesOf(json &attributes)
{
    json *holder =
        attributes.contains("ome") && attributes["ome"].is_object() ? &attributes["ome"] : &attributes;
    auto it = holder->find("multiscales");
    return it == holder->end() ? nullptr : &*it;
}

} // namespace

Result<json> omeAttributesFor(const json &attributes, const QString &groupName, int format)
{
    const auto ome = attributes.find("ome");
    if (format == 2 && ome != attributes.end() && ome->is_object()) {
        const std::string version = ome->value("version", std::string());
        if (version != "0.5") return cannotConvert(QString::fromStdString(version), format, "ome.version");
        return to04(attributes);
    }
    if (format != 3 || ome != attributes.end() || !hasBlock(attributes)) return attributes;
    ZS_TRY(const std::optional<OmeGroup> group, parseOmeGroup(attributes, groupName));
    if (!group) return attributes; // a "labels" key outside a labels group, say: not OME's
    if (group->version != QLatin1String("0.4")) return cannotConvert(group->version, format, "version");
    return to05(attributes);
}

Result<json> keepLevels(const json &attributes, const std::vector<int> &levels, bool skipMissing,
                        QStringList *keptPaths, QStringList *droppedPaths)
{
    json out = attributes;
    json *multiscales = multiscalesOf(out);
    if (!multiscales || !multiscales->is_array() || multiscales->empty() || !(*multiscales)[0].is_object() ||
        !(*multiscales)[0].contains("datasets") || !(*multiscales)[0]["datasets"].is_array())
        return makeError(QStringLiteral("not a multiscale image (no multiscales datasets)"));
    json &datasets = (*multiscales)[0]["datasets"];
    std::vector<int> wanted = levels; // levels go from the highest resolution down, whatever the order asked
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    json kept = json::array();
    std::vector<bool> keep(datasets.size(), false);
    for (int level : wanted) {
        if (level >= 0 && std::size_t(level) < datasets.size()) {
            kept.push_back(datasets[std::size_t(level)]);
            keep[std::size_t(level)] = true;
            continue;
        }
        if (skipMissing) continue;
        return makeError(
            QStringLiteral("no level %1: the image has levels 0-%2").arg(level).arg(datasets.size() - 1),
            QStringLiteral("multiscales[0].datasets"));
    }
    for (std::size_t i = 0; i < datasets.size(); ++i) {
        const QString path = QString::fromStdString(datasets[i].value("path", std::string()));
        (keep[i] ? keptPaths : droppedPaths)->append(path);
    }
    datasets = std::move(kept);
    return out;
}

} // namespace zs::ome
