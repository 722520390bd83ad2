#include "SliceView.h"

#include "ColorMaps.h"
#include "DataRange.h"
#include "ProgressiveReader.h"
#include "QCustomPlotInclude.h"
#include "ViewportSampler.h"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

namespace zs {

namespace {

// Whether the data already read for `have` serves `want`: same fixed indices, at least as fine,
// and spanning the wanted window.
bool covers(const Selection &have, const Selection &want)
{
    if (have.dims.size() != want.dims.size() || have.dims.empty())
        return false;
    for (std::size_t i = 0; i < have.dims.size(); ++i) {
        const DimSelection &h = have.dims[i], &w = want.dims[i];
        if (h.dropped != w.dropped)
            return false;
        if (h.dropped ? h.start != w.start
                      : (h.step > w.step || h.start > w.start || h.count == 0 || h.last() < w.last()))
            return false;
    }
    return true;
}

AxisWindow windowOf(const QCPAxis *axis, std::uint64_t length, int pixels)
{
    const QCPRange r = axis->range();
    AxisWindow w;
    w.begin = std::uint64_t(std::clamp(std::floor(r.lower + 0.5), 0.0, double(length)));
    w.end = std::uint64_t(std::clamp(std::ceil(r.upper + 0.5), 0.0, double(length)));
    if (w.end <= w.begin)
        w.end = std::min(length, w.begin + 1);
    w.pixels = std::max(pixels, 64);
    return w;
}

// v2 arrays have no dimension_names; xarray writes them as the _ARRAY_DIMENSIONS attribute.
ArrayMetadata withDimensionNames(const NodeMetadata &node)
{
    ArrayMetadata a = *node.array;
    const auto &attrs = node.attributes;
    if (a.dimensionNames.isEmpty() && attrs.is_object() && attrs.contains("_ARRAY_DIMENSIONS")) {
        const auto &names = attrs["_ARRAY_DIMENSIONS"];
        if (names.is_array() && names.size() == a.shape.size()) {
            for (const auto &n : names)
                a.dimensionNames << (n.is_string() ? QString::fromStdString(n.get<std::string>()) : QString());
        }
    }
    return a;
}

} // namespace

SliceView::SliceView(QWidget *parent)
    : QWidget(parent), m_controls(new SliceControls), m_plot(new QCustomPlot), m_message(new QLabel),
      m_readout(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_controls);
    layout->addWidget(m_message);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_readout);
    m_message->setWordWrap(true);
    m_message->hide();
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setupPlot();

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(100);
    connect(&m_redrawTimer, &QTimer::timeout, this, &SliceView::redraw);
    m_refetchTimer.setSingleShot(true);
    m_refetchTimer.setInterval(250);
    connect(&m_refetchTimer, &QTimer::timeout, this, &SliceView::requestData);

    connect(m_controls, &SliceControls::appearanceChanged, this, &SliceView::redraw);
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

SliceView::~SliceView() = default;

void SliceView::setupPlot()
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMinimumSize(320, 240);
    m_graph = m_plot->addGraph();
    m_graph->setPen(QPen(QColor(31, 119, 180), 1.5));
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    auto refetchLater = [this] {
        if (!m_resettingAxes)
            m_refetchTimer.start();
    };
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, refetchLater);
    connect(m_plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, refetchLater);
    connect(m_plot, &QCustomPlot::mouseMove, this, &SliceView::onMouseMove);
}

bool SliceView::isLine() const
{
    return m_controls->yDim() < 0;
}

bool SliceView::isReading() const
{
    return m_reader && m_reader->isRunning();
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
    m_message->setStyleSheet(error ? QStringLiteral("color: #a00; font-weight: bold") : QString());
    m_message->setVisible(!text.isEmpty());
}

void SliceView::clear(const QString &message)
{
    if (m_reader) {
        m_reader->cancel();
        m_reader->deleteLater();
        m_reader = nullptr;
    }
    m_node.reset();
    m_store.reset();
    m_selection = {};
    m_values.clear();
    m_graph->data()->clear();
    m_map->data()->clear();
    m_map->setVisible(false);
    m_readout->clear();
    m_controls->setEnabled(false);
    showMessage(message, false);
    m_plot->replot();
}

void SliceView::setArray(std::shared_ptr<Store> store, const NodeMetadata &node)
{
    clear();
    if (!node.isArray())
        return showMessage(tr("“%1” is a group: choose an array to see its data.").arg(node.path), false);
    const ArrayMetadata &a = *node.array;
    if (!isPlottable(a.dtype))
        return showMessage(tr("Data type %1 cannot be plotted; its metadata is in the Metadata tab.").arg(a.dtype.name), false);
    for (auto d : a.shape) {
        if (d == 0)
            return showMessage(tr("The array is empty (a dimension of length 0)."), false);
    }
    m_store = std::move(store);
    m_node = node;
    m_reader = new ProgressiveReader(m_store, node.path, a, this);
    connect(m_reader, &ProgressiveReader::progress, this, &SliceView::readProgress);
    connect(m_reader, &ProgressiveReader::dataArrived, this, [this] {
        if (!m_redrawTimer.isActive())
            m_redrawTimer.start();
    });
    connect(m_reader, &ProgressiveReader::finished, this, [this] {
        m_redrawTimer.stop();
        redraw();
        Q_EMIT readFinished();
    });
    connect(m_reader, &ProgressiveReader::failed, this, [this](const QString &error) {
        m_redrawTimer.stop();
        showMessage(tr("Read failed: %1").arg(error), true);
        m_selection = {}; // so the next request tries again
        Q_EMIT readFailed(error);
    });
    m_controls->setArray(withDimensionNames(node));
    m_controls->setEnabled(true);
    resetAxes();
    requestData();
}

void SliceView::resetAxes()
{
    if (!m_node)
        return;
    const Shape &shape = m_node->array->shape;
    m_resettingAxes = true;
    m_shownX = m_controls->xDim();
    m_shownY = m_controls->yDim();
    const bool line = isLine();
    m_graph->setVisible(line && !shape.empty());
    m_map->setVisible(!line);
    if (line && m_plot->plotLayout()->hasElement(0, 1))
        m_plot->plotLayout()->take(m_scale);
    if (!line && !m_plot->plotLayout()->hasElement(0, 1))
        m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_plot->plotLayout()->simplify();
    if (shape.empty()) {
        // 0-d: nothing to plot, the value is shown as text once read.
    } else if (line) {
        const double n = double(shape[std::size_t(m_controls->xDim())]);
        m_plot->xAxis->setRange(-0.5, std::max(0.5, n - 0.5));
        m_plot->yAxis->setRangeReversed(false);
        m_plot->xAxis->setLabel(m_controls->dimensionLabel(m_controls->xDim()));
        m_plot->yAxis->setLabel(m_node->path.section(u'/', -1));
    } else {
        const double nx = double(shape[std::size_t(m_controls->xDim())]);
        const double ny = double(shape[std::size_t(m_controls->yDim())]);
        m_plot->xAxis->setRange(-0.5, nx - 0.5);
        m_plot->yAxis->setRange(-0.5, ny - 0.5);
        m_plot->yAxis->setRangeReversed(true); // row 0 at the top, as images are drawn
        m_plot->xAxis->setLabel(m_controls->dimensionLabel(m_controls->xDim()));
        m_plot->yAxis->setLabel(m_controls->dimensionLabel(m_controls->yDim()));
    }
    m_resettingAxes = false;
}

void SliceView::requestData()
{
    if (!m_reader || !m_node)
        return;
    const ArrayMetadata &a = *m_node->array;
    SampleRequest req;
    req.shape = a.shape;
    req.chunks = a.chunks;
    req.itemSize = a.dtype.size;
    req.fixedIndex = m_controls->fixedIndex();
    req.xDim = a.shape.empty() ? -1 : m_controls->xDim();
    req.yDim = m_controls->yDim();
    const QRect rect = m_plot->axisRect()->rect();
    if (req.xDim >= 0)
        req.x = windowOf(m_plot->xAxis, a.shape[std::size_t(req.xDim)], rect.width());
    if (req.yDim >= 0)
        req.y = windowOf(m_plot->yAxis, a.shape[std::size_t(req.yDim)], rect.height());
    const Selection wanted = sampleSelection(req);
    if (covers(m_selection, wanted) && (m_reader->isRunning() || !m_values.empty()))
        return;
    m_selection = wanted;
    showMessage({}, false);
    m_reader->start(wanted);
    Q_EMIT readStarted();
}

void SliceView::cancelRead()
{
    if (!isReading())
        return;
    m_reader->cancel();
    m_redrawTimer.stop();
    redraw(); // keep what did arrive
    m_selection = {};
    showMessage(tr("Read cancelled: showing what arrived before."), false);
    Q_EMIT readCancelled();
}

void SliceView::redraw()
{
    if (!m_reader || !m_node)
        return;
    m_values = m_reader->values(m_controls->complexPart());
    const Selection &sel = m_reader->selection();
    if (sel.dims.empty()) {
        if (!m_values.empty() && !m_reader->isRunning())
            showMessage(tr("Scalar value: %1").arg(m_values.front(), 0, 'g', 17), false);
        return;
    }
    if (isLine())
        drawLine(m_values);
    else
        drawImage(m_values);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SliceView::drawLine(const std::vector<double> &values)
{
    const DimSelection &d = m_reader->selection().dims[std::size_t(m_controls->xDim())];
    QVector<double> keys(qsizetype(values.size())), vals(qsizetype(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i) {
        keys[qsizetype(i)] = double(d.start + i * d.step);
        vals[qsizetype(i)] = values[i]; // NaN stays NaN: QCPGraph leaves a gap there
    }
    m_graph->setData(keys, vals, true);
    ValueRange r = m_controls->autoRange() ? percentileRange(values, 0, 100)
                                           : ValueRange{m_controls->manualMin(), m_controls->manualMax(), true};
    if (r.valid) {
        const double pad = (r.upper - r.lower) * 0.05;
        m_plot->yAxis->setRange(r.lower - pad, r.upper + pad);
    }
}

void SliceView::drawImage(const std::vector<double> &values)
{
    const Selection &sel = m_reader->selection();
    const int xd = m_controls->xDim(), yd = m_controls->yDim();
    const DimSelection &dx = sel.dims[std::size_t(xd)], &dy = sel.dims[std::size_t(yd)];
    const int nx = int(dx.count), ny = int(dy.count);
    QCPColorMapData *data = m_map->data();
    data->setSize(nx, ny);
    data->setRange(QCPRange(double(dx.start), double(dx.start + (dx.count - 1) * dx.step)),
                   QCPRange(double(dy.start), double(dy.start + (dy.count - 1) * dy.step)));
    // The result keeps the array's dimension order: rows are y when y comes first, else x.
    const bool yOuter = yd < xd;
    for (int iy = 0; iy < ny; ++iy) {
        for (int ix = 0; ix < nx; ++ix) {
            const std::size_t at = yOuter ? std::size_t(iy) * std::size_t(nx) + std::size_t(ix)
                                          : std::size_t(ix) * std::size_t(ny) + std::size_t(iy);
            data->setCell(ix, iy, at < values.size() ? values[at] : qQNaN());
        }
    }
    m_map->setGradient(colorGradient(m_controls->colorMapName()));
    applyColorRange(values);
}

void SliceView::applyColorRange(const std::vector<double> &values)
{
    ValueRange r{m_controls->manualMin(), m_controls->manualMax(), true};
    if (m_controls->autoRange())
        r = percentileRange(values, 2, 98);
    if (r.valid && r.upper > r.lower) {
        m_map->setDataRange(QCPRange(r.lower, r.upper));
        m_controls->showAutoRange(r.lower, r.upper);
    }
}

void SliceView::onMouseMove(QMouseEvent *event)
{
    if (!m_reader || !m_node || m_values.empty() || m_reader->selection().dims.empty())
        return;
    const double key = m_plot->xAxis->pixelToCoord(event->position().x());
    const double value = m_plot->yAxis->pixelToCoord(event->position().y());
    const Selection &sel = m_reader->selection();
    const DimSelection &dx = sel.dims[std::size_t(m_controls->xDim())];
    auto sampleOf = [](const DimSelection &d, double coord) -> long long {
        const double i = std::round((coord - double(d.start)) / double(d.step));
        return i < 0 || i >= double(d.count) ? -1 : (long long)(i);
    };
    const long long ix = sampleOf(dx, key);
    if (ix < 0)
        return m_readout->clear();
    const QString xName = m_controls->dimensionLabel(m_controls->xDim());
    if (isLine()) {
        const double v = m_values[std::size_t(ix)];
        m_readout->setText(QStringLiteral("%1 = %2   value = %3").arg(xName).arg(dx.start + ix * dx.step).arg(v, 0, 'g', 8));
        return;
    }
    const DimSelection &dy = sel.dims[std::size_t(m_controls->yDim())];
    const long long iy = sampleOf(dy, value);
    if (iy < 0)
        return m_readout->clear();
    const double v = m_map->data()->cell(int(ix), int(iy));
    m_readout->setText(QStringLiteral("%1 = %2   %3 = %4   value = %5")
                           .arg(m_controls->dimensionLabel(m_controls->yDim()))
                           .arg(dy.start + iy * dy.step)
                           .arg(xName)
                           .arg(dx.start + ix * dx.step)
                           .arg(v, 0, 'g', 8));
}

bool SliceView::saveImage(const QString &fileName)
{
    if (fileName.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return m_plot->savePdf(fileName);
    return m_plot->savePng(fileName);
}

} // namespace zs
