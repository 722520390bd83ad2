#include "CliOme.h"
#include "Commands.h"

#include "hierarchy/Hierarchy.h"

#include <cstdio>

zs::StoreOptions storeOptions(const CliArgs &args, int concurrency)
{
    zs::StoreOptions o;
    o.fetch.concurrency = concurrency;
    o.fetch.http2Cleartext = args.has(QStringLiteral("--http2"));
    o.fetch.http2 = !args.has(QStringLiteral("--http1"));
    o.fetch.caCertificatesFile = args.value(QStringLiteral("--ca-cert"));
    o.fetch.forbiddenAsMissing = args.has(QStringLiteral("--forbidden-as-missing"));
    o.fetch.cacheBust = args.value(QStringLiteral("--cache-bust"));
    bool ok = false;
    const int timeout = args.value(QStringLiteral("--timeout-ms")).toInt(&ok);
    if (ok && timeout > 0) o.fetch.transferTimeoutMs = timeout;
    o.s3Endpoint = args.value(QStringLiteral("--s3-endpoint"));
    o.s3Region = args.value(QStringLiteral("--s3-region"));
    o.credentials.anonymous = args.has(QStringLiteral("--anonymous"));
    o.credentials.s3Profile = args.value(QStringLiteral("--s3-profile"));
    o.credentials.s3RequesterPays = args.has(QStringLiteral("--s3-requester-pays"));
    o.credentials.gcsEndpoint = args.value(QStringLiteral("--gcs-endpoint"));
    o.credentials.gcsKeyFile = args.value(QStringLiteral("--gcs-key"));
    o.credentials.headers = args.values(QStringLiteral("--header"));
    return o;
}

std::optional<int> concurrencyOption(const CliArgs &args)
{
    bool ok = true;
    const int n = args.value(QStringLiteral("--concurrency"), QStringLiteral("64")).toInt(&ok);
    if (!ok || n < 1 || n > 512) {
        reportUsage(QStringLiteral("--concurrency must be an integer from 1 to 512"));
        return std::nullopt;
    }
    return n;
}

std::optional<std::uint64_t> cacheMibOption(const CliArgs &args, std::uint64_t fallback)
{
    if (!args.has(QStringLiteral("--cache-mib"))) return fallback;
    bool ok = true;
    const qlonglong n = args.value(QStringLiteral("--cache-mib")).toLongLong(&ok);
    if (!ok || n < 0 || n > (1 << 20)) {
        reportUsage(QStringLiteral("--cache-mib must be an integer from 0 to 1048576"));
        return std::nullopt;
    }
    return std::uint64_t(n);
}

std::optional<std::shared_ptr<zs::ChunkCache>> cacheOption(const CliArgs &args, std::uint64_t fallbackMib)
{
    const auto mib = cacheMibOption(args, fallbackMib);
    if (!mib) return std::nullopt;
    if (*mib == 0) return std::shared_ptr<zs::ChunkCache>();
    return std::make_shared<zs::ChunkCache>(*mib << 20);
}

QString nodePathArgument(const CliArgs &args)
{
    QString path = args.positional.value(1);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

zs::Result<OpenedNode> openNode(const CliArgs &args, const QString &path, bool wantArray, int concurrency)
{
    ZS_TRY(auto store, zs::openStore(args.positional[0], storeOptions(args, concurrency)));
    ZS_TRY(zs::NodeMetadata node, zs::loadNode(*store, path));
    if (wantArray && !node.isArray())
        return zs::makeError(QStringLiteral("not an array (a group)"),
                             path.isEmpty() ? QStringLiteral("/") : path);
    return OpenedNode{std::move(store), std::move(node)};
}

zs::Result<OpenedSelection> openArraySelection(const CliArgs &args, int concurrency)
{
    OpenedNode opened;
    if (args.has(QStringLiteral("--level"))) { // a level of a multiscale image (OME-Zarr)
        bool ok = false;
        const int level = args.value(QStringLiteral("--level")).toInt(&ok);
        if (!ok)
            return zs::makeError(QStringLiteral("--level needs a level number"),
                                 args.value(QStringLiteral("--level")));
        ZS_TRY(OpenedNode image, openNode(args, nodePathArgument(args), false, concurrency));
        ZS_TRY(zs::NodeMetadata node, omeLevel(*image.store, image.node, level));
        opened = OpenedNode{std::move(image.store), std::move(node)};
    } else {
        ZS_TRY(OpenedNode array, openNode(args, nodePathArgument(args), true, concurrency));
        opened = std::move(array);
    }
    ZS_TRY(zs::Selection selection,
           zs::parseSelection(args.value(QStringLiteral("--select")), opened.node.array->shape));
    return OpenedSelection{std::move(opened), std::move(selection)};
}

int reportError(const zs::Error &error)
{
    // One line, whatever the message holds.
    QString line = error.toString();
    line.replace(u'\n', u' ');
    std::fprintf(stderr, "error: %s\n", qPrintable(line));
    return ExitCode::DataError;
}

int reportUsage(const QString &message)
{
    std::fprintf(stderr, "zarrscope-cli: %s\n%s", qPrintable(message), qPrintable(usageText()));
    return ExitCode::Usage;
}

void printOut(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, utf8.size(), stdout);
    std::fflush(stdout);
}
