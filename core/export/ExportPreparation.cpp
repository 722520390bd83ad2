#include "export/ExportPreparation.h"

#include "cf/NodeLookup.h"
#include "export/ConsolidatedMetadata.h"
#include "export/ExportCoordinates.h"
#include "export/OmeExport.h"
#include "export/SafeKey.h"
#include "hierarchy/Hierarchy.h"
#include "metadata/Json.h"
#include "metadata/JsonNonFinite.h"
#include "metadata/MetadataParser.h"

#include <QDir>

namespace zs {

using nlohmann::json;

namespace {

QString shown(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("/") : path;
}

// The node at `path` and, for a group, every node below it (sorted, the node itself first).
// A node below it that cannot be loaded does not stop the others: it is left out and named in
// `skipped`, so the user is told what the export does not contain.
Result<std::vector<NodeMetadata>> subtree(Store &store, const QString &path, QStringList &skipped)
{
    ZS_TRY(NodeMetadata node, loadNode(store, path));
    if (node.isArray()) return std::vector<NodeMetadata>{std::move(node)};
    ZS_TRY(HierarchyEntries entries, discoverHierarchy(store));
    std::vector<NodeMetadata> nodes;
    for (HierarchyEntry &e : entries) {
        if (!path.isEmpty() && e.path != path && !e.path.startsWith(path + u'/')) continue;
        if (e.failed()) {
            if (e.path == path) return makeError(e.error);
            skipped << QStringLiteral("not exported, it could not be loaded: /%1: %2").arg(e.path, e.error);
            continue;
        }
        if (!e.node) continue; // a directory on the way to other nodes
        nodes.push_back(std::move(*e.node));
    }
    if (nodes.empty() || nodes.front().path != path) // a listing without the node itself
        nodes.insert(nodes.begin(), std::move(node));
    return nodes;
}

Status checkTargetDirectory(const QString &dir, bool resume)
{
    const QFileInfo info(dir);
    if (!info.exists()) return Ok{};
    if (!info.isDir())
        return makeError(QStringLiteral("the export target exists and is not a directory"), dir);
    if (!resume && !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return makeError(
            QStringLiteral("the export directory is not empty (use --resume to finish an interrupted "
                           "export into it)"),
            dir);
    return Ok{};
}

// Writes a metadata document, or, when it is already there (a resumed export), checks it matches.
Status writeDocument(const ChunkFileWriter &writer, const MetadataDocument &doc, bool resume)
{
    const QByteArray text = QByteArray::fromStdString(dumpJson(doc.content, 4)) + '\n';
    if (resume) {
        ZS_TRY(auto existing, writer.read(doc.key));
        if (existing) {
            auto parsed = parseJsonDocument(*existing, writer.filePath(doc.key));
            // Compared as text: NaN attributes never compare equal as values.
            if (!parsed || dumpJson(*parsed, 4) != dumpJson(doc.content, 4))
                return makeError(
                    QStringLiteral("the existing metadata differs from this export's; export to a new "
                                   "directory or use the same options"),
                    writer.filePath(doc.key));
            return Ok{};
        }
    }
    return writer.write(doc.key, text);
}

} // namespace

Result<PreparedExport> prepareExport(Store &store, const QString &path, const QString &targetDir,
                                     const ExportOptions &options)
{
    if (options.zarrFormat != 0 && options.zarrFormat != 2 && options.zarrFormat != 3)
        return makeError(QStringLiteral("zarr format must be 2 or 3"));
    ZS_CHECK(checkSafeKey(path, true));
    ZS_CHECK(checkTargetDirectory(targetDir, options.resume));
    QStringList skipped;
    ZS_TRY(std::vector<NodeMetadata> nodes, subtree(store, path, skipped));
    const bool single = nodes.size() == 1 && nodes.front().isArray();
    if (!single && (!options.selection.isEmpty() || !options.chunks.empty() || !options.shards.empty()))
        return makeError(
            QStringLiteral("a selection, a chunk or a shard shape applies to one array, not to a group"),
            shown(path));
    if (!options.shards.empty() && options.zarrFormat == 2)
        return makeError(QStringLiteral("sharding needs Zarr v3 output"), shown(path));

    // What goes where, with which options: the node and its subtree as they are, or an array
    // with its coordinates gathered into one group.
    struct Planned
    {
        NodeMetadata node;
        QString outPath;
        ExportOptions options;
        int format = 0;
    };
    std::vector<Planned> planned;
    // Shards exist only in v3: asking for them picks v3 output.
    auto formatOf = [&](const NodeMetadata &n) {
        return options.zarrFormat ? options.zarrFormat : !options.shards.empty() ? 3 : n.zarrFormat;
    };
    OmeExport ome;
    if (!single) {
        ZS_TRY(OmeExport prepared, prepareOmeExport(nodes, path, options, formatOf));
        ome = std::move(prepared);
    } else if (!options.levels.empty()) {
        return makeError(
            QStringLiteral("--levels needs a multiscale image (OME-Zarr multiscales), not an array"),
            shown(path));
    }
    if (single && options.includeCoordinates) {
        const NodeMetadata &array = nodes.front();
        const auto selection = parseSelection(options.selection, array.array->shape);
        if (!selection) return selection.error().at(shown(path));
        std::vector<CoordinateExport> coordinates = coordinatesToExport(store, array, *selection, skipped);
        if (!coordinates.empty()) {
            const int format = formatOf(array);
            NodeMetadata group; // its group's attributes (xarray's global attributes) come along
            group.path = cf::enclosingGroups(array.path).front();
            group.zarrFormat = format;
            if (auto parent = findNode(store, group.path); parent && parent->node && !parent->node->isArray())
                group.attributes = parent->node->attributes;
            planned.push_back({group, QString(), options, format});
            planned.push_back({array, array.path.mid(array.path.lastIndexOf(u'/') + 1), options, format});
            for (CoordinateExport &c : coordinates) {
                ExportOptions own = options; // the same format and codec; its own chunks
                own.selection = c.selection;
                own.chunks.clear();
                own.shards.clear();
                planned.push_back({std::move(c.node), c.outName, own, format});
            }
        }
    }
    if (planned.empty()) {
        for (NodeMetadata &node : nodes) {
            const QString outPath = path.isEmpty() ? node.path : node.path.mid(path.size() + 1);
            const int format = formatOf(node);
            ExportOptions own = options;
            if (format == 2 && ome.levelArrays.contains(node.path))
                own.v2Separator = '/'; // 0.4 wants "/" keys
            planned.push_back({std::move(node), outPath, own, format});
        }
    }

    PreparedExport out;
    out.notes = skipped;
    std::vector<MetadataDocument> documents;
    const ChunkFileWriter writer(targetDir);
    for (const Planned &p : planned) {
        const NodeMetadata &node = p.node;
        // The source's own paths first: a consolidated listing may name anything.
        ZS_CHECK(checkSafeKey(node.path, true));
        ZS_CHECK(checkSafeKey(p.outPath, true));
        if (!node.isArray()) {
            ++out.groups;
            for (auto &d : groupDocuments(node, p.outPath, p.format))
                documents.push_back(std::move(d));
            continue;
        }
        // Variable-length items would need their object codec written back: not done yet.
        if (node.array->dtype.isVariableLength())
            return makeError(
                QStringLiteral("exporting %1 arrays is not supported").arg(node.array->dtype.name),
                shown(node.path));
        ZS_TRY(TargetArray target, planArrayMetadata(node, p.outPath, p.options, p.format));
        for (const QString &note : target.notes)
            if (!out.notes.contains(note)) out.notes << note;
        auto plan = ExportPlan::make(target.selection, target.meta.chunks, target.meta.dtype.size,
                                     options.batchBytes);
        if (!plan) return plan.error().at(shown(node.path));
        documents.insert(documents.end(), target.documents.begin(), target.documents.end());
        out.arrays.push_back(std::make_shared<const ArrayExportJob>(
            ArrayExportJob{std::move(target), std::move(*plan), writer}));
    }
    // A whole group gets consolidated metadata, in its own format.
    if (!planned.front().node.isArray()) consolidate(documents, planned.front().format);
    for (const MetadataDocument &doc : documents)
        ZS_CHECK(checkSafeKey(doc.key));
    // Nothing is created until every key has passed.
    ZS_CHECK(writer.prepareRoot());
    if (options.resume) // a killed export's temporary files: never renamed, never to be
        ZS_CHECK(writer.removeStrayPartials());
    for (const MetadataDocument &doc : documents)
        ZS_CHECK(writeDocument(writer, doc, options.resume));
    return out;
}

} // namespace zs
