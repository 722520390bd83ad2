// `export`: a node of a store (an array, or a group with its subtree) into a local directory
// store, in Zarr v2 or v3, optionally a selection, rechunked or recompressed, or some levels of an
// OME-Zarr multiscale image (its metadata converted between 0.4 and 0.5 with the format). Resumable.

#include "Commands.h"

#include "export/GroupExporter.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace {

QString duration(double seconds)
{
    const qint64 s = qint64(std::llround(seconds));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// A one-line bar on stderr, redrawn at most ten times a second, only when stderr is a terminal.
class ProgressBar
{
public:
    ProgressBar() : m_enabled(::isatty(::fileno(stderr)) == 1) { m_clock.start(); }
    void update(quint64 done, quint64 total, quint64 bytes, bool force = false)
    {
        if (!m_enabled || (!force && m_lastDraw >= 0 && m_clock.elapsed() - m_lastDraw < 100)) return;
        m_lastDraw = m_clock.elapsed();
        const double seconds = std::max(1e-3, m_clock.elapsed() / 1000.0);
        const double fraction = total ? double(done) / double(total) : 1.0;
        const int width = 30;
        const int filled = int(fraction * width);
        const QString bar = QString(filled, u'#') + QString(width - filled, u'.');
        const double rate = bytes / seconds;
        const QString eta =
            done > 0 && done < total ? duration(seconds * (total - done) / done) : QStringLiteral("-");
        std::fprintf(stderr, "\r[%s] %3d%% %llu/%llu chunks  %.1f MB/s  left %s ", qPrintable(bar),
                     int(fraction * 100), (unsigned long long)done, (unsigned long long)total, rate / 1e6,
                     qPrintable(eta));
        std::fflush(stderr);
        m_drawn = true;
    }
    void end()
    {
        if (m_drawn) std::fprintf(stderr, "\n");
    }

private:
    bool m_enabled;
    bool m_drawn = false;
    qint64 m_lastDraw = -1;
    QElapsedTimer m_clock;
};

// "0,2": the levels of a multiscale image; nullopt unless each is a number >= 0.
std::optional<std::vector<int>> levelList(const QString &text)
{
    std::vector<int> levels;
    for (const QString &part : text.split(u',')) {
        bool ok = false;
        const int level = part.trimmed().toInt(&ok);
        if (!ok || level < 0) return std::nullopt;
        levels.push_back(level);
    }
    return levels;
}

} // namespace

int runExport(const CliArgs &args)
{
    const QString dir = args.value(QStringLiteral("-o"));
    if (dir.isEmpty()) return reportUsage(QStringLiteral("export needs -o DIR"));
    const auto concurrency = concurrencyOption(args);
    if (!concurrency) return ExitCode::Usage;
    zs::ExportOptions options;
    const auto cache = cacheOption(args, 0);
    if (!cache) return ExitCode::Usage;
    options.cache = *cache;
    options.resume = args.has(QStringLiteral("--resume"));
    options.selection = args.value(QStringLiteral("--select"));
    if (args.has(QStringLiteral("--zarr-format"))) {
        const QString f = args.value(QStringLiteral("--zarr-format"));
        if (f != u"2" && f != u"3") return reportUsage(QStringLiteral("--zarr-format must be 2 or 3"));
        options.zarrFormat = f.toInt();
    }
    if (args.has(QStringLiteral("--codec"))) {
        const auto codec = zs::parseExportCodec(args.value(QStringLiteral("--codec")));
        if (!codec || *codec == zs::ExportCodec::Source)
            return reportUsage(QStringLiteral("--codec must be blosc-lz4, blosc-zstd, zstd, gzip or none"));
        options.codec = *codec;
    }
    if (args.has(QStringLiteral("--chunks"))) {
        const auto chunks = zs::parseSizeList(args.value(QStringLiteral("--chunks")));
        if (!chunks)
            return reportUsage(
                QStringLiteral("--chunks must be positive integers separated by commas, e.g. 100,100"));
        options.chunks = *chunks;
    }
    if (args.has(QStringLiteral("--levels"))) {
        const auto levels = levelList(args.value(QStringLiteral("--levels")));
        if (!levels)
            return reportUsage(
                QStringLiteral("--levels must be level numbers separated by commas, e.g. 0,2"));
        options.levels = *levels;
    }
    if (args.has(QStringLiteral("--shards"))) {
        const auto shards = zs::parseSizeList(args.value(QStringLiteral("--shards")));
        if (!shards)
            return reportUsage(
                QStringLiteral("--shards must be positive integers separated by commas, e.g. 1000,1000"));
        if (options.zarrFormat == 2)
            return reportUsage(QStringLiteral("--shards needs Zarr v3 output, not --zarr-format 2"));
        options.shards = *shards;
    }
    auto store = zs::openStore(args.positional[0], storeOptions(args, *concurrency));
    if (!store) return reportError(store.error());

    zs::GroupExporter exporter(*store, nodePathArgument(args), dir, options);
    ProgressBar bar;
    QEventLoop loop;
    std::optional<QString> failure;
    QObject::connect(&exporter, &zs::GroupExporter::notesAvailable, &loop, [](const QStringList &notes) {
        for (const QString &n : notes)
            std::fprintf(stderr, "note: %s\n", qPrintable(n));
    });
    QObject::connect(&exporter, &zs::GroupExporter::progress, &loop,
                     [&](quint64 done, quint64 total, quint64 bytes) { bar.update(done, total, bytes); });
    QObject::connect(&exporter, &zs::GroupExporter::finished, &loop, &QEventLoop::quit);
    QObject::connect(&exporter, &zs::GroupExporter::failed, &loop, [&](const zs::Error &error) {
        failure = error.toString();
        loop.quit();
    });
    exporter.start();
    loop.exec();
    const zs::ExportStats &s = exporter.stats();
    if (!failure) bar.update(s.chunksDone(), s.chunksTotal, s.bytesRead, true);
    bar.end();
    if (failure) return reportError(zs::Error{*failure, {}});
    printOut(QStringLiteral(
                 "exported %1 array(s) and %2 group(s) to %3: %4 chunks written (%5 bytes), %6 all-fill "
                 "chunks skipped, %7 already present; %8 reads, %9 bytes read in %10 s\n")
                 .arg(s.arrays)
                 .arg(s.groups)
                 .arg(dir)
                 .arg(s.chunksWritten)
                 .arg(s.bytesWritten)
                 .arg(s.chunksFill)
                 .arg(s.chunksExisting)
                 .arg(s.requests)
                 .arg(s.bytesRead)
                 .arg(s.seconds, 0, 'f', 3));
    return ExitCode::Ok;
}
