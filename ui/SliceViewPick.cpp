// Which cell of SliceView's plot is under a pixel, and the click that picks one for the Profile
// dock: a left press and release at the same place (a drag pans, a Ctrl-drag zooms a box).

#include "QCustomPlotInclude.h"
#include "SlicePlot.h"
#include "SliceView.h"
#include "ValueReadout.h"
#include "view/SliceSource.h"

#include <QMouseEvent>

namespace zs {

namespace {

// Farther than this between press and release (in pixels) is a drag, not a click.
constexpr double kClickSlop = 4;

} // namespace

std::optional<std::pair<long long, long long>> SliceView::sampleUnder(QPointF pixel) const
{
    if (!m_source || !m_node || m_values.empty() || m_valuesSelection.dims.empty()) return std::nullopt;
    const Selection &sel = m_valuesSelection;
    QCustomPlot *plot = m_drawing->plot();
    const long long ix =
        sampleAt(sel.dims[std::size_t(m_controls->xDim())], plot->xAxis->pixelToCoord(pixel.x()));
    const long long iy =
        isLine() ? 0
                 : sampleAt(sel.dims[std::size_t(m_controls->yDim())], plot->yAxis->pixelToCoord(pixel.y()));
    if (ix < 0 || iy < 0) return std::nullopt;
    return std::pair{ix, iy};
}

std::vector<std::uint64_t> SliceView::arrayIndexAt(long long ix, long long iy) const
{
    // The sliders' positions and the displayed dimensions' samples.
    const Selection &sel = m_valuesSelection;
    const int xd = m_controls->xDim(), yd = m_controls->yDim();
    std::vector<std::uint64_t> index = m_controls->fixedIndex();
    index[std::size_t(xd)] =
        sel.dims[std::size_t(xd)].start + std::uint64_t(ix) * sel.dims[std::size_t(xd)].step;
    if (yd >= 0)
        index[std::size_t(yd)] =
            sel.dims[std::size_t(yd)].start + std::uint64_t(iy) * sel.dims[std::size_t(yd)].step;
    return index;
}

std::optional<ProfileRequest> SliceView::profileRequestAt(long long ix, long long iy) const
{
    if (!m_source || !m_node || m_valuesSelection.dims.empty() || ix < 0 || iy < 0) return std::nullopt;
    const Selection &sel = m_valuesSelection;
    const int xd = m_controls->xDim(), yd = m_controls->yDim();
    if (std::uint64_t(ix) >= sel.dims[std::size_t(xd)].count ||
        (yd >= 0 && std::uint64_t(iy) >= sel.dims[std::size_t(yd)].count))
        return std::nullopt;
    ProfileRequest r;
    r.store = m_store;
    r.cache = m_source->cache();
    r.path = m_node->path;
    r.meta = m_source->meta();
    r.meta.dimensionNames.clear();
    for (int d = 0; d < int(r.meta.shape.size()); ++d)
        r.meta.dimensionNames << m_controls->dimensionLabel(d);
    r.index = arrayIndexAt(ix, iy);
    if (decoding()) r.conventions = m_conventions;
    r.part = m_controls->complexPart();
    // The time series at a point of a map: along the first dimension a slider fixes; a plain
    // 2-D image has none, so along y (a column through the point).
    r.alongDim = yd >= 0 ? yd : xd;
    for (int d = 0; d < int(r.meta.shape.size()); ++d) {
        if (d != xd && d != yd) {
            r.alongDim = d;
            break;
        }
    }
    return r;
}

void SliceView::onMousePress(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ControlModifier);
    m_pressedAt = event->position();
}

void SliceView::onMouseRelease(QMouseEvent *event)
{
    if (!m_pressed || event->button() != Qt::LeftButton) return;
    m_pressed = false;
    const QPointF moved = event->position() - m_pressedAt;
    if (std::abs(moved.x()) > kClickSlop || std::abs(moved.y()) > kClickSlop) return; // a pan
    // A 1-D array's line is all there is along its one dimension: nothing to profile.
    if (!m_node || m_node->array->shape.size() < 2) return;
    const auto sample = sampleUnder(event->position());
    if (!sample) return;
    if (auto request = profileRequestAt(sample->first, sample->second)) Q_EMIT cellPicked(*request);
}

} // namespace zs
