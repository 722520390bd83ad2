#include "PlotNavigation.h"

#include "MouseGestures.h"
#include "QCustomPlotInclude.h"
#include "SlicePlot.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>

namespace zs {

PlotNavigation::PlotNavigation(SlicePlot *drawing, QWidget *keyScope, QObject *parent)
    : QObject(parent), m_drawing(drawing)
{
    QCustomPlot *plot = drawing->plot();
    plot->setFocusPolicy(Qt::StrongFocus); // so Home reaches it after a click
    plot->installEventFilter(this);
    if (keyScope) keyScope->installEventFilter(this);
    connect(plot, &QCustomPlot::mouseDoubleClick, this, &PlotNavigation::home);
    // Listed in Help > Keyboard Shortcuts with the gestures QCustomPlot's interactions give.
    addMouseGesture(plot, tr("Double-click: home (the whole array), as the Home key and button"));
    addMouseGesture(plot, tr("Ctrl+drag a rectangle: zoom to it (Box zoom does it without Ctrl)"));
    connect(plot, &QCustomPlot::afterLayout, this, &PlotNavigation::applySquarePixels);
}

void PlotNavigation::setBoxZoom(bool on)
{
    m_boxZoom = on;
    m_ctrlZoom = false;
    m_drawing->plot()->setSelectionRectMode(on ? QCP::srmZoom : QCP::srmNone);
}

void PlotNavigation::setSquarePixels(bool on)
{
    m_square = on;
    m_drawing->plot()->replot(QCustomPlot::rpQueuedReplot); // squared after its layout
}

void PlotNavigation::home()
{
    m_drawing->showWhole();
    m_drawing->plot()->replot(QCustomPlot::rpQueuedReplot);
}

void PlotNavigation::applySquarePixels()
{
    if (!m_square || !m_drawing->showsImage()) return;
    QCustomPlot *plot = m_drawing->plot();
    QCPAxis *x = plot->xAxis;
    QCPAxis *y = plot->yAxis;
    const QRect rect = plot->axisRect()->rect();
    if (rect.width() <= 0 || rect.height() <= 0) return;
    // Showing at least the whole slice (after Home, or zoomed out): keep all of it in view, so the
    // axis that needs more units per pixel sets the scale and the other widens. Zoomed in: y
    // follows x, whose range the user set.
    const auto wx = m_drawing->wholeX();
    const auto wy = m_drawing->wholeY();
    const double eps = 1e-9;
    const bool whole = x->range().lower <= wx.first + eps && x->range().upper >= wx.second - eps &&
                       y->range().lower <= wy.first + eps && y->range().upper >= wy.second - eps;
    const double xUnitsPerPixel = x->range().size() / rect.width();
    const double yUnitsPerPixel = y->range().size() / rect.height();
    const QCPRange beforeX = x->range(), beforeY = y->range();
    if (whole && yUnitsPerPixel > xUnitsPerPixel)
        x->setScaleRatio(y, 1.0);
    else
        y->setScaleRatio(x, 1.0);
    // The ticks were placed for the old range during this layout: draw again with the new one.
    // Once square the range no longer changes, so this settles.
    auto moved = [](const QCPRange &a, const QCPRange &b) {
        return std::abs(a.lower - b.lower) + std::abs(a.upper - b.upper) > 1e-9 * std::max(1.0, b.size());
    };
    if (moved(beforeX, x->range()) || moved(beforeY, y->range())) plot->replot(QCustomPlot::rpQueuedReplot);
}

bool PlotNavigation::eventFilter(QObject *watched, QEvent *event)
{
    QCustomPlot *plot = m_drawing->plot();
    switch (event->type()) {
    case QEvent::KeyPress:
        if (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Home &&
            static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
            home();
            return true;
        }
        break;
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (watched == plot && !m_boxZoom && mouse->button() == Qt::LeftButton &&
            mouse->modifiers().testFlag(Qt::ControlModifier)) {
            m_ctrlZoom = true;
            plot->setSelectionRectMode(QCP::srmZoom);
        }
        break;
    }
    case QEvent::MouseButtonRelease:
        // Back to panning once the plot has zoomed: switching the mode now would cancel the rectangle.
        if (watched == plot && m_ctrlZoom) {
            m_ctrlZoom = false;
            QMetaObject::invokeMethod(
                this,
                [this] { m_drawing->plot()->setSelectionRectMode(m_boxZoom ? QCP::srmZoom : QCP::srmNone); },
                Qt::QueuedConnection);
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace zs
