// `scrub`: a user pressing the right arrow on the Data tab's slider, measured. Drives the
// viewer's own SliceSource (the store's chunk cache and its prefetch included) to show the
// slice over --dims at each position of --axis in turn, each one complete before the next.

#include "Commands.h"

#include "array/ChunkPlan.h"
#include "bench/Statistics.h"
#include "view/SliceSource.h"

#include <QEventLoop>
#include <QTimer>
#include <set>

using json = nlohmann::ordered_json;

namespace {

// A dimension given by index or by name (v3 dimension_names, v2 _ARRAY_DIMENSIONS).
zs::Result<int> dimensionOf(const QString &token, const QStringList &names, std::size_t rank,
                            const QString &where)
{
    bool isIndex = false;
    const int index = token.toInt(&isIndex);
    if (isIndex) {
        if (index < 0 || std::size_t(index) >= rank)
            return zs::makeError(
                QStringLiteral("dimension %1 is out of range for %2 dimensions").arg(index).arg(rank), where);
        return index;
    }
    const int named = int(names.indexOf(token));
    if (named < 0 || token.isEmpty())
        return zs::makeError(QStringLiteral("no dimension named \"%1\"").arg(token), where);
    return named;
}

struct ScrubPlan
{
    std::vector<int> dims; // displayed
    int axis = -1;
    std::uint64_t start = 0;
    std::uint64_t positions = 0;
};

zs::Result<ScrubPlan> planScrub(const CliArgs &args, const zs::NodeMetadata &node, std::uint64_t steps)
{
    const zs::Shape &shape = node.array->shape;
    const QStringList names = zs::dimensionNamesOf(node);
    const QString where = node.path.isEmpty() ? QStringLiteral("/") : node.path;
    ScrubPlan plan;
    if (shape.size() < 2)
        return zs::makeError(QStringLiteral("scrub needs an array of at least 2 dimensions"), where);
    if (args.has(QStringLiteral("--dims"))) {
        const QStringList tokens = args.value(QStringLiteral("--dims")).split(u',');
        if (tokens.size() < 1 || tokens.size() > 2)
            return zs::makeError(QStringLiteral("--dims takes one or two dimensions"), where);
        for (const QString &t : tokens) {
            ZS_TRY(int d, dimensionOf(t.trimmed(), names, shape.size(), where));
            if (std::find(plan.dims.begin(), plan.dims.end(), d) != plan.dims.end())
                return zs::makeError(QStringLiteral("dimension %1 is given twice in --dims").arg(t), where);
            plan.dims.push_back(d);
        }
    } else {
        plan.dims = {int(shape.size()) - 2, int(shape.size()) - 1};
    }
    auto displayed = [&](int d) {
        return std::find(plan.dims.begin(), plan.dims.end(), d) != plan.dims.end();
    };
    if (args.has(QStringLiteral("--axis"))) {
        ZS_TRY(plan.axis,
               dimensionOf(args.value(QStringLiteral("--axis")).trimmed(), names, shape.size(), where));
        if (displayed(plan.axis))
            return zs::makeError(QStringLiteral("--axis %1 is a displayed dimension").arg(plan.axis), where);
    } else {
        for (int d = 0; d < int(shape.size()) && plan.axis < 0; ++d)
            if (!displayed(d)) plan.axis = d;
        if (plan.axis < 0)
            return zs::makeError(QStringLiteral("every dimension is displayed: none to step"), where);
    }
    bool ok = true;
    const qlonglong start = args.value(QStringLiteral("--start"), QStringLiteral("0")).toLongLong(&ok);
    const std::uint64_t length = shape[std::size_t(plan.axis)];
    if (!ok || start < 0 || std::uint64_t(start) >= length)
        return zs::makeError(QStringLiteral("--start %1 is outside 0..%2")
                                 .arg(args.value(QStringLiteral("--start")))
                                 .arg(length - 1),
                             where);
    plan.start = std::uint64_t(start);
    plan.positions = std::min(steps, length - plan.start); // stops at the end of the axis
    return plan;
}

zs::Selection sliceAt(const zs::Shape &shape, const ScrubPlan &plan, std::uint64_t position)
{
    zs::Selection s = zs::Selection::all(shape);
    for (int d = 0; d < int(shape.size()); ++d) {
        if (std::find(plan.dims.begin(), plan.dims.end(), d) != plan.dims.end()) continue;
        s.dims[std::size_t(d)] = zs::DimSelection{d == plan.axis ? position : 0, 1, 1, true};
    }
    return s;
}

} // namespace

int runScrub(const CliArgs &args)
{
    bool ok = true;
    const qlonglong steps = args.value(QStringLiteral("--steps"), QStringLiteral("100")).toLongLong(&ok);
    if (!ok || steps < 1) return reportUsage(QStringLiteral("--steps must be a positive integer"));
    const auto cache = cacheOption(args);
    if (!cache) return ExitCode::Usage;
    auto opened = openNode(args, nodePathArgument(args), true);
    if (!opened) return reportError(opened.error());
    const zs::NodeMetadata &node = opened->node;
    auto plan = planScrub(args, node, std::uint64_t(steps));
    if (!plan) return reportError(plan.error());
    const zs::Shape &shape = node.array->shape;

    const auto wireBefore = opened->store->transferStats(); // metadata reads are not the scrub's
    zs::SliceSource source(opened->store, node.path, *node.array, *cache);
    QEventLoop loop;
    std::vector<double> ms;
    std::set<std::vector<std::uint64_t>> touched;
    std::optional<zs::Error> failure;
    QElapsedTimer stepTimer;
    std::uint64_t position = plan->start;
    auto step = [&] {
        const zs::Selection s = sliceAt(shape, *plan, position);
        if (auto p = zs::planChunks(s, node.array->chunks))
            for (const auto &t : p->tasks)
                touched.insert(t.coords);
        stepTimer.start();
        source.request(s);
    };
    QObject::connect(&source, &zs::SliceSource::finished, &loop, [&] {
        ms.push_back(stepTimer.nsecsElapsed() / 1e6);
        if (++position >= plan->start + plan->positions) return loop.quit();
        QTimer::singleShot(0, &loop, step); // the next key press: after the event loop had its turn
    });
    QObject::connect(&source, &zs::SliceSource::failed, &loop, [&](quint64, const zs::Error &error) {
        failure = error;
        loop.quit();
    });
    QTimer::singleShot(0, &loop, step);
    loop.exec();
    source.cancel(); // a prefetch still running is not part of what the steps needed
    if (failure) return reportError(*failure);

    const auto totals = source.totals();
    const auto wireAfter = opened->store->transferStats();
    const std::uint64_t requests =
        wireAfter && wireBefore ? wireAfter->requests - wireBefore->requests : totals.requests;
    const std::uint64_t bytes = wireAfter && wireBefore ? wireAfter->bytes - wireBefore->bytes : totals.bytes;
    json out = {{"steps", ms.size()},
                {"p50_ms", zs::percentile(ms, 50)},
                {"p95_ms", zs::percentile(ms, 95)},
                {"max_ms", *std::max_element(ms.begin(), ms.end())},
                {"requests", requests},
                {"cache_hits", totals.cacheHits},
                {"chunks_touched", touched.size()},
                {"bytes", bytes}};
    if (args.has(QStringLiteral("--json"))) {
        printOut(QString::fromStdString(out.dump(2)) + u'\n');
        return ExitCode::Ok;
    }
    printOut(QStringLiteral("scrubbed %1 steps along dimension %2: p50 %3 ms, p95 %4 ms, max %5 ms\n"
                            "%6 requests, %7 cache hits, %8 chunks touched, %9 bytes\n")
                 .arg(ms.size())
                 .arg(plan->axis)
                 .arg(out["p50_ms"].get<double>(), 0, 'f', 2)
                 .arg(out["p95_ms"].get<double>(), 0, 'f', 2)
                 .arg(out["max_ms"].get<double>(), 0, 'f', 2)
                 .arg(requests)
                 .arg(totals.cacheHits)
                 .arg(touched.size())
                 .arg(bytes));
    return ExitCode::Ok;
}
