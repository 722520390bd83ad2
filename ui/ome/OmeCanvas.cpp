#include "ome/OmeCanvas.h"

#include "QCustomPlotInclude.h"

#include <QVBoxLayout>

namespace zs::omeview {

namespace {

QCPItemPixmap *makePicture(QCustomPlot *plot)
{
    auto *item = new QCPItemPixmap(plot);
    item->setScaled(true, Qt::IgnoreAspectRatio, Qt::FastTransformation); // pixels stay crisp
    item->topLeft->setType(QCPItemPosition::ptPlotCoords);
    item->bottomRight->setType(QCPItemPosition::ptPlotCoords);
    item->setVisible(false);
    item->setSelectable(false);
    return item;
}

} // namespace

OmeCanvas::OmeCanvas(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot), m_backdrop(makePicture(m_plot)),
      m_detail(makePicture(m_plot)), m_labels(makePicture(m_plot))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->yAxis->setRangeReversed(true); // row 0 at the top, as microscopes and napari show it
    m_plot->setMouseTracking(true);
    m_rest.setSingleShot(true);
    m_rest.setInterval(60);
    connect(&m_rest, &QTimer::timeout, this, &OmeCanvas::viewRested);
    const auto moved = [this] {
        keepSquare();
        m_rest.start();
    };
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, moved);
    connect(m_plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, moved);
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] { keepSquare(); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        const double x = m_plot->xAxis->pixelToCoord(event->position().x());
        const double y = m_plot->yAxis->pixelToCoord(event->position().y());
        Q_EMIT pointed(y, x);
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { home(); });
}

void OmeCanvas::setExtent(const ome::PhysicalRect &whole, const QString &xTitle, const QString &yTitle)
{
    m_whole = whole;
    m_plot->xAxis->setLabel(xTitle);
    m_plot->yAxis->setLabel(yTitle);
    clearPictures();
    home();
}

void OmeCanvas::home()
{
    zoomTo(m_whole);
}

void OmeCanvas::zoomTo(const ome::PhysicalRect &rect)
{
    m_squaring = true;
    m_plot->xAxis->setRange(rect.x0, rect.x0 + rect.width);
    m_plot->yAxis->setRange(rect.y0, rect.y0 + rect.height);
    m_squaring = false;
    keepSquare();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// One physical unit as long on screen along y as along x: whichever axis needs more units per
// pixel to show its range sets the scale, so the requested region stays wholly in view.
void OmeCanvas::keepSquare()
{
    const QRect rect = m_plot->axisRect()->rect();
    if (m_squaring || rect.width() <= 0 || rect.height() <= 0) return;
    m_squaring = true;
    QCPAxis *x = m_plot->xAxis;
    QCPAxis *y = m_plot->yAxis;
    const double xPerPixel = x->range().size() / rect.width();
    const double yPerPixel = y->range().size() / rect.height();
    if (yPerPixel > xPerPixel)
        x->setScaleRatio(y, 1.0);
    else
        y->setScaleRatio(x, 1.0);
    m_squaring = false;
}

void OmeCanvas::place(QCPItemPixmap *item, const QImage &image, const ome::PhysicalRect &rect)
{
    item->setVisible(!image.isNull());
    if (image.isNull()) return;
    item->setPixmap(QPixmap::fromImage(image));
    item->topLeft->setCoords(rect.x0, rect.y0);
    item->bottomRight->setCoords(rect.x0 + rect.width, rect.y0 + rect.height);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void OmeCanvas::showBackdrop(const QImage &image, const ome::PhysicalRect &rect)
{
    place(m_backdrop, image, rect);
}

void OmeCanvas::showDetail(const QImage &image, const ome::PhysicalRect &rect)
{
    place(m_detail, image, rect);
}

void OmeCanvas::showLabels(const QImage &image, const ome::PhysicalRect &rect)
{
    place(m_labels, image, rect);
    if (image.isNull()) m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void OmeCanvas::clearPictures()
{
    for (QCPItemPixmap *item : {m_backdrop, m_detail, m_labels})
        item->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool OmeCanvas::hasDetail() const
{
    return m_detail->visible();
}

ome::PhysicalRect OmeCanvas::visibleRect() const
{
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    return ome::PhysicalRect{y.lower, x.lower, y.size(), x.size()};
}

QSize OmeCanvas::screenPixels() const
{
    const QRect rect = m_plot->axisRect()->rect();
    const qreal ratio = devicePixelRatioF();
    return QSize(std::max(1, int(rect.width() * ratio)), std::max(1, int(rect.height() * ratio)));
}

} // namespace zs::omeview
