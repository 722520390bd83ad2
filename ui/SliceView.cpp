#include "SliceView.h"

#include "ColorMaps.h"
#include "DataRange.h"
#include "ErrorStyle.h"
#include "MarginToolTip.h"
#include "MouseGestures.h"
#include "PlotNavigation.h"
#include "QCustomPlotInclude.h"
#include "SlicePlot.h"
#include "StringTable.h"
#include "ValueReadout.h"
#include "ValueScaling.h"
#include "ViewportSampler.h"
#include "view/SliceSource.h"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

namespace zs {

namespace {

AxisWindow windowOf(const QCPAxis *axis, std::uint64_t length, int pixels)
{
    const QCPRange r = axis->range();
    AxisWindow w;
    w.begin = std::uint64_t(std::clamp(std::floor(r.lower + 0.5), 0.0, double(length)));
    w.end = std::uint64_t(std::clamp(std::ceil(r.upper + 0.5), 0.0, double(length)));
    if (w.end <= w.begin) w.end = std::min(length, w.begin + 1);
    w.pixels = std::max(pixels, 64);
    // A quarter of the visible span beyond each edge: a small pan shows data, not blank.
    return withMargin(w, length, 0.25);
}

} // namespace

SliceView::SliceView(QWidget *parent)
    : QWidget(parent), m_controls(new SliceControls), m_drawing(std::make_unique<SlicePlot>(new QCustomPlot)),
      m_message(new QLabel), m_readout(new QLabel), m_table(new StringTable)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_controls);
    layout->addWidget(m_message);
    layout->addWidget(m_drawing->plot(), 1);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_readout);
    m_table->hide();
    setMarginToolTip(
        m_drawing->plot(),
        tr("Drag to pan, wheel to zoom, Ctrl+drag a rectangle to zoom to it, double-click or Home for the "
           "whole array; click a cell of an image for its profile; right-click to copy or save"));
    setUpSliceTable(layout);
    connect(m_table, &StringTable::currentCellChanged, m_readout, &QLabel::setText);
    connect(m_table, &StringTable::readFinished, this, [this](bool truncated) {
        if (m_node && m_node->array->shape.empty())
            showMessage(tr("Scalar value: %1").arg(m_table->model()->fullText(0, 0)), false);
        else if (truncated)
            showMessage(tr("Showing the first %1 rows and %2 columns of this slice.")
                            .arg(StringTable::kMaxRows)
                            .arg(StringTable::kMaxColumns),
                        false);
        Q_EMIT readFinished();
    });
    connect(m_table, &StringTable::readFailed, this, [this](const QString &error) {
        showMessage(tr("Read failed: %1").arg(error), true);
        Q_EMIT readFailed(error);
    });
    m_message->setWordWrap(true);
    m_message->hide();
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connectPlot();
    setUpLook();

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(100);
    connect(&m_redrawTimer, &QTimer::timeout, this, &SliceView::redraw);
    m_refetchTimer.setSingleShot(true);
    m_refetchTimer.setInterval(250);
    connect(&m_refetchTimer, &QTimer::timeout, this, &SliceView::requestData);

    connect(m_controls, &SliceControls::appearanceChanged, this, [this] {
        notePreferredColorMap();
        convertAll(); // the complex part may have changed
        redraw();
    });
    connect(m_controls, &SliceControls::decodeToggled, this, [this] {
        m_heldRange = {}; // decoded and stored values have nothing in common
        convertAll();
        applyCoordinates();
        redraw();
    });
    connect(m_controls, &SliceControls::sliceChanged, this, [this] {
        // Other displayed dimensions: new axes, and the old data's window means nothing for them.
        if (m_node && (m_controls->xDim() != m_shownX || m_controls->yDim() != m_shownY)) {
            resetAxes();
            m_selection = {};
        }
        requestData();
    });
    clear();
}

SliceView::~SliceView()
{
    // The navigation filters this view's and the plot's events and reads m_drawing: it must go
    // before m_drawing does, or deleting the child widgets sends it events about a freed plot.
    delete m_navigation;
    m_navigation = nullptr;
}

QCustomPlot *SliceView::plot() const
{
    return m_drawing->plot();
}

QCPColorMap *SliceView::colorMap() const
{
    return m_drawing->colorMap();
}

QCPGraph *SliceView::graph() const
{
    return m_drawing->graph();
}

void SliceView::connectPlot()
{
    auto refetchLater = [this] {
        if (!m_resettingAxes) m_refetchTimer.start();
    };
    QCustomPlot *plot = m_drawing->plot();
    connect(plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, refetchLater);
    connect(plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, refetchLater);
    connect(plot, &QCustomPlot::mouseMove, this, &SliceView::onMouseMove);
    addMouseGesture(plot, tr("Move over the plot: the value under the cursor, in the read-out below"));
    addMouseGesture(plot, tr("Click a cell of an image: the profile through it, in the Profile dock"));
    connect(plot, &QCustomPlot::mousePress, this, &SliceView::onMousePress);
    connect(plot, &QCustomPlot::mouseRelease, this, &SliceView::onMouseRelease);
}

bool SliceView::isLine() const
{
    return m_controls->yDim() < 0;
}

bool SliceView::isReading() const
{
    return (m_source && m_source->isRunning()) || (m_tableMode && m_table->isReading());
}

QString SliceView::message() const
{
    return m_message->isVisible() || !m_message->isHidden() ? m_message->text() : QString();
}

QString SliceView::readout() const
{
    return m_readout->text();
}

void SliceView::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? errorStyleSheet() : QString());
    m_message->setVisible(!text.isEmpty());
}

void SliceView::clear(const QString &message)
{
    rememberView(); // the array left keeps its colours and zoom for when it comes back
    if (m_source) {
        m_source->cancel();
        m_source->deleteLater();
        m_source = nullptr;
    }
    m_node.reset();
    m_store.reset();
    m_conventions.reset();
    ++m_conventionsJob; // a coordinate read in flight is for the array gone
    m_controls->setDecodeAvailable(false);
    m_selection = {};
    m_valuesSelection = {};
    m_values.clear();
    m_ready.clear();
    m_complete = false;
    m_heldRange = {};
    m_drawing->clear();
    m_readout->clear();
    m_pointerKnown = false;
    m_table->clear();
    m_table->hide();
    m_drawing->plot()->hide(); // an empty state says so in the message, not with old axes
    m_tableMode = false;
    m_controls->setEnabled(false);
    updateSliceTable();
    showMessage(message, false);
    Q_EMIT cleared();
}

void SliceView::setArray(std::shared_ptr<Store> store, const NodeMetadata &node,
                         std::shared_ptr<ChunkCache> cache, const cf::NodeLookup &lookup)
{
    clear();
    if (!node.isArray())
        return showMessage(tr("“%1” is a group: choose an array to see its data.").arg(node.path), false);
    const ArrayMetadata &a = *node.array;
    if (a.dtype.isVariableLength()) return setUpTable(std::move(store), node);
    if (!isPlottable(a.dtype))
        return showMessage(
            tr("Data type %1 cannot be plotted; its metadata is in the Metadata tab.").arg(a.dtype.name),
            false);
    for (auto d : a.shape) {
        if (d == 0) return showMessage(tr("The array is empty (a dimension of length 0)."), false);
    }
    m_store = std::move(store);
    m_node = node;
    m_source = new SliceSource(m_store, node.path, a,
                               cache ? std::move(cache) : std::make_shared<ChunkCache>(), this);
    // Only the current job draws: a read the user has moved on from is stale.
    auto current = [this](quint64 job) { return m_source && job == m_source->currentJob(); };
    connect(m_source, &SliceSource::progress, this,
            [this, current](quint64 job, quint64 done, quint64 total, quint64 bytes) {
                if (current(job)) Q_EMIT readProgress(done, total, bytes);
            });
    connect(m_source, &SliceSource::regionReady, this, [this, current](quint64 job, const ResultRegion &r) {
        if (!current(job)) return;
        convertRegion(r);
        m_ready.push_back(r);
        if (!m_redrawTimer.isActive()) m_redrawTimer.start();
    });
    connect(m_source, &SliceSource::finished, this, [this, current](quint64 job) {
        if (!current(job)) return;
        m_complete = true;
        convertAll(); // sharded arrays announce no regions: everything arrives here
        m_redrawTimer.stop();
        redraw();
        Q_EMIT readFinished();
    });
    // The widget shows the error whole: what, then where.
    connect(m_source, &SliceSource::failed, this, [this, current](quint64 job, const Error &failure) {
        if (!current(job)) return;
        const QString error = failure.toString();
        m_redrawTimer.stop();
        showMessage(tr("Read failed: %1").arg(error), true);
        m_selection = {}; // so the next request tries again
        Q_EMIT readFailed(error);
    });
    ArrayMetadata named = a;
    named.dimensionNames = dimensionNamesOf(node);
    m_controls->setArray(named);
    recallAppearance();
    m_controls->setEnabled(true);
    m_drawing->plot()->setVisible(!a.shape.empty()); // a scalar is its value, in the message
    resolveConventions(node, lookup);
    resetAxes();
    recallZoom();
    requestData();
}

void SliceView::setUpTable(std::shared_ptr<Store> store, const NodeMetadata &node)
{
    const ArrayMetadata &a = *node.array;
    for (auto d : a.shape) {
        if (d == 0) return showMessage(tr("The array is empty (a dimension of length 0)."), false);
    }
    m_store = std::move(store);
    m_node = node;
    m_tableMode = true;
    m_drawing->plot()->hide();
    m_table->show();
    m_table->setArray(m_store, node.path, a);
    ArrayMetadata named = a;
    named.dimensionNames = dimensionNamesOf(node);
    m_controls->setArray(named);
    m_controls->setEnabled(true);
    requestTable();
}

// Rows are the y dimension (the first of a 2-D array), columns x; a 1-D slice is one column.
void SliceView::requestTable()
{
    const int xd = m_controls->xDim(), yd = m_controls->yDim();
    const int rowDim = yd >= 0 ? yd : xd;
    const int colDim = yd >= 0 ? xd : -1;
    m_table->setDimensionNames(m_controls->dimensionLabel(rowDim),
                               colDim >= 0 ? m_controls->dimensionLabel(colDim) : QString());
    showMessage({}, false);
    m_table->showSlice(m_controls->fixedIndex(), rowDim, colDim);
}

void SliceView::resetAxes()
{
    if (!m_node) return;
    const Shape &shape = m_node->array->shape;
    m_resettingAxes = true;
    m_heldRange = {}; // another view: its colours owe nothing to the last one
    m_shownX = m_controls->xDim();
    m_shownY = m_controls->yDim();
    m_readout->clear(); // of cells of the axes gone; the next redraw fills it for the pointer
    const QString xLabel = m_controls->dimensionLabel(m_controls->xDim());
    if (shape.empty())
        m_drawing->setUpNothing(); // 0-d: the value is shown as text once read
    else if (isLine())
        m_drawing->setUpLine(shape[std::size_t(m_controls->xDim())], xLabel, m_node->path.section(u'/', -1));
    else
        m_drawing->setUpImage(shape[std::size_t(m_controls->xDim())], shape[std::size_t(m_controls->yDim())],
                              xLabel, m_controls->dimensionLabel(m_controls->yDim()));
    applyCoordinates(); // coordinate ticks, titles and orientation, once decoding and read
    m_resettingAxes = false;
}

void SliceView::requestData()
{
    if (m_tableMode && m_node) return requestTable();
    if (!m_source || !m_node) return;
    updateSliceTable();
    const ArrayMetadata &a = *m_node->array;
    SampleRequest req;
    req.shape = a.shape;
    req.chunks = a.chunks;
    req.itemSize = a.dtype.size;
    req.fixedIndex = m_controls->fixedIndex();
    req.xDim = a.shape.empty() ? -1 : m_controls->xDim();
    req.yDim = m_controls->yDim();
    QCustomPlot *plot = m_drawing->plot();
    const QRect rect = plot->axisRect()->rect();
    if (req.xDim >= 0) req.x = windowOf(plot->xAxis, a.shape[std::size_t(req.xDim)], rect.width());
    if (req.yDim >= 0) req.y = windowOf(plot->yAxis, a.shape[std::size_t(req.yDim)], rect.height());
    const Selection wanted = sampleSelection(req);
    if (selectionCovers(m_selection, wanted) && (m_source->isRunning() || !m_values.empty())) return;
    m_selection = wanted;
    showMessage({}, false);
    m_redrawTimer.stop(); // what it would draw belongs to the read this one replaces
    m_valuesSelection = wanted;
    m_values.assign(std::size_t(wanted.elementCount()), std::numeric_limits<double>::quiet_NaN());
    m_ready.clear();
    m_complete = false;
    m_source->request(wanted);
    Q_EMIT readStarted();
}

void SliceView::cancelRead()
{
    if (!isReading()) return;
    if (m_tableMode) {
        m_table->cancel();
        showMessage(tr("Read cancelled."), false);
        Q_EMIT readCancelled();
        return;
    }
    m_source->cancel();
    m_redrawTimer.stop();
    redraw(); // keep what did arrive
    m_selection = {};
    showMessage(tr("Read cancelled: showing what arrived before."), false);
    Q_EMIT readCancelled();
}

void SliceView::convertRegion(const ResultRegion &region)
{
    const char *src = m_source ? m_source->data() : nullptr;
    if (!src || m_values.empty()) return;
    const DataType &dtype = m_node->array->dtype;
    const Shape shape = m_valuesSelection.resultShape();
    if (shape.empty()) return toDisplayValues(src, 1, m_values.data());
    // One contiguous run along the last dimension per index of the others.
    const std::size_t rank = shape.size();
    std::vector<std::uint64_t> at(region.start.begin(), region.start.end() - 1);
    for (;;) {
        std::uint64_t offset = 0;
        for (std::size_t d = 0; d + 1 < rank; ++d)
            offset = offset * shape[d] + at[d];
        offset = offset * shape[rank - 1] + region.start[rank - 1];
        toDisplayValues(src + offset * dtype.size, std::size_t(region.count[rank - 1]),
                        m_values.data() + offset);
        std::size_t d = rank - 1;
        while (d > 0) {
            --d;
            if (++at[d] < region.start[d] + region.count[d]) break;
            at[d] = region.start[d];
            if (d == 0) return;
        }
        if (rank == 1) return;
    }
}

void SliceView::convertAll()
{
    if (!m_source || !m_source->data() || m_values.empty()) return;
    if (m_complete) {
        toDisplayValues(m_source->data(), m_values.size(), m_values.data());
        return;
    }
    std::fill(m_values.begin(), m_values.end(), std::numeric_limits<double>::quiet_NaN());
    for (const ResultRegion &r : m_ready)
        convertRegion(r);
}

void SliceView::redraw()
{
    if (!m_source || !m_node) return;
    const Selection &sel = m_valuesSelection;
    if (sel.dims.empty()) {
        if (!m_values.empty() && m_complete)
            showMessage(tr("Scalar value: %1").arg(m_values.front(), 0, 'g', 17), false);
        return;
    }
    if (isLine())
        drawLine(m_values);
    else
        drawImage(m_values);
    m_drawing->plot()->replot(QCustomPlot::rpQueuedReplot);
    updateReadout(); // the cell under the pointer may hold another value now
}

void SliceView::drawLine(const std::vector<double> &values)
{
    std::vector<double> copy;
    const std::vector<double> &shown = valuesToDraw(values, copy);
    m_drawing->drawLine(m_valuesSelection.dims[std::size_t(m_controls->xDim())], shown,
                        drawnRange(shown, 0, 100), m_controls->scaling() == ValueScaling::Log);
}

void SliceView::drawImage(const std::vector<double> &values)
{
    const Selection &sel = m_valuesSelection;
    const int xd = m_controls->xDim(), yd = m_controls->yDim();
    std::vector<double> copy;
    const std::vector<double> &shown = valuesToDraw(values, copy);
    m_drawing->drawImage(sel.dims[std::size_t(xd)], sel.dims[std::size_t(yd)], yd < xd, shown,
                         colorGradient(m_controls->colorMapName(), m_controls->reversed()));
    m_drawing->setColorRange(drawnRange(shown, 2, 98), m_controls->scaling() == ValueScaling::Log);
}

void SliceView::onMouseMove(QMouseEvent *event)
{
    m_pointer = event->position();
    m_pointerKnown = true;
    updateReadout();
}

void SliceView::updateReadout()
{
    if (m_pointerKnown) m_readout->setText(readoutAtPixel(m_pointer));
}

} // namespace zs
