// The time to the first complete picture of an OME-Zarr image in a window of the given size, and
// what it read (bench/ome_first_image.py drives it): the Image tab's view (OmeImageView on the
// offscreen platform) from the open of the image to its first picturesShown, or, with
// --strided-level0, the Data tab's read of level 0 alone sampled for the same window (what
// Zarrscope did before it knew pyramids). One run per process: a fresh store, an empty cache.
//
//   ome-first-image URL IMAGE [--strided-level0] [--width 1600] [--height 1000]
//
// Prints one JSON line: mode, seconds, requests, bytes, level, elements.

#include "ViewportSampler.h"
#include "array/ChunkCache.h"
#include "hierarchy/Hierarchy.h"
#include "ome/OmeCanvas.h"
#include "ome/OmeImage.h"
#include "ome/OmeImageView.h"
#include "ome/OmePaths.h"
#include "store/StoreFactory.h"
#include "view/SliceSource.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <cstdio>

using namespace zs;

namespace {

int fail(const QString &why)
{
    std::fprintf(stderr, "ome-first-image: %s\n", qPrintable(why));
    return 2;
}

void print(const char *mode, double seconds, std::uint64_t requests, std::uint64_t bytes, std::size_t level,
           std::uint64_t elements)
{
    std::printf("{\"mode\": \"%s\", \"seconds\": %.6f, \"requests\": %llu, \"bytes\": %llu, \"level\": %zu, "
                "\"elements\": %llu}\n",
                mode, seconds, (unsigned long long)requests, (unsigned long long)bytes, level,
                (unsigned long long)elements);
}

// The Data tab's read of level 0: a strided selection for a width x height window (ViewportSampler).
int stridedLevel0(const std::shared_ptr<Store> &store, const QString &image, int width, int height)
{
    QElapsedTimer clock;
    clock.start();
    auto group = ome::loadOmeGroup(*store, image);
    if (!group || !*group || (*group)->multiscales.empty())
        return fail(group ? QStringLiteral("not a multiscale image: %1").arg(image)
                          : group.error().toString());
    const QString path = ome::childPath(image, (*group)->multiscales.front().levels.front().path);
    auto node = loadNode(*store, path);
    if (!node || !node->isArray()) return fail(QStringLiteral("no level 0 array at %1").arg(path));
    const ArrayMetadata &a = *node->array;
    SampleRequest r;
    r.shape = a.shape;
    r.chunks = a.chunks;
    r.itemSize = a.dtype.size;
    r.fixedIndex.assign(a.shape.size(), 0);
    r.yDim = int(a.shape.size()) - 2;
    r.xDim = int(a.shape.size()) - 1;
    r.y = AxisWindow{0, a.shape[std::size_t(r.yDim)], height};
    r.x = AxisWindow{0, a.shape[std::size_t(r.xDim)], width};
    const Selection selection = sampleSelection(r);
    SliceSource source(store, path, a, nullptr);
    source.setPrefetchEnabled(false);
    bool done = false;
    QString error;
    QObject::connect(&source, &SliceSource::finished, [&](quint64) {
        done = true;
        qApp->quit();
    });
    QObject::connect(&source, &SliceSource::failed, [&](quint64, const Error &e) {
        error = e.toString();
        qApp->quit();
    });
    source.request(selection);
    qApp->exec();
    if (!done) return fail(error);
    const ReadStats &s = source.lastStats();
    print("strided-level0", clock.nsecsElapsed() / 1e9, s.requests, s.bytes, 0, selection.elementCount());
    return 0;
}

int pyramid(const std::shared_ptr<Store> &store, const QString &image, int width, int height)
{
    omeview::OmeImageView view;
    view.canvas()->setFixedSize(width, height);
    view.show();
    QElapsedTimer clock;
    QString error;
    double seconds = -1;
    QObject::connect(&view, &omeview::OmeImageView::picturesShown, [&] {
        if (seconds < 0) seconds = clock.nsecsElapsed() / 1e9;
        qApp->quit();
    });
    QObject::connect(&view, &omeview::OmeImageView::openFailed, [&](const QString &e) {
        error = e;
        qApp->quit();
    });
    clock.start();
    view.openImage(store, std::make_shared<ChunkCache>(std::uint64_t(512) << 20), image);
    qApp->exec();
    if (seconds < 0) return fail(error.isEmpty() ? QStringLiteral("no picture") : error);
    const std::size_t level = view.detailLevel().value_or(view.backdropLevel());
    print("pyramid", seconds, view.requestsMade(), view.bytesRead(), level, 0);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("the store"));
    parser.addPositionalArgument(QStringLiteral("image"), QStringLiteral("the multiscale image's path"));
    parser.addOption({QStringLiteral("strided-level0"), QStringLiteral("read level 0 strided instead")});
    parser.addOption({QStringLiteral("width"), QStringLiteral("window width"), QStringLiteral("px"),
                      QStringLiteral("1600")});
    parser.addOption({QStringLiteral("height"), QStringLiteral("window height"), QStringLiteral("px"),
                      QStringLiteral("1000")});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2) return fail(QStringLiteral("usage: ome-first-image URL IMAGE [--strided-level0]"));
    auto store = openStore(args[0]);
    if (!store) return fail(store.error().toString());
    const QString image = args[1] == QLatin1String("/") ? QString() : args[1];
    const int width = parser.value(QStringLiteral("width")).toInt();
    const int height = parser.value(QStringLiteral("height")).toInt();
    return parser.isSet(QStringLiteral("strided-level0")) ? stridedLevel0(*store, image, width, height)
                                                          : pyramid(*store, image, width, height);
}
