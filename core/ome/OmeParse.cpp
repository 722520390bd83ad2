#include "ome/OmeParse.h"

#include "ome/OmeFields.h"
#include "ome/OmeParts.h"

namespace zs::ome {

using nlohmann::json;

QString kindName(OmeGroup::Kind kind)
{
    switch (kind) {
    case OmeGroup::Kind::Multiscales:
        return QStringLiteral("multiscales");
    case OmeGroup::Kind::Labels:
        return QStringLiteral("labels");
    case OmeGroup::Kind::Plate:
        return QStringLiteral("plate");
    case OmeGroup::Kind::Well:
        return QStringLiteral("well");
    }
    return {};
}

int minorVersion(const QString &version)
{
    const QStringList parts = version.split(u'.');
    return parts.size() == 2 && parts[0] == QLatin1String("0") ? parts[1].toInt() : -1;
}

bool isSupportedVersion(const QString &version)
{
    static const QStringList known{QStringLiteral("0.1"), QStringLiteral("0.2"), QStringLiteral("0.3"),
                                   QStringLiteral("0.4"), QStringLiteral("0.5")};
    return known.contains(version);
}

namespace {

struct BlockVersion
{
    QString version;
    QString field; // where it is (or would be) written, for the error refusing it
};

// Before 0.5 each block says its version; a writer that left it out is read by the form of what
// it wrote: axes as objects (0.4), axes as names (0.3), no axes (0.2).
Result<BlockVersion> blockVersion(const Fields &top)
{
    struct Source
    {
        const char *block;
        bool isList;
    };
    for (const Source s : {Source{"multiscales", true}, Source{"plate", false}, Source{"well", false},
                           Source{"image-label", false}}) {
        const json *v = top.find(s.block);
        if (!v) continue;
        const QString where = s.isList ? Fields::itemPath(top.pathOf(s.block), 0) : top.pathOf(s.block);
        const QString field = where + QStringLiteral(".version");
        const json *holder = s.isList && v->is_array() && !v->empty() ? &(*v)[0] : v;
        if (!holder->is_object()) return BlockVersion{QStringLiteral("0.4"), field}; // its parser says why
        const Fields f(*holder, where);
        ZS_TRY(const QString version, f.optionalText("version"));
        if (!version.isEmpty()) return BlockVersion{version, field};
        if (!s.isList) return BlockVersion{QStringLiteral("0.4"), field};
        const json *axes = f.find("axes");
        if (!axes) return BlockVersion{QStringLiteral("0.2"), field};
        if (axes->is_array() && !axes->empty() && (*axes)[0].is_string())
            return BlockVersion{QStringLiteral("0.3"), field};
        return BlockVersion{QStringLiteral("0.4"), field};
    }
    return BlockVersion{QStringLiteral("0.4"), QStringLiteral("version")};
}

Result<OmeGroup> parseBlocks(const Fields &f, const QString &version, bool labelsGroup)
{
    OmeGroup g;
    g.version = version;
    if (const json *m = f.find("multiscales")) {
        g.kind = OmeGroup::Kind::Multiscales;
        ZS_TRY(g.multiscales, parseMultiscales(*m, f.pathOf("multiscales"), version));
        if (const json *omero = f.find("omero")) {
            ZS_TRY(Omero o, parseOmero(*omero, f.pathOf("omero")));
            g.omero = std::move(o);
        }
        if (const json *label = f.find("image-label")) {
            ZS_TRY(ImageLabel l, parseImageLabel(*label, f.pathOf("image-label")));
            g.imageLabel = std::move(l);
        }
    } else if (const json *plate = f.find("plate")) {
        g.kind = OmeGroup::Kind::Plate;
        ZS_TRY(Plate p, parsePlate(*plate, f.pathOf("plate")));
        g.plate = std::move(p);
    } else if (const json *well = f.find("well")) {
        g.kind = OmeGroup::Kind::Well;
        ZS_TRY(Well w, parseWell(*well, f.pathOf("well")));
        g.well = std::move(w);
    } else if (labelsGroup) {
        g.kind = OmeGroup::Kind::Labels;
        ZS_TRY(g.labels, parseLabelsList(*f.find("labels"), f.pathOf("labels")));
    }
    return g;
}

} // namespace

Result<std::optional<OmeGroup>> parseOmeGroup(const json &attributes, const QString &groupName)
{
    using Found = std::optional<OmeGroup>;
    if (!attributes.is_object()) return Found();
    const auto ome = attributes.find("ome");
    if (ome != attributes.end() && ome->is_object()) { // 0.5: one namespace, one version
        const Fields f(*ome, QStringLiteral("ome"));
        ZS_TRY(const QString version, f.text("version"));
        if (!isSupportedVersion(version))
            return f.error(
                QStringLiteral("unsupported OME-Zarr version \"%1\" (0.1-0.5 are read)").arg(version),
                "version");
        if (!f.has("multiscales") && !f.has("plate") && !f.has("well") && !f.has("labels")) return Found();
        ZS_TRY(OmeGroup g, parseBlocks(f, version, f.has("labels")));
        return Found(std::move(g));
    }
    const Fields f(attributes, QString());
    const json *labels = f.find("labels");
    const bool labelsGroup = labels && groupName == QLatin1String("labels") && labels->is_array();
    if (!f.has("multiscales") && !f.has("plate") && !f.has("well") && !labelsGroup) return Found();
    ZS_TRY(const BlockVersion found, blockVersion(f));
    if (!isSupportedVersion(found.version))
        return makeError(
            QStringLiteral("unsupported OME-NGFF version \"%1\" (0.1-0.5 are read)").arg(found.version),
            found.field);
    ZS_TRY(OmeGroup g, parseBlocks(f, found.version, labelsGroup));
    return Found(std::move(g));
}

} // namespace zs::ome
