// The conventions side of SliceView, apart from SliceView.cpp: resolving the array's CF
// conventions, reading its coordinates on a worker thread, decoding shown values, and the axes,
// titles and read-out they give.

#include "CellReadout.h"
#include "QCustomPlotInclude.h"
#include "SlicePlot.h"
#include "SliceView.h"
#include "ValueConverter.h"
#include "view/SliceSource.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent>

namespace zs {

bool SliceView::decoding() const
{
    return m_conventions && m_controls->decode();
}

void SliceView::resolveConventions(const NodeMetadata &node, const cf::NodeLookup &lookup)
{
    const quint64 job = ++m_conventionsJob;
    m_conventions = resolveViewConventions(node, lookup);
    m_coordinatesLoaded = false;
    m_controls->setDecodeAvailable(m_conventions->applies(), m_conventions->decodeByDefault);
    if (!m_conventions->hasCoordinates()) {
        m_coordinatesLoaded = true;
        return;
    }
    QPointer<SliceView> self(this);
    (void)QtConcurrent::run([self, job, store = m_store, view = *m_conventions]() mutable {
        const QStringList notes = loadCoordinateValues(store, view);
        QMetaObject::invokeMethod(
            qApp,
            [self, job, view = std::move(view), notes] {
                if (self) self->onCoordinatesLoaded(job, view, notes);
            },
            Qt::QueuedConnection);
    });
}

void SliceView::onCoordinatesLoaded(quint64 job, const ViewConventions &loaded, const QStringList &notes)
{
    if (job != m_conventionsJob || !m_conventions) return; // another array by now
    m_conventions->axes = loaded.axes;
    m_conventions->auxiliary = loaded.auxiliary;
    m_coordinatesLoaded = true;
    if (!notes.isEmpty())
        showMessage(tr("Coordinates not shown: %1").arg(notes.join(QStringLiteral("; "))), false);
    m_controls->setCoordinates(m_conventions->axes);
    applyCoordinates();
    m_drawing->plot()->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT coordinatesReady();
}

const AxisCoordinate *SliceView::shownCoordinate(int dim) const
{
    if (!decoding() || dim < 0 || std::size_t(dim) >= m_conventions->axes.size()) return nullptr;
    const AxisCoordinate &c = m_conventions->axes[std::size_t(dim)];
    return c.present() ? &c : nullptr;
}

void SliceView::applyCoordinates()
{
    if (!m_node || m_node->array->shape.empty()) return;
    const int xd = m_controls->xDim(), yd = m_controls->yDim();
    const AxisCoordinate *x = shownCoordinate(xd);
    const AxisCoordinate *y = isLine() ? nullptr : shownCoordinate(yd);
    m_drawing->setCoordinates(x, y);
    QCustomPlot *plot = m_drawing->plot();
    plot->xAxis->setLabel(x ? axisTitle(*x, {}) : m_controls->dimensionLabel(xd));
    if (!isLine()) plot->yAxis->setLabel(y ? axisTitle(*y, {}) : m_controls->dimensionLabel(yd));
    const QString name = m_node->path.section(u'/', -1);
    if (decoding())
        m_drawing->setValueTitle(
            valueTitle(m_conventions->conventions.longName, m_conventions->conventions.units, name));
    else
        m_drawing->setValueTitle(isLine() ? name : QString());
}

void SliceView::toDisplayValues(const char *src, std::size_t count, double *dst) const
{
    zs::toDisplayValues(decoding() ? &*m_conventions : nullptr, m_node->array->dtype,
                        m_controls->complexPart(), src, count, dst);
}

std::size_t SliceView::resultOffset(long long ix, long long iy) const
{
    if (isLine()) return std::size_t(ix);
    // The result keeps the array's dimension order: rows are y when y comes first, else x.
    const bool yFirst = m_controls->yDim() < m_controls->xDim();
    const int xd = m_controls->xDim(), yd = m_controls->yDim();
    const std::uint64_t nx = m_valuesSelection.dims[std::size_t(xd)].count;
    const std::uint64_t ny = m_valuesSelection.dims[std::size_t(yd)].count;
    return yFirst ? std::size_t(std::uint64_t(iy) * nx + std::uint64_t(ix))
                  : std::size_t(std::uint64_t(ix) * ny + std::uint64_t(iy));
}

QString SliceView::readoutAt(long long ix, long long iy) const
{
    if (!m_node || m_values.empty() || m_valuesSelection.dims.empty()) return {};
    const std::vector<std::uint64_t> index = arrayIndexAt(ix, iy);
    const std::size_t at = resultOffset(ix, iy);
    if (at >= m_values.size()) return {};
    CellReadoutInput in;
    in.index = index;
    for (int d = 0; d < int(index.size()); ++d)
        in.dimensionNames << m_controls->dimensionLabel(d);
    in.shown = m_values[at];
    const char *raw = m_source ? m_source->data() : nullptr;
    if (decoding()) {
        in.conventions = &*m_conventions;
        if (raw) in.stored = elementToDouble(raw + at * m_node->array->dtype.size, m_node->array->dtype);
    }
    return cellReadoutText(in);
}

} // namespace zs
