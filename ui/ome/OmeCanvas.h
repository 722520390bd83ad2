#pragma once
// The drawing surface of the OME-Zarr view: a plot in physical units (row 0 at the top, square
// physical pixels) holding three pictures: the coarse backdrop of the whole plane, the refined
// picture of the visible region over it, and the labels overlay on top. It knows nothing of
// stores: the view gives it images and where they lie, and hears when the user moved the view
// (once the movement rests) or points at a place.

#include "ome/LevelChooser.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QCPItemPixmap;

namespace zs::omeview {

class OmeCanvas final : public QWidget
{
    Q_OBJECT
public:
    explicit OmeCanvas(QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    // A new image: its whole plane and the axis titles ("x [µm]"); shows all of it.
    void setExtent(const ome::PhysicalRect &whole, const QString &xTitle, const QString &yTitle);
    void showBackdrop(const QImage &image, const ome::PhysicalRect &rect);
    void showDetail(const QImage &image, const ome::PhysicalRect &rect);
    void showLabels(const QImage &image, const ome::PhysicalRect &rect); // a null image hides them
    void clearPictures();
    bool hasDetail() const;

    ome::PhysicalRect visibleRect() const;
    QSize screenPixels() const; // device pixels of the plotting area
    void zoomTo(const ome::PhysicalRect &rect);

public Q_SLOTS:
    void home();

Q_SIGNALS:
    void viewRested(); // the visible region changed and has stayed so for a moment
    void pointed(double y, double x);

private:
    void keepSquare();
    void place(QCPItemPixmap *item, const QImage &image, const ome::PhysicalRect &rect);

    QCustomPlot *m_plot;
    QCPItemPixmap *m_backdrop;
    QCPItemPixmap *m_detail;
    QCPItemPixmap *m_labels;
    ome::PhysicalRect m_whole;
    QTimer m_rest;
    bool m_squaring = false;
};

} // namespace zs::omeview
