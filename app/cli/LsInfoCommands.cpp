// `ls` and `info`: the hierarchy and one node's metadata.

#include "CliOme.h"
#include "Commands.h"
#include "InfoConventions.h"
#include "metadata/JsonNonFinite.h"

#include "hierarchy/EntryJson.h"
#include "hierarchy/Hierarchy.h"
#include "metadata/NodeJson.h"
#include "util/ShapeText.h"

using json = nlohmann::ordered_json;

static QString shapeText(const json &shape)
{
    return zs::shapeText(shape.get<std::vector<std::uint64_t>>());
}

// One text row: path, kind, format, then the array's layout, or ERROR and the reason.
static QString lsRow(const zs::HierarchyEntry &e)
{
    const json s = zs::entrySummary(e);
    const QString path = e.path.isEmpty() ? QStringLiteral("/") : u'/' + e.path;
    const QString kind =
        s.contains("kind") ? QString::fromStdString(s["kind"].get<std::string>()) : QStringLiteral("?");
    const QString format = s.contains("zarr_format") ? QStringLiteral("v%1").arg(s["zarr_format"].get<int>())
                                                     : QStringLiteral("v?");
    if (e.failed()) return QStringLiteral("%1  %2  %3  ERROR %4\n").arg(path, kind, format, e.error);
    if (e.node->isArray())
        return QStringLiteral("%1  array  %2  %3 %4  chunks %5\n")
            .arg(path, format, QString::fromStdString(s["dtype"].get<std::string>()), shapeText(s["shape"]),
                 shapeText(s["chunks"]));
    return QStringLiteral("%1  group  %2\n").arg(path, format);
}

int runLs(const CliArgs &args)
{
    auto store = zs::openStore(args.positional[0], storeOptions(args, 64));
    if (!store) return reportError(store.error());
    // One bad node never hides the others: it is listed with its reason.
    auto entries = zs::discoverHierarchy(**store);
    if (!entries) return reportError(entries.error());
    int failed = 0;
    if (args.has(QStringLiteral("--json"))) {
        json out = json::array();
        for (const auto &e : *entries) {
            if (!e.node && e.error.isEmpty()) continue; // not a node
            json row = zs::entrySummary(e);
            if (e.node) addOmeMark(row, *e.node);
            out.push_back(std::move(row));
            failed += e.failed();
        }
        printOut(QString::fromStdString(zs::dumpJson(out, 2)) + u'\n');
    } else {
        for (const auto &e : *entries) {
            if (!e.node && e.error.isEmpty()) continue;
            printOut(lsRow(e));
            failed += e.failed();
        }
    }
    if (failed && args.has(QStringLiteral("--strict")))
        return reportError(
            zs::makeError(QStringLiteral("%1 node(s) could not be loaded (--strict)").arg(failed)));
    return ExitCode::Ok;
}

int runInfo(const CliArgs &args)
{
    const QString path = nodePathArgument(args);
    auto opened = openNode(args, path, false);
    if (!opened) return reportError(opened.error());
    const zs::NodeMetadata *node = &opened->node;
    json details = zs::nodeDetails(*node);
    // Arrays: what the CF/xarray conventions make of them (coordinates are read for first/last).
    std::optional<InfoConventions> conventions;
    if (node->isArray()) {
        conventions = resolveInfoConventions(*opened);
        addConventionsJson(details, *conventions);
    }
    // Groups: what OME-Zarr metadata makes of them (a multiscale image's levels are opened).
    auto ome = resolveCliOme(*opened->store, *node);
    if (!ome) return reportError(ome.error());
    details["ome"] = cliOmeJson(*ome);
    const QString credentials = opened->store->credentialSource(); // words only, never a secret
    if (!credentials.isEmpty()) details["credentials"] = credentials.toStdString();
    if (args.has(QStringLiteral("--json"))) {
        printOut(QString::fromStdString(zs::dumpJson(details, 2)) + u'\n');
        return ExitCode::Ok;
    }
    QString text;
    text += QStringLiteral("path:        %1\n").arg(path.isEmpty() ? QStringLiteral("/") : path);
    if (!credentials.isEmpty()) text += QStringLiteral("credentials: %1\n").arg(credentials);
    text += QStringLiteral("kind:        %1 (Zarr v%2)\n")
                .arg(node->isArray() ? "array" : "group")
                .arg(node->zarrFormat);
    if (node->isArray()) {
        const auto &a = *node->array;
        text += QStringLiteral("shape:       %1\n").arg(shapeText(details["shape"]));
        text += QStringLiteral("chunks:      %1\n").arg(shapeText(details["chunks"]));
        if (details.contains("shards"))
            text += QStringLiteral("shards:      %1\n").arg(shapeText(details["shards"]));
        text += QStringLiteral("dtype:       %1 (%2)\n").arg(a.dtype.name, a.dtype.numpyTypeString());
        text += QStringLiteral("fill_value:  %1\n").arg(QString::fromStdString(zs::dumpJson(a.fillJson)));
        if (a.zarrFormat == 2) text += QStringLiteral("order:       %1\n").arg(QChar::fromLatin1(a.order));
        text += QStringLiteral("chunk keys:  %1\n").arg(a.keyEncoding.describe());
        text += QStringLiteral("chunk count: %1\n").arg(a.chunkCount());
        text += QStringLiteral("codecs:\n");
        for (const auto &c : details["codecs"])
            text += QStringLiteral("  %1 %2\n")
                        .arg(QString::fromStdString(c["name"].get<std::string>()),
                             QString::fromStdString(zs::dumpJson(c["configuration"])));
        text += conventionsText(*conventions);
    }
    text += cliOmeText(*ome);
    text +=
        QStringLiteral("attributes:  %1\n").arg(QString::fromStdString(zs::dumpJson(node->attributes, 2)));
    printOut(text);
    return ExitCode::Ok;
}
