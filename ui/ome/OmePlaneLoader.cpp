#include "ome/OmePlaneLoader.h"

#include "ValueConverter.h"

#include <algorithm>
#include <cmath>

namespace zs::omeview {

ImageAxes ImageAxes::of(const ome::OmeImage &image)
{
    ImageAxes a;
    std::tie(a.y, a.x) = image.planeAxes();
    const auto &axes = image.axes();
    for (int i = 0; i < int(axes.size()); ++i) {
        const ome::Axis &axis = axes[std::size_t(i)];
        if (i == a.y || i == a.x) continue;
        // Types where given (0.4+); 0.1-0.3 images have the names t, c, z.
        const QString &type = axis.type;
        if (type == QLatin1String("channel") || (type.isEmpty() && axis.name == QLatin1String("c")))
            a.channel = a.channel < 0 ? i : a.channel;
        else if (type == QLatin1String("time") || (type.isEmpty() && axis.name == QLatin1String("t")))
            a.time = a.time < 0 ? i : a.time;
        else if (a.z < 0)
            a.z = i;
    }
    return a;
}

OmePlaneLoader::OmePlaneLoader(std::shared_ptr<Store> store, ome::OmeImage image,
                               std::shared_ptr<ChunkCache> cache, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_image(std::move(image)), m_cache(std::move(cache)),
      m_axes(ImageAxes::of(m_image))
{
    qRegisterMetaType<zs::omeview::LoadedPlanes>();
}

OmePlaneLoader::~OmePlaneLoader()
{
    cancel();
}

SliceSource *OmePlaneLoader::sourceFor(const Key &key)
{
    auto it = m_sources.find(key);
    if (it != m_sources.end()) return it->second;
    const ome::ImageLevel &l = m_image.levels[key.first];
    auto *source = new SliceSource(m_store, l.path(), l.array(), m_cache, this);
    source->setPrefetchEnabled(false); // the view asks for what it shows; neighbours are its business
    connect(source, &SliceSource::finished, this, [this, key](quint64 job) { onFinished(key, job); });
    connect(source, &SliceSource::failed, this, [this, key](quint64 job, const zs::Error &error) {
        auto p = m_pending.find(key);
        if (p == m_pending.end() || m_sources[key]->currentJob() != job) return;
        const quint64 ours = p->second.job;
        m_pending.erase(p);
        Q_EMIT loadFailed(ours, error.toString());
    });
    m_sources[key] = source;
    return source;
}

std::uint64_t OmePlaneLoader::indexAt(std::size_t level, int axis, double position) const
{
    const ome::ImageLevel &l = m_image.levels[level];
    const double scale = l.transform.scale[std::size_t(axis)];
    const double origin = l.transform.offset(axis);
    const double size = double(l.array().shape[std::size_t(axis)]);
    return std::uint64_t(std::clamp(std::floor((position - origin) / scale), 0.0, size - 1));
}

double OmePlaneLoader::positionOf(std::size_t level, int axis, std::uint64_t index) const
{
    const ome::ImageLevel &l = m_image.levels[level];
    const double scale = l.transform.scale[std::size_t(axis)];
    const double origin = l.transform.offset(axis);
    return origin + (double(index) + 0.5) * scale;
}

Selection OmePlaneLoader::selectionFor(const PlaneRequest &r, std::uint64_t *rowStep,
                                       std::uint64_t *columnStep) const
{
    const Shape &shape = m_image.levels[r.level].array().shape;
    Selection s = Selection::all(shape);
    // At most about one element per screen pixel: a coarse level bigger than the window (or a
    // pyramid without coarse levels) is read strided, never whole.
    const auto stepFor = [](const ome::IndexRange &range, int pixels) {
        const std::uint64_t count = range.end - range.begin;
        return std::max<std::uint64_t>(1, (count + std::uint64_t(std::max(pixels, 1)) - 1) /
                                              std::uint64_t(std::max(pixels, 1)));
    };
    *rowStep = stepFor(r.rows, r.screenHeight);
    *columnStep = stepFor(r.columns, r.screenWidth);
    const auto along = [](const ome::IndexRange &range, std::uint64_t step) {
        return DimSelection{range.begin, step, (range.end - range.begin + step - 1) / step, false};
    };
    s.dims[std::size_t(m_axes.y)] = along(r.rows, *rowStep);
    s.dims[std::size_t(m_axes.x)] = along(r.columns, *columnStep);
    for (int d = 0; d < int(shape.size()); ++d) {
        if (d == m_axes.y || d == m_axes.x || d == m_axes.channel) continue;
        const double position = std::size_t(d) < r.position.size() ? r.position[std::size_t(d)] : 0.0;
        s.dims[std::size_t(d)] = DimSelection{indexAt(r.level, d, position), 1, 1, true};
    }
    return s;
}

PlaneRequest OmePlaneLoader::coarsestWhole(std::vector<double> position, QSize screen) const
{
    PlaneRequest r;
    r.level = m_image.levels.size() - 1;
    const Shape &shape = m_image.levels[r.level].array().shape;
    r.rows = {0, shape[std::size_t(m_axes.y)]};
    r.columns = {0, shape[std::size_t(m_axes.x)]};
    r.position = std::move(position);
    r.screenHeight = screen.height();
    r.screenWidth = screen.width();
    return r;
}

quint64 OmePlaneLoader::load(const PlaneRequest &request)
{
    Pending p;
    p.job = ++m_nextJob;
    p.request = request;
    std::uint64_t rowStep = 1;
    std::uint64_t columnStep = 1;
    p.selection = selectionFor(request, &rowStep, &columnStep);
    const Key key{request.level, request.slot};
    SliceSource *source = sourceFor(key);
    m_pending[key] = p;
    if (request.rows.end <= request.rows.begin || request.columns.end <= request.columns.begin) {
        source->cancel(); // nothing of this level is visible: no read, no result
        m_pending.erase(key);
        return p.job;
    }
    source->request(p.selection);
    return p.job;
}

void OmePlaneLoader::cancel()
{
    for (auto &[level, source] : m_sources)
        source->cancel();
    m_pending.clear();
}

void OmePlaneLoader::onFinished(const Key &key, quint64 sourceJob)
{
    const std::size_t level = key.first;
    auto it = m_pending.find(key);
    SliceSource *source = m_sources[key];
    if (it == m_pending.end() || source->currentJob() != sourceJob || !source->data()) return;
    const Pending p = it->second;
    m_pending.erase(it);
    const ome::ImageLevel &l = m_image.levels[level];
    LoadedPlanes out;
    out.job = p.job;
    out.level = level;
    const DimSelection &rows = p.selection.dims[std::size_t(m_axes.y)];
    const DimSelection &columns = p.selection.dims[std::size_t(m_axes.x)];
    out.rowStep = rows.step;
    out.columnStep = columns.step;
    out.planes.channels = m_axes.channel < 0 ? 1 : int(p.selection.dims[std::size_t(m_axes.channel)].count);
    out.planes.height = int(rows.count);
    out.planes.width = int(columns.count);
    out.planes.values.resize(p.selection.elementCount());
    convertToDoubles(source->data(), out.planes.values.size(), l.array().dtype, ComplexPart::Magnitude,
                     out.planes.values.data());
    // The rectangle the strided elements stand for: from the first one's start to past the last.
    const double sy = l.transform.scale[std::size_t(m_axes.y)];
    const double sx = l.transform.scale[std::size_t(m_axes.x)];
    const double oy = l.transform.offset(m_axes.y);
    const double ox = l.transform.offset(m_axes.x);
    out.rect = ome::PhysicalRect{oy + double(rows.start) * sy, ox + double(columns.start) * sx,
                                 double(p.request.rows.end - rows.start) * sy,
                                 double(p.request.columns.end - columns.start) * sx};
    out.requests = source->lastStats().requests;
    out.bytes = source->lastStats().bytes;
    Q_EMIT planesLoaded(out);
}

} // namespace zs::omeview
