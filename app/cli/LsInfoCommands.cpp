// `ls` and `info`: the hierarchy and one node's metadata.

#include "Commands.h"

#include "hierarchy/Hierarchy.h"
#include "metadata/NodeJson.h"

using json = nlohmann::ordered_json;

static QString shapeText(const json &shape)
{
    QStringList parts;
    for (const auto &d : shape)
        parts << QString::number(d.get<qulonglong>());
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

int runLs(const CliArgs &args)
{
    auto store = zs::openStore(args.positional[0], storeOptions(args, 64));
    if (!store)
        return reportError(store.error());
    auto nodes = zs::listNodes(**store);
    if (!nodes)
        return reportError(nodes.error());
    if (args.has(QStringLiteral("--json"))) {
        json out = json::array();
        for (const auto &n : *nodes)
            out.push_back(zs::nodeSummary(n));
        printOut(QString::fromStdString(out.dump(2)) + u'\n');
        return ExitCode::Ok;
    }
    for (const auto &n : *nodes) {
        const json s = zs::nodeSummary(n);
        const QString path = n.path.isEmpty() ? QStringLiteral("/") : u'/' + n.path;
        if (n.isArray())
            printOut(QStringLiteral("%1  array  v%2  %3 %4  chunks %5\n")
                         .arg(path)
                         .arg(n.zarrFormat)
                         .arg(QString::fromStdString(s["dtype"].get<std::string>()), shapeText(s["shape"]),
                              shapeText(s["chunks"])));
        else
            printOut(QStringLiteral("%1  group  v%2\n").arg(path).arg(n.zarrFormat));
    }
    return ExitCode::Ok;
}

int runInfo(const CliArgs &args)
{
    const QString path = args.positional.value(1);
    auto opened = openNode(args, path, false);
    if (!opened)
        return reportError(opened.error());
    const zs::NodeMetadata *node = &opened->node;
    const json details = zs::nodeDetails(*node);
    if (args.has(QStringLiteral("--json"))) {
        printOut(QString::fromStdString(details.dump(2)) + u'\n');
        return ExitCode::Ok;
    }
    QString text;
    text += QStringLiteral("path:        %1\n").arg(path.isEmpty() ? QStringLiteral("/") : path);
    text += QStringLiteral("kind:        %1 (Zarr v%2)\n").arg(node->isArray() ? "array" : "group").arg(node->zarrFormat);
    if (node->isArray()) {
        const auto &a = *node->array;
        text += QStringLiteral("shape:       %1\n").arg(shapeText(details["shape"]));
        text += QStringLiteral("chunks:      %1\n").arg(shapeText(details["chunks"]));
        if (details.contains("shards"))
            text += QStringLiteral("shards:      %1\n").arg(shapeText(details["shards"]));
        text += QStringLiteral("dtype:       %1 (%2)\n").arg(a.dtype.name, a.dtype.numpyTypeString());
        text += QStringLiteral("fill_value:  %1\n").arg(QString::fromStdString(a.fillJson.dump()));
        if (a.zarrFormat == 2)
            text += QStringLiteral("order:       %1\n").arg(QChar::fromLatin1(a.order));
        if (!a.dimensionNames.isEmpty())
            text += QStringLiteral("dimensions:  %1\n").arg(a.dimensionNames.join(QStringLiteral(", ")));
        text += QStringLiteral("chunk keys:  %1\n").arg(a.keyEncoding.describe());
        text += QStringLiteral("chunk count: %1\n").arg(a.chunkCount());
        text += QStringLiteral("codecs:\n");
        for (const auto &c : details["codecs"])
            text += QStringLiteral("  %1 %2\n").arg(QString::fromStdString(c["name"].get<std::string>()),
                                                     QString::fromStdString(c["configuration"].dump()));
    }
    text += QStringLiteral("attributes:  %1\n").arg(QString::fromStdString(node->attributes.dump(2)));
    printOut(text);
    return ExitCode::Ok;
}
