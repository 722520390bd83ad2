#include "CliArgs.h"

// Options every command that opens a store accepts (they matter for remote stores).
static QStringList withStoreFlags(QStringList flags)
{
    return flags << QStringLiteral("--http2") << QStringLiteral("--http1")
                 << QStringLiteral("--forbidden-as-missing") << QStringLiteral("--anonymous")
                 << QStringLiteral("--s3-requester-pays");
}
static QStringList withStoreValued(QStringList valued)
{
    return valued << QStringLiteral("--s3-endpoint") << QStringLiteral("--s3-region")
                  << QStringLiteral("--timeout-ms") << QStringLiteral("--s3-profile")
                  << QStringLiteral("--gcs-endpoint") << QStringLiteral("--gcs-key")
                  << QStringLiteral("--header") << QStringLiteral("--ca-cert");
}

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs = {
        {QStringLiteral("ls"), 1, 1, withStoreFlags({QStringLiteral("--json"), QStringLiteral("--strict")}),
         withStoreValued({}), QStringLiteral("ls STORE [--json] [--strict]")},
        {QStringLiteral("info"), 1, 2, withStoreFlags({QStringLiteral("--json")}), withStoreValued({}),
         QStringLiteral("info STORE [ARRAY] [--json]")},
        {QStringLiteral("get"), 2, 2, withStoreFlags({QStringLiteral("--decode")}),
         withStoreValued({QStringLiteral("--select"), QStringLiteral("-o"), QStringLiteral("--concurrency"),
                          QStringLiteral("--cache-mib"), QStringLiteral("--level")}),
         QStringLiteral(
             "get STORE ARRAY [--select SEL] [--decode] [--concurrency N] [--cache-mib N] -o OUT.npy\n"
             "  zarrscope-cli get STORE IMAGE --level N [--select SEL] -o OUT.npy")},
        {QStringLiteral("bench"), 2, 2, withStoreFlags({QStringLiteral("--json")}),
         withStoreValued({QStringLiteral("--select"), QStringLiteral("--mode"),
                          QStringLiteral("--concurrency"), QStringLiteral("--cache-bust"),
                          QStringLiteral("--cache-mib")}),
         QStringLiteral("bench STORE ARRAY [--select SEL] [--mode sequential|concurrent|both] [--concurrency "
                        "N] [--cache-mib N] [--json]")},
        {QStringLiteral("export"), 2, 2, withStoreFlags({QStringLiteral("--resume")}),
         withStoreValued({QStringLiteral("-o"), QStringLiteral("--zarr-format"), QStringLiteral("--select"),
                          QStringLiteral("--chunks"), QStringLiteral("--shards"), QStringLiteral("--codec"),
                          QStringLiteral("--concurrency"), QStringLiteral("--cache-mib"),
                          QStringLiteral("--levels")}),
         QStringLiteral(
             "export STORE PATH -o DIR [--zarr-format 2|3] [--select SEL] [--chunks C1,C2,...] "
             "[--shards S1,S2,...] "
             "[--codec blosc-lz4|blosc-zstd|zstd|gzip|none] [--resume] [--concurrency N] [--cache-mib N]\n"
             "  zarrscope-cli export STORE IMAGE -o DIR [--levels L1,L2,...] [--zarr-format 2|3] "
             "(OME-Zarr)")},
        {QStringLiteral("scrub"), 2, 2, withStoreFlags({QStringLiteral("--json")}),
         withStoreValued({QStringLiteral("--dims"), QStringLiteral("--axis"), QStringLiteral("--steps"),
                          QStringLiteral("--start"), QStringLiteral("--cache-mib")}),
         QStringLiteral(
             "scrub STORE ARRAY [--dims D1,D2] [--axis D] [--steps N] [--start I] [--cache-mib N] [--json]")},
        {QStringLiteral("serve"),
         1,
         1,
         {QStringLiteral("--http2"), QStringLiteral("--autoindex")},
         {QStringLiteral("--port"), QStringLiteral("--latency-ms"), QStringLiteral("--faults"),
          QStringLiteral("--require-header")},
         QStringLiteral("serve DIR [--port P] [--latency-ms L] [--http2] [--autoindex] [--faults FILE.json] "
                        "[--require-header \"Name: value\"]")},
        {QStringLiteral("demo"),
         0,
         0,
         {QStringLiteral("--json")},
         {QStringLiteral("--latency-ms"), QStringLiteral("--concurrency")},
         QStringLiteral("demo [--latency-ms L] [--concurrency N] [--json]")},
    };
    return specs;
}

QString usageText()
{
    QString text = QStringLiteral("usage: zarrscope-cli COMMAND ...\n");
    for (const auto &s : commandSpecs())
        text += QStringLiteral("  zarrscope-cli %1\n").arg(s.usage);
    text += QStringLiteral(
        "  zarrscope-cli --version\n"
        "STORE is a directory, file://, http(s)://, s3://bucket/prefix, gs://bucket/prefix or\n"
        "  az://container/prefix.\n"
        "SEL is NumPy syntax, e.g. 0:10,5,::2,...\n"
        "Store options: --http2 (cleartext h2c), --http1 (no HTTP/2 over TLS either),\n"
        "  --ca-cert FILE.pem (trusted besides the system's), --forbidden-as-missing (HTTP 403\n"
        "  reads as fill), --s3-endpoint URL, --s3-region R, --timeout-ms MS (stalled transfers).\n"
        "Credentials (README, Private data): --s3-profile P, --s3-requester-pays, --anonymous,\n"
        "  --gcs-key FILE, --gcs-endpoint URL, --header \"Name: value\" (repeatable).\n"
        "Exit status: 0 done, 1 usage error, 2 data, format or I/O error.\n");
    return text;
}

std::optional<CliArgs> parseArgs(const QStringList &args, QString *error)
{
    if (args.isEmpty()) {
        *error = QStringLiteral("no command given");
        return std::nullopt;
    }
    CliArgs out;
    out.command = args.first();
    const auto it = std::find_if(commandSpecs().begin(), commandSpecs().end(),
                                 [&](const CommandSpec &s) { return s.name == out.command; });
    if (it == commandSpecs().end()) {
        *error = QStringLiteral("unknown command \"%1\"").arg(out.command);
        return std::nullopt;
    }
    const CommandSpec &spec = *it;
    bool optionsEnded = false;
    for (int i = 1; i < args.size(); ++i) {
        QString a = args[i];
        if (!optionsEnded && a == u"--") {
            optionsEnded = true;
            continue;
        }
        // A lone "-" or a negative-looking selection is not an option; "" (the root array) is positional.
        const bool looksLikeOption = !optionsEnded && a.startsWith(u'-') && a.size() > 1;
        if (!looksLikeOption) {
            out.positional << a;
            continue;
        }
        QString value;
        bool inlineValue = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(u'=')) {
            value = a.mid(a.indexOf(u'=') + 1);
            a = a.left(a.indexOf(u'='));
            inlineValue = true;
        }
        if (spec.flags.contains(a)) {
            if (inlineValue) {
                *error = QStringLiteral("option %1 takes no value").arg(a);
                return std::nullopt;
            }
            out.options.insert(a, QString());
        } else if (spec.valued.contains(a)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    *error = QStringLiteral("option %1 needs a value").arg(a);
                    return std::nullopt;
                }
                value = args[++i];
            }
            out.options.insert(a, value);
            out.repeated[a].append(value);
        } else {
            *error = QStringLiteral("unknown option %1 for %2").arg(a, spec.name);
            return std::nullopt;
        }
    }
    if (out.positional.size() < spec.minPositional || out.positional.size() > spec.maxPositional) {
        *error = QStringLiteral("usage: zarrscope-cli %1").arg(spec.usage);
        return std::nullopt;
    }
    return out;
}
