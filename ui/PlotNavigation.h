#pragma once
// How the slice plot is navigated beyond QCustomPlot's drag and wheel: Home (the whole slice
// again) by a double-click on the plot or the Home key, box zoom (a left drag draws the rectangle
// to zoom to, while the toggle is on or with Ctrl held), and square pixels: one cell as wide as
// it is tall on screen, kept through resizes and zooms. It changes only the axes' ranges; the
// view refetches for them as for any zoom.

#include <QObject>

class QWidget;

namespace zs {

class SlicePlot;

class PlotNavigation final : public QObject
{
    Q_OBJECT
public:
    // Home is taken from key presses on the plot and on `keyScope` (the view around it).
    PlotNavigation(SlicePlot *drawing, QWidget *keyScope, QObject *parent = nullptr);

    void setBoxZoom(bool on);
    bool boxZoom() const { return m_boxZoom; }
    void setSquarePixels(bool on);
    bool squarePixels() const { return m_square; }

public Q_SLOTS:
    void home();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applySquarePixels(); // after each layout, when the axis rect's size is known

    SlicePlot *m_drawing;
    bool m_boxZoom = false;
    bool m_square = false;
    bool m_ctrlZoom = false; // a box zoom started with Ctrl: the mode goes back after it
};

} // namespace zs
