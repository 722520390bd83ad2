#pragma once
// The drawing of a plate: row and column names around a cell per position, each well's thumbnail
// (or why it has none) in its cell, the selected well outlined. Clicks name the well.

#include "ome/OmeMetadata.h"

#include <QImage>
#include <QWidget>

namespace zs::omeview {

// What is known of one well: its fields (image paths in the store) and its thumbnail.
struct WellCell
{
    QString path; // "A/1" below the plate
    QStringList fields;
    QImage thumbnail;
    QString problem; // why it has no thumbnail
    bool pending = true;
};

// The drawing of the grid: row and column names, a cell per well.
class PlateGrid final : public QWidget
{
    Q_OBJECT
public:
    explicit PlateGrid(QWidget *parent = nullptr);
    void setPlate(const ome::Plate &plate, const std::vector<WellCell> *wells);
    void setSelected(int well);
    QRect cellRect(int well) const;
    int wellAt(const QPoint &point) const;
    QSize sizeHint() const override;

Q_SIGNALS:
    void wellClicked(int well);
    void wellDoubleClicked(int well);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    QRect gridRect(int row, int column) const;

    ome::Plate m_plate;
    const std::vector<WellCell> *m_wells = nullptr;
    int m_selected = -1;
};

} // namespace zs::omeview
